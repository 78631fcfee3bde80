// did-you-mean details not pinned elsewhere: the distance limit for longer words, ties broken by
// list order, swaps only of neighbours with the rest equal, misspeltKey skipping known keys,
// nearPath keeping the tail, and allowedKeysAt's literal exclusion and tie rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { misspeltKey, nearPath, suggest } from '../../src/config/did-you-mean.js';
import { allowedKeysAt } from '../../src/config/schema-keys.js';

describe('suggest', () => {
  it('a 7-letter word allows 2 edits (floor(7/3)), not 3', () => {
    expect(suggest('abcdefg', ['abcdxyz'])).toBeUndefined();
    expect(suggest('abcdefg', ['abcdeyz'])).toBe('abcdeyz');
    // 9 letters allow 3
    expect(suggest('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
  });

  it('a shortened name goes to the shortest candidate it begins, before a neighbour one letter away', () => {
    const timings = ['timing.tRC', 'timing.tRPpb', 'timing.tRPab', 'timing.tRAS'];
    expect(suggest('timing.tRP', timings)).toBe('timing.tRPpb');
    expect(suggest('timing.tRX', timings)).toBe('timing.tRC'); // no candidate begins with it
    expect(suggest('chan', ['channels', 'chip'])).toBe('chip'); // 'channels' is 4 letters longer: beyond the limit of 2
    expect(suggest('ch', ['channels'])).toBeUndefined(); // too short to be taken for a shortening
    expect(suggest('timing.tRC', timings)).toBe('timing.tRC'); // exact match wins
  });

  it('equal distances go to the first candidate in list order', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
    expect(suggest('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('a swap counts as one edit only when the rest of the word is equal', () => {
    expect(suggest('abc', ['bax'])).toBeUndefined();
    expect(suggest('abc', ['bac'])).toBe('bac');
  });
});

describe('misspeltKey and nearPath', () => {
  it('a key that is allowed is never reported as a misspelling of itself', () => {
    expect(misspeltKey({ type: 1 }, ['type', 'preset'])).toBeUndefined();
    expect(misspeltKey({ type: 1, prseet: 2 }, ['type', 'preset'])).toEqual({ key: 'prseet', meant: 'preset' });
  });

  it('replaces the first missing segment and keeps the segments after it', () => {
    const tree = { soc: { memories: [{ device: { channels: 2 } }] } };
    expect(nearPath(tree, ['soc', 'memories', 0, 'device', 'chanels'])).toEqual(['soc', 'memories', 0, 'device', 'channels']);
    expect(nearPath(tree, ['sco', 'memories', 0])).toEqual(['soc', 'memories', 0]);
    expect(nearPath(tree, ['soc', 'memories'])).toBeUndefined();
  });
});

describe('allowedKeysAt union members', () => {
  const u = z.union([
    z.strictObject({ scheme: z.literal('fp16'), a: z.number() }),
    z.strictObject({ scheme: z.literal('int8'), a: z.number(), keepBits: z.number(), x: z.number() }),
  ]);
  it('a member whose literal differs from the data is no candidate, however many keys it shares', () => {
    expect(allowedKeysAt(u, { scheme: 'int4', a: 1, keepBits: 2, x: 3 }, [])).toBeUndefined();
    expect(allowedKeysAt(u, { scheme: 'fp16', a: 1, keepBits: 2, x: 3 }, [])).toEqual(['scheme', 'a']);
  });

  it('without literals, equal scores go to the first member', () => {
    const v = z.union([z.strictObject({ a: z.number(), b: z.number() }), z.strictObject({ a: z.number(), c: z.number() })]);
    expect(allowedKeysAt(v, { a: 1 }, [])).toEqual(['a', 'b']);
    expect(allowedKeysAt(v, { a: 1, c: 2 }, [])).toEqual(['a', 'c']);
  });
});
