// Regression: a quoted number with no unit (`latency: "3.5"`) was reported as `found 3.5`, the same
// as the YAML number 3.5, hiding the quotes the user typed. The string is now shown quoted
// (`found '3.5'`); the unquoted number is still shown bare.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile, q, strictObject } from '../../src/config/index.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const schema = strictObject({ latency: q.time(), energy: q.energyPerBit() });

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('a number without a unit', () => {
  it("quoted: found '3.5' (a string); unquoted: found 3.5 (a number)", () => {
    const f = t.write('q.yaml', 'latency: "3.5"\nenergy: 1.5\n');
    expect(configErrorsOf(() => loadConfigFile(f, schema)).format().split('\n')).toEqual([
      `${f}:1:10: latency: expected a time such as '3.5 ns', found '3.5'`,
      `${f}:2:9: energy: expected an energy per bit such as '1.56 pJ/bit', found 1.5`,
    ]);
    const s = t.write('s.yaml', "latency: ' 7 '\nenergy: '2'\n");
    expect(configErrorsOf(() => loadConfigFile(s, schema)).format().split('\n')).toEqual([
      `${s}:1:10: latency: expected a time such as '3.5 ns', found ' 7 '`,
      `${s}:2:9: energy: expected an energy per bit such as '1.56 pJ/bit', found '2'`,
    ]);
  });
});
