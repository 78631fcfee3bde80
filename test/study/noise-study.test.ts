/**
 * Issue 7 acceptance 3 on a reduced noise study: 3-bit cells show a higher bit-error rate (replay,
 * per access) and a lower weight SQNR than 2-bit cells at the same level spread; zero noise gives
 * zero errors; sampled rates agree with the analytic expectation; --export writes safetensors that
 * read back as the noisy weights; the CLI's --json carries the checks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseStudy, type NoiseStudyResult } from '../../src/study/noise-study.js';
import { noiseChecks, noiseHtml, noiseTables } from '../../src/study/noise-tables.js';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';
import { main } from '../../src/cli/main.js';

const FILE = join(import.meta.dirname, 'fixtures/noise-small.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'qmcsim-noise-'));
let r: NoiseStudyResult;

beforeAll(async () => {
  r = await noiseStudy({ file: FILE, exportDir: join(tmp, 'export') });
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const point = (sweep: 'mlc' | 'mram', bits: number, x: number) => {
  const p = r.points.find((q) => q.sweep === sweep && q.cellBits === bits && q.x === x);
  if (!p) throw new Error(`no point ${sweep} ${bits} ${x}`);
  return p;
};

describe('noise study', () => {
  it('3-bit cells: higher BER and lower SQNR than 2-bit cells at the same spread', () => {
    for (const s of [1.5, 2.5]) {
      const p3 = point('mlc', 3, s);
      const p2 = point('mlc', 2, s);
      expect(p3.replay.ber, `spread ${s}`).toBeGreaterThan(p2.replay.ber);
      expect(p3.noisySqnrDb, `spread ${s}`).toBeLessThan(p2.noisySqnrDb);
      expect(p3.changedWeights).toBeGreaterThan(p2.changedWeights);
    }
    expect(noiseChecks(r).every((c) => c.pass)).toBe(true);
  });

  it('zero noise gives zero errors, in the replay and in the weights', () => {
    for (const p of r.points.filter((q) => q.x === 0)) {
      expect(p.replay.bitErrors).toBe(0);
      expect(p.replay.expectedBitErrors).toBe(0);
      expect(p.replay.bitsRead).toBeGreaterThan(0);
      expect(p.changedWeights).toBe(0);
      expect(p.noisySqnrDb).toBe(p.cleanSqnrDb);
    }
  });

  it('sampled per-access rates agree with the analytic expectation', () => {
    for (const p of r.points.filter((q) => q.replay.expectedBitErrors > 1000)) {
      const sd = Math.sqrt(p.replay.expectedBitErrors);
      expect(Math.abs(p.replay.bitErrors - p.replay.expectedBitErrors), `${p.sweep} ${p.cellBits} ${p.x}`).toBeLessThan(6 * sd + 0.01 * p.replay.expectedBitErrors);
    }
    const m = point('mram', 1, 1e-3);
    expect(m.replay.ber).toBeGreaterThan(5e-4);
    expect(m.replay.ber).toBeLessThan(2e-3);
    expect(m.noisySqnrDb).toBeLessThan(m.cleanSqnrDb);
  });

  it('builds its tables and a self-contained report with the three plots', async () => {
    const t = noiseTables(r);
    expect(t.map((x) => x.rows.length)).toEqual([6, 2, 16]);
    const html = await noiseHtml(r);
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
    expect(html).toContain('physics checks pass');
  });

  it('exports the noisy weights as safetensors', () => {
    const p = point('mlc', 3, 2.5);
    expect(p.exported && existsSync(p.exported)).toBe(true);
    const cp = Checkpoint.open(p.exported!);
    try {
      const w = cp.readFloat32('model.layers.0.moe.experts.0.up_proj.weight');
      expect(w.length).toBe(64 * 1600);
    } finally {
      cp.close();
    }
  });

  it('CLI: study noise --json carries points and passing checks (exit 0), identical for the same seed', async () => {
    let out = '';
    const code = await main(['study', 'noise', FILE, '--json', '--no-progress'], { stdout: (t) => void (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    const j = JSON.parse(out) as { points: { replay: { bitErrors: number }; changedWeights: number }[]; checks: { pass: boolean }[] };
    expect(j.points).toHaveLength(8);
    expect(j.points.map((p) => [p.replay.bitErrors, p.changedWeights])).toEqual(r.points.map((p) => [p.replay.bitErrors, p.changedWeights]));
    expect(j.checks.length).toBeGreaterThan(0);
    expect(j.checks.every((c) => c.pass)).toBe(true);
  }, 240_000);
});
