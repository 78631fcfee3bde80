/**
 * `qmcsim run FILE --analytic`: the analytic report, titled as such in text and with
 * `"mode": "analytic"` in --json, its metrics those of the analytic model; --out is refused (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { analyticConfig } from '../../src/arch/analytic.js';
import { loadRunConfig } from '../../src/arch/run-config.js';

const FILE = 'configs/runs/qmc-hymba.yaml';
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(['run', FILE, '--set', 'model=smollm2-135m', ...args], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('qmcsim run --analytic', () => {
  it('--json prints mode analytic and the analytic model\'s metrics', async () => {
    const r = await run(['--analytic', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { mode: string; metrics: Record<string, number>; notModelled: string[] };
    expect(j.mode).toBe('analytic');
    const expected = analyticConfig(loadRunConfig(FILE, ['model=smollm2-135m']), { seed: 1 }).metrics;
    expect(j.metrics).toEqual(expected);
    expect(j.metrics.analytic).toBe(1);
    expect(j.notModelled.join(' ')).toMatch(/queueing/);
  }, 60_000);

  it('the text report is titled as an analytic estimate, not a simulation', async () => {
    const r = await run(['--analytic']);
    expect(r.code).toBe(0);
    const first = r.out.split('\n')[0]!;
    expect(first).toMatch(/^ANALYTIC ESTIMATE \(roofline, not simulated\)/);
    expect(r.out).toMatch(/latency per token/);
    expect(r.out).toMatch(/not modelled/);
  }, 60_000);

  it('--out with --analytic is one line, exit 2', async () => {
    const r = await run(['--analytic', '--out', '/tmp/qmcsim-analytic-never']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--out: not available with --analytic/);
  });
});
