// Regression: yaml reports an unterminated '[' (or '{', or quote) where it gave up, which for the
// last line of a file is the line after the end ('file:7:1' for a 6-line file). The error now
// points at the opening bracket or quote; other syntax errors never point past the last line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile, q, strictObject } from '../../src/config/index.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const schema = strictObject({ a: q.time().optional() });

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

const where = (f: string): string[] => configErrorsOf(() => loadConfigFile(f, schema)).problems.map((p) => `${p.line}:${p.col}`);

describe('syntax error locations', () => {
  it('an unterminated flow list at the end of a file is located at its [', () => {
    const text = 'kind: devices\nversion: 1\ndevices:\n  - type: stt-mram\n    id: x\n    readLatency: [3.5 ns\n';
    const f = t.write('a.yaml', text);
    const e = configErrorsOf(() => loadConfigFile(f, schema));
    expect(e.format()).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:18: expected valid YAML, found a syntax error \\(Flow sequence`));
    expect(e.problems).toHaveLength(1);
  });
  it('an unterminated flow map, nested list and quote are located at their openings', () => {
    expect(where(t.write('b.yaml', 'x:\n  y: {c: 1\n'))).toEqual(['2:6']);
    expect(where(t.write('c.yaml', 'x: [1, {b: 2\n'))).toEqual(['1:8', '1:4']);
    expect(where(t.write('d.yaml', 'x: 1\ny: "abc\n'))).toEqual(['2:4']);
  });
  it('a closed construct keeps yaml\'s own position', () => {
    expect(where(t.write('e.yaml', 'x: [1]\n  b: 3\n'))).toEqual(['2:1']);
  });
});
