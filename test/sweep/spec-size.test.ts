// A grid or sampler count too large to resolve is refused at once (a 10^10-point grid hung while
// drawing, then ran out of memory), and a value or zipped combination listed twice is a located
// error (it drew the same point twice, silently counted as a duplicate draw).
import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '../../src/sweep/spec.js';

const HEAD = 'kind: sweep\nname: t\nbase: base.yaml\n';

function problems(body: string): string[] {
  try {
    parseSweepSpec(HEAD + body, 's.yaml', '/tmp/s.yaml');
  } catch (e) {
    return (e as Error).message.split('\n');
  }
  return [];
}

describe('sweep size', () => {
  it('a grid above 10000 points is one located line with the product', () => {
    expect(problems('axes:\n  - a.b: {from: 0, to: 1, steps: 100000}\n  - a.c: {from: 1, to: 9, steps: 100000}\n')).toEqual([
      's.yaml:5:3: axes: expected a grid of at most 10000 points (each point is resolved before the first runs: use fewer values or steps, or sampler: {type: random, count: N}; maxPoints: (default 10000) raises it), found 10000000000 points (100000 × 100000)',
    ]);
  });

  it('a random sampler count above 10000 is refused; the same axes with a count are fine', () => {
    const axes = 'axes:\n  - a.b: {from: 0, to: 1}\n';
    expect(problems(`sampler: {type: random, count: 1000000000}\n${axes}`)).toEqual([
      's.yaml:4:32: sampler.count: expected a point count of at most 10000 (each point is resolved before the first runs; maxPoints: (default 10000) raises it), found 1000000000',
    ]);
    expect(problems(`sampler: {type: latin-hypercube, count: 50}\n${axes}`)).toEqual([]);
  });

  it('maxPoints: raises (or lowers) the limit; a bad value is located', () => {
    const grid = 'axes:\n  - a.b: {from: 0, to: 1, steps: 200}\n  - a.c: {from: 1, to: 9, steps: 100}\n';
    expect(problems(grid)).toHaveLength(1);
    expect(problems(`maxPoints: 20000\n${grid}`)).toEqual([]);
    expect(problems(`maxPoints: 10\nsampler: {type: random, count: 11}\naxes:\n  - a.b: {from: 0, to: 1}\n`)).toEqual([
      "s.yaml:5:32: sampler.count: expected a point count of at most 10 (each point is resolved before the first runs; the file's maxPoints: 10), found 11",
    ]);
    expect(problems(`maxPoints: 0\n${grid}`)[0]).toBe('s.yaml:4:12: maxPoints: expected a point limit ≥ 1, found 0');
    expect(problems(`maxPoints: lots\n${grid}`)[0]).toBe("s.yaml:4:12: maxPoints: expected a non-negative integer, found 'lots'");
  });

  it('a 10000-point grid is accepted', () => {
    expect(problems('axes:\n  - a.b: {from: 0, to: 1, steps: 100}\n  - a.c: {from: 1, to: 9, steps: 100}\n')).toEqual([]);
  });
});

describe('values listed twice', () => {
  it('0.2 and 0.20 on one axis: located at the repeat', () => {
    expect(problems('axes:\n  - a.b: [0.2, 0.3, 0.20]\n')).toEqual([
      "s.yaml:5:21: axes[0].a.b[2]: expected each value of axis 'a.b' once, found 0.2 again (as [0])",
    ]);
  });

  it('equal maps in any key order are the same value', () => {
    expect(problems('axes:\n  - a.b: [{x: 1, y: 2}, {y: 2, x: 1}]\n')).toHaveLength(1);
  });

  it('zip: a repeated value is fine while the combination differs; a repeated combination is not', () => {
    expect(problems('axes:\n  - zip:\n      a.b: [1, 1]\n      a.c: [2, 3]\n')).toEqual([]);
    expect(problems('axes:\n  - zip:\n      a.b: [1, 2, 1]\n      a.c: [3, 4, 3]\n')).toEqual([
      's.yaml:6:19: axes[0].zip.a.b[2]: expected each combination of zipped values once, found item 2 of every zipped key equal to item 0',
    ]);
  });
});

describe('quantities listed twice in different units', () => {
  // '3.5 ns' and '3500 ps' are one latency: both were drawn and run as two points (two ids, since
  // the resolved config keeps the text), doubling the work and the row in the Pareto table.
  it("'3.5 ns' and '3500 ps' on one axis: located at the repeat", () => {
    expect(problems("axes:\n  - a.b: ['3.5 ns', '4 ns', '3500 ps']\n")).toEqual([
      "s.yaml:5:29: axes[0].a.b[2]: expected each value of axis 'a.b' once, found '3500 ps' again (as [0])",
    ]);
  });

  it('binary prefixes and rates: 1 GiB/s and 1024 MiB/s are one value; a zipped combination too', () => {
    expect(problems("axes:\n  - a.b: ['1 GiB/s', '1024 MiB/s']\n")).toHaveLength(1);
    expect(problems("axes:\n  - zip:\n      a.b: ['1 GHz', '1000 MHz']\n      a.c: [2, 2]\n")).toHaveLength(1);
  });

  it('different values, other dimensions and plain strings stay distinct', () => {
    expect(problems("axes:\n  - a.b: ['3.5 ns', '3.6 ns', '3.5 GB', 'preset-a', 'preset-b']\n")).toEqual([]);
    expect(problems("axes:\n  - a.b: ['36.57 GiB/s', '36.58 GiB/s']\n")).toEqual([]);
  });
});
