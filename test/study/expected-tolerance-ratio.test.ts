// A claim's tolerance in an expected.yaml takes a ratio ('3 %') as well as a number (0.03), as the
// claims table prints it ('±3%') and as every other ratio in qmcsim is written; '3 %' was refused as
// "expected a number". Same configuration hash as the number; a wrong dimension is refused at the key.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-tolerance-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SHIPPED = 'experiments/qmc/expected.yaml';
const FIRST = 'paper: 4.44,  unit: x,    tolerance: 0.03,';

async function validate(tolerance: string): Promise<{ code: number; out: string; err: string }> {
  const text = readFileSync(SHIPPED, 'utf8');
  expect(text).toContain(FIRST);
  const file = join(dir, 'expected.yaml');
  writeFileSync(file, text.replace(FIRST, `paper: 4.44,  unit: x,    tolerance: ${tolerance},`));
  const r = await runCli('validate', file);
  return { code: r.code, out: r.stdout, err: r.stderr.trim() };
}

const hashOf = (line: string): string => /hash ([0-9a-f]{12})/.exec(line)?.[1] ?? 'none';

describe('expected.yaml claim tolerance', () => {
  it("'3 %' is the tolerance 0.03 (same hash)", async () => {
    const pct = await validate('3 %');
    const num = await validate('0.03');
    expect(pct.err).toBe('');
    expect(pct.code).toBe(0);
    expect(hashOf(pct.out)).toBe(hashOf(num.out));
    expect(hashOf(num.out)).not.toBe('none');
  });
  it('a time, zero or more than 100 % is refused at the key (exit 2)', async () => {
    const bad = await validate('3 ns');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/expected\.yaml:\d+:\d+: claims\[0\]\.tolerance: expected .*, found '3 ns' \(a time\)$/);
    expect((await validate('0 %')).code).toBe(2);
    expect((await validate('150 %')).code).toBe(2);
  });
});
