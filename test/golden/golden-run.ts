/**
 * The reference run of the "results changed" gate: QMC on the Orin-class SoC (configs/runs/
 * qmc-hymba.yaml) with SmolLM2-135M and layer reuse, a few seconds. Its headline parts (metrics,
 * energy, memories, queueing, utilisation, placement, steps, per-memory bit errors; not the
 * per-tensor lists) are kept in test/golden/qmc-smollm2-135m.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

export const GOLDEN_FILE = resolve(import.meta.dirname, 'qmc-smollm2-135m.json');
const ROOT = resolve(import.meta.dirname, '..', '..');

const KEPT = ['name', 'model', 'quant', 'seed', 'metrics', 'energy', 'memories', 'bytesByRole', 'queueing', 'utilisation', 'placement', 'steps', 'powerBudget', 'layerReuse'] as const;

/** Runs the reference configuration and returns the kept parts of its result.json. */
export async function goldenRun(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-golden-'));
  try {
    let stderr = '';
    const code = await main(['run', join(ROOT, 'configs/runs/qmc-hymba.yaml'), '--set', 'model=smollm2-135m', '--layer-reuse', '--out', dir], { stdout: () => {}, stderr: (s) => { stderr += s; } });
    if (code !== 0) throw new Error(`golden run failed (exit ${code}): ${stderr}`);
    const r = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Record<string, unknown>;
    const kept: Record<string, unknown> = Object.fromEntries(KEPT.map((k) => [k, r[k]]));
    kept.bitErrorsByMemory = (r.bitErrors as { byMemory: unknown }).byMemory;
    return kept;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
