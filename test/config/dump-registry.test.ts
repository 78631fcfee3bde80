// Content hashes, resolved.json, atomic writes, plug-in registry, descriptor-driven schemas, did-you-mean.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SCHEMA_VERSION, allDescriptors, atomicWriteFile, canonicalJson, clearDescriptorsForTests, contentHash, descriptorSchema,
  findDescriptor, levenshtein, registerDescriptors, suggest, writeResolved, type PluginDescriptor,
} from '../../src/config/index.js';
import { tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('contentHash / writeResolved / atomicWriteFile', () => {
  it('hash ignores key order and changes with any value (property)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      expect(contentHash(reversed)).toBe(contentHash(obj));
      expect(contentHash({ ...obj, __extra__: 1 })).not.toBe(contentHash(obj));
    }), { numRuns: 200 });
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 0, y: 1 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":1,"z":0}]},"b":1}');
  });

  it('writeResolved writes schemaVersion, hash, meta and config with sorted keys', () => {
    const { path, hash } = writeResolved(join(t.dir, 'out', 'run1'), { z: 1, a: 'x' }, { seed: 7 });
    const j = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(j).toEqual({ schemaVersion: SCHEMA_VERSION, contentHash: hash, meta: { seed: 7 }, config: { a: 'x', z: 1 } });
    expect(hash).toBe(contentHash({ a: 'x', z: 1 }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('atomicWriteFile replaces the file and leaves no temp files', () => {
    const p = join(t.dir, 'sub', 'r.txt');
    atomicWriteFile(p, 'one');
    atomicWriteFile(p, 'two');
    expect(readFileSync(p, 'utf8')).toBe('two');
    expect(readdirSync(join(t.dir, 'sub'))).toEqual(['r.txt']);
    expect(() => atomicWriteFile(join(p, 'under-a-file'), 'x')).toThrow();
    expect(existsSync(p)).toBe(true);
  });
});

const dev: PluginDescriptor = {
  interface: 'MemoryDevice', type: 'test-sram', summary: 'test macro',
  params: [
    { name: 'readLatency', kind: 'time', description: 'read', default: '1 ns', source: 'estimate', estimate: true },
    { name: 'capacity', kind: 'size', description: 'bytes' },
    { name: 'ports', kind: 'integer', description: 'ports', default: 1 },
    { name: 'mode', kind: 'enum', values: ['fast', 'slow'], description: 'mode', default: 'fast' },
  ],
};

describe('registry', () => {
  afterEach(() => clearDescriptorsForTests());
  it('registers, finds, sorts and rejects a different duplicate', () => {
    registerDescriptors([dev, { ...dev, type: 'a-first' }]);
    registerDescriptors([dev]);
    expect(findDescriptor('MemoryDevice', 'test-sram')).toBe(dev);
    expect(allDescriptors().map((d) => d.type)).toEqual(['a-first', 'test-sram']);
    expect(() => registerDescriptors([{ ...dev }])).toThrow(/registered twice/);
    expect(() => registerDescriptors([{ ...dev, type: 'x', params: [dev.params[0]!, dev.params[0]!] }])).toThrow(/declared twice/);
  });

  it('descriptorSchema validates params by kind and rejects unknown keys', () => {
    const s = descriptorSchema(dev);
    expect(s.parse({ type: 'test-sram', capacity: '2 MiB', readLatency: '2 ns' })).toEqual({ type: 'test-sram', capacity: 2 ** 21, readLatency: 2000 });
    expect(s.safeParse({ type: 'test-sram' }).success).toBe(false);
    expect(s.safeParse({ type: 'test-sram', capacity: '1 kB', mode: 'fats' }).success).toBe(false);
    expect(s.safeParse({ type: 'test-sram', capacity: '1 kB', port: 2 }).success).toBe(false);
  });
});

describe('did-you-mean', () => {
  it('levenshtein is a metric on small strings (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b, c) => {
      expect(levenshtein(a, a)).toBe(0);
      expect(levenshtein(a, b)).toBe(levenshtein(b, a));
      expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
    }));
  });
  it('suggests close names only', () => {
    expect(suggest('progamPulse', ['programPulse', 'readLatency'])).toBe('programPulse');
    expect(suggest('READLATENCY', ['programPulse', 'readLatency'])).toBe('readLatency');
    expect(suggest('banana', ['programPulse', 'readLatency'])).toBeUndefined();
    // three letters or fewer: one edit is a typo, two make another word ('foo' is not 'soc'); a swap of
    // neighbouring letters is one typo
    expect(suggest('foo', ['soc', 'run', 'sweep'])).toBeUndefined();
    expect(suggest('sco', ['soc', 'run', 'sweep'])).toBe('soc');
    expect(suggest('rnu', ['soc', 'run', 'sweep'])).toBe('run');
    expect(suggest('nosie', ['noise', 'run'])).toBe('noise');
    expect(suggest('so', ['soc', 'run'])).toBe('soc');
    expect(suggest('rn', ['soc', 'run'])).toBe('run');
  });
});
