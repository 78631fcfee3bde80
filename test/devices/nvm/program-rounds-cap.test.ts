// Regression (audit 2026-11-28): iterationsMax had no upper bound, and the program-and-verify sampler
// builds a CDF table of max − min + 1 entries, so `iterationsMax: 1000000000` hung `qmcsim validate`
// (over a minute, allocating the table) instead of a one-line error. The cap is now 1000 rounds, in
// the schema (file:line, exit 2) and in the model. (5000 is used below so that, without the cap, the
// test fails quickly instead of allocating a huge table.)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Reram } from '../../../src/devices/nvm/reram.js';
import { reramSchema } from '../../../src/devices/nvm/reram-plugin.js';
import { IterationSampler, MAX_PROGRAM_ROUNDS } from '../../../src/devices/nvm/program-verify.js';
import { qmcReramMode } from '../../../src/devices/presets/reram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';
import { runCli } from '../../cli/cli-helpers.js';

describe('program-and-verify round cap', () => {
  it('a devices file with iterationsMax above the cap is exit 2 at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-rounds-'));
    const f = join(dir, 'd.yaml');
    writeFileSync(f, 'kind: devices\nversion: 1\ndevices:\n  - id: r\n    type: reram\n    preset: qmc-reram-3bit\n    iterationsMax: 5000\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/d\.yaml:7:\d+: devices\[0\]\.iterationsMax: expected an integer from 1 to 1000, found 5000$/);
  });

  it('the model and the sampler refuse it too; the cap itself is accepted', () => {
    expect(MAX_PROGRAM_ROUNDS).toBe(1000);
    const p = resolvePreset(qmcReramMode(3), reramSchema);
    expect(() => new Reram({ ...p, iterationsMax: 5000 }, { engine: new Engine(), path: 'r' })).toThrow(/iterationsMax must be at most 1000 rounds, got 5000/);
    expect(() => new IterationSampler({ minIterations: 1, successProbability: 0.5, maxIterations: 5000 })).toThrow(/at most 1000/);
    expect(new Reram({ ...p, iterationsMax: 1000 }, { engine: new Engine(), path: 'r' }).meanIterations).toBeCloseTo(2 + 0.7 / 0.3, 9);
  });
});
