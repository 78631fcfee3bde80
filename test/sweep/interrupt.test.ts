// Ctrl-C during a sweep: the finished points are already stored, so the command says how far it got
// and how to go on (exit 130), and --resume then runs only the rest. Before, it died silently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, startProc } from './processes.js';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-sigint-'));
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('sweep interrupted', () => {
  it('SIGINT after some points: one line naming the count, the database and --resume; exit 130; --resume finishes', async () => {
    const spec = join(dir, 's.yaml');
    writeFileSync(spec, [
      'kind: sweep', 'name: sig', `base: ${join(ROOT, 'configs/runs/qmc-hymba.yaml')}`, 'seed: 1', 'layerReuse: true',
      'set:', '  model: smollm2-135m', '  workload.contextLength: 128',
      'axes:', '  - quant.rho: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]', '',
    ].join('\n'));
    const db = join(dir, 'db.duckdb'), out = join(dir, 'out');
    const args = ['--import', 'tsx', 'src/cli/main.ts', 'sweep', spec, '--workers', '1', '--db', db, '--out', out, '--verbose', '--no-progress'];
    const p = startProc(process.execPath, args);
    await p.waitFor(/^stored p[0-9a-f]+ \(1\/8\)$/);
    p.kill('SIGINT');
    expect(await p.exited).toBe(130);
    const line = p.lines.find((l) => l.startsWith('sig: interrupted'));
    expect(line).toMatch(new RegExp(`^sig: interrupted after [1-7] of 8 points; the finished ones are stored in ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Run the same command with --resume to finish$`));
    const done = Number(/after (\d) of/.exec(line!)![1]);
    const r = startProc(process.execPath, [...args, '--resume']);
    expect(await r.exited).toBe(0);
    expect(r.lines).toContain(`8 points stored in ${db} (${8 - done} run now, ${done} reused); 0 more skipped by constraints`);
  }, 240_000);
});
