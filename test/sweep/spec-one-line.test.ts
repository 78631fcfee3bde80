// One mistake, one line: a misspelt required key, a bad `steps:` and an unknown sampler type each
// gave a second, misleading line ('axes: … found nothing (the key is missing)' after `axis:`'s
// did-you-mean; 'found a range without steps' for `steps: 0`; the grid sampler's checks for a
// `type: sobol` sampler, which is no grid).
import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../../src/sweep/spec.js';

const HEAD = 'kind: sweep\nname: t\nbase: base.yaml\n';

function problems(text: string): string[] {
  try {
    parseSweepSpec(text, 's.yaml', '/tmp/s.yaml');
  } catch (e) {
    return (e as Error).message.split('\n');
  }
  return [];
}

describe('one line per mistake', () => {
  it('a misspelt axes: key is its did-you-mean only', () => {
    expect(problems(`${HEAD}axis:\n  - a.b: [1, 2]\n`)).toEqual([
      "s.yaml:4:1: axis: expected a sweep key, found 'axis'; did you mean 'axes'?",
    ]);
  });

  it('a misspelt base: key is its did-you-mean only', () => {
    expect(problems('kind: sweep\nname: t\nbsae: base.yaml\naxes:\n  - a.b: [1, 2]\n')).toEqual([
      "s.yaml:3:1: bsae: expected a sweep key, found 'bsae'; did you mean 'base'?",
    ]);
  });

  it('a missing axes: key (no look-alike) is still reported', () => {
    expect(problems(`${HEAD}seed: 1\n`)).toEqual([
      's.yaml:1:1: axes: expected a non-empty list of axes (- key: [values] or - zip: {...}), found nothing (the key is missing)',
    ]);
  });

  it('a misspelt sampler count is its did-you-mean only; a missing one is still reported', () => {
    expect(problems(`${HEAD}sampler: {type: random, cont: 3}\naxes:\n  - a.b: {from: 0, to: 1}\n`)).toEqual([
      "s.yaml:4:25: sampler.cont: expected a sampler key, found 'cont'; did you mean 'count'?",
    ]);
    expect(problems(`${HEAD}sampler: {type: random}\naxes:\n  - a.b: {from: 0, to: 1}\n`)).toEqual([
      's.yaml:4:10: sampler: expected a point count ≥ 1 for the random sampler, found nothing (the key is missing)',
    ]);
  });

  it('steps: 0 is one line at steps, not also a range without steps', () => {
    expect(problems(`${HEAD}axes:\n  - a.b: {from: 0.1, to: 0.3, steps: 0}\n`)).toEqual([
      's.yaml:5:38: axes[0].a.b.steps: expected an integer ≥ 1, found 0',
    ]);
  });

  it('an unknown sampler type is one line, without the grid sampler checks', () => {
    expect(problems(`${HEAD}sampler: {type: sobol, count: 4}\naxes:\n  - a.b: {from: 0, to: 1}\n`)).toEqual([
      "s.yaml:4:17: sampler.type: expected a sampler type (grid, random, latin-hypercube), found 'sobol'",
    ]);
  });
});
