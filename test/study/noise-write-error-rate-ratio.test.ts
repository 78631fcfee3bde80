// mram.writeErrorRate takes a rate as a number or a ratio ('0.1 %'), like mlc.stepRates and
// `replay --bit-error-rate`: '0.1 %' was refused ("expected a number ≥ 0 and ≤ 1"). A ratio is the
// same study as the number (same hash); a wrong dimension or a value above 1 is refused at its key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { noiseStudyYaml } from './noise-study-yaml.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-wer-ratio-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function validate(writeErrorRates: string): Promise<{ code: number; out: string; err: string; file: string }> {
  const file = join(dir, `n${writeErrorRates.length}.yaml`);
  writeFileSync(file, noiseStudyYaml({ writeErrorRates }));
  let out = '', err = '';
  const code = await main(['validate', file], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err, file };
}

const hashOf = (line: string): string => /hash ([0-9a-f]{12})/.exec(line)?.[1] ?? 'none';

describe('noise study mram.writeErrorRate', () => {
  it("accepts '0.1 %' as the rate 1.0e-3 (same configuration hash)", async () => {
    const pct = await validate("[0, '0.1 %']");
    const num = await validate('[0, 1.0e-3]');
    expect(pct.err).toBe('');
    expect(pct.code).toBe(0);
    expect(num.code).toBe(0);
    expect(hashOf(pct.out)).toBe(hashOf(num.out));
    expect(hashOf(pct.out)).not.toBe('none');
  });
  it("refuses a wrong dimension and a rate above 1 at the item, and '0.1 %' beside 0.001 as a repeat", async () => {
    const bad = await validate("[0, '0.1 ns', 2]");
    expect(bad.code).toBe(2);
    const lines = bad.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/n\d+\.yaml:\d+:\d+: mram\.writeErrorRate\[1\]: expected .*, found '0\.1 ns' \(a time\)$/);
    expect(lines[1]).toMatch(/n\d+\.yaml:\d+:\d+: mram\.writeErrorRate\[2\]: expected .*of at most 1, found 2$/);
    const dup = await validate("[0, '0.1 %', 0.001]");
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/mram\.writeErrorRate\[2\]: expected values listed once, found 0\.001 again \(already at index 1\)\n$/);
  });
});
