// Regression: an integer too large to be held exactly (1e30, 2^53 + 1) was refused as "expected an
// integer ≥ 0, found 1e+30", which it is; the message now names the bound it breaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { int, strictObject } from '../../src/config/schema.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const schema = strictObject({ n: int({ min: 0 }) });

describe('int() beyond 2^53 − 1', () => {
  it.each([['1e30', '1e+30'], ['9007199254740993', '9007199254740992']])('n: %s', (text, shown) => {
    const f = t.write(`n-${text}.yaml`, `n: ${text}\n`);
    const e = configErrorsOf(() => loadConfigFile(f, schema));
    expect(e.message).toBe(`${f}:1:4: n: expected an integer ≥ 0 of magnitude ≤ 2^53 − 1 (9007199254740991), found ${shown} (too large to be held exactly)`);
  });

  it('a negative or fractional value keeps the plain message', () => {
    const f = t.write('neg.yaml', 'n: -5\n');
    expect(configErrorsOf(() => loadConfigFile(f, schema)).message).toBe(`${f}:1:4: n: expected an integer ≥ 0, found -5`);
    const g = t.write('frac.yaml', 'n: 1.5\n');
    expect(configErrorsOf(() => loadConfigFile(g, schema)).message).toBe(`${g}:1:4: n: expected an integer ≥ 0, found 1.5`);
  });

  it('the largest exact integer is accepted', () => {
    const f = t.write('max.yaml', 'n: 9007199254740991\n');
    expect(loadConfigFile(f, schema)).toEqual({ n: 9007199254740991 });
  });
});
