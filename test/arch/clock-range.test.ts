// A configuration whose token would outlast the integer-picosecond clock (2^53 ps ≈ 2.5 h, e.g. a
// link at '1 T/s') is refused in one line naming the run file (exit 2), not an internal error (3),
// and with LPDDR5 in the SoC before the replay grinds through hours of refresh (it never ended).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinySramRun } from '../cli/fixtures.js';
import { runCli } from '../cli/cli-helpers.js';

let dir: string;
let run: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-clock-'));
  run = writeTinySramRun(dir, { hiddenSize: 128, numLayers: 2, vocabSize: 256, numHeads: 2, numKvHeads: 1, intermediateSize: 256 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a token beyond the simulator clock range', () => {
  it('runs normally at a sane link rate', async () => {
    const r = await runCli('run', run);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/latency per token/);
  });

  it('is one line naming the run file, exit 2, at 1 T/s', async () => {
    const r = await runCli('run', run, '--set', 'soc.memories[0].link.transferRate=1 T/s');
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^qmcsim run: ${run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the token does not finish within the simulator's clock range \\(2\\^53 ps ≈ 2\\.5 h of simulated time; stopped at .* s\\): a link or device bandwidth`));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(2);
  });

  it('is refused before the replay when a lower bound already exceeds the clock (LPDDR5: no grinding through refresh)', async () => {
    const r = await runCli('run', 'configs/runs/fp16-hymba.yaml', '--set', 'model=smollm2-135m', '--set', 'soc.memories[0].link.transferRate=1 T/s');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qmcsim run: configs\/runs\/fp16-hymba\.yaml: the token does not finish within the simulator's clock range \(2\^53 ps ≈ 2\.5 h of simulated time; the replay needs at least [\d.]+ days, bound by the link of lpddr5\): /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);
});
