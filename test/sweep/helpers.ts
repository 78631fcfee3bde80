/** Shared helpers of the sweep tests: temp dirs, the toy fixture paths, writing sweep files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TOY_BASE = join(FIXTURES, 'toy-base.yaml');
export const TOY_EVALUATOR = join(FIXTURES, 'toy-evaluator.ts');

/** A fresh temporary directory. */
export function tempDir(prefix = 'qmcsim-sweep-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a toy sweep file whose body is `body` (axes, sampler, ...) and returns its path. */
export function writeToySweep(dir: string, body: string, name = 'sweep.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, `kind: sweep\nname: t\nbase: ${TOY_BASE}\nevaluator: ${TOY_EVALUATOR}\n${body}`);
  return file;
}

/** Every stored point of a results database: id → stored metrics JSON (and the row count). */
export async function storedMetrics(dbFile: string): Promise<{ rows: number; metrics: Map<string, string>; statuses: Map<string, string> }> {
  const { ResultsDb } = await import('../../src/sweep/results-db.js');
  const db = await ResultsDb.open(dbFile);
  try {
    const pts = await db.points();
    return {
      rows: await db.count(),
      metrics: new Map(pts.map((p) => [p.id, p.metricsJson])),
      statuses: new Map(pts.map((p) => [p.id, p.status])),
    };
  } finally {
    await db.close();
  }
}

/** What `qmcsim sweep --json` prints, as far as the resume tests read it. */
export interface SweepSummary { ran: number; reused: number; points: { id: string; status: string; metrics: Record<string, number> }[] }

/** Runs `qmcsim sweep FILE --workers 0 --out OUT --json --no-progress --resume` in-process; expects exit 0. */
export async function resumeSweep(file: string, out: string): Promise<SweepSummary> {
  const { main } = await import('../../src/cli/main.js');
  let text = '';
  const code = await main(['sweep', file, '--workers', '0', '--out', out, '--json', '--no-progress', '--resume'], { stdout: (t) => { text += t; }, stderr: () => {} });
  expect(code).toBe(0);
  return JSON.parse(text) as SweepSummary;
}

/**
 * The message the pre-run checks (load + expandSweep) throw for the sweep file `file`, with its path
 * shown as FILE; fails the test when the sweep is accepted.
 */
export async function preRunRefusal(file: string): Promise<string> {
  const { loadSweepSpec } = await import('../../src/sweep/spec.js');
  const { expandSweep } = await import('../../src/sweep/points.js');
  try {
    await expandSweep(loadSweepSpec(file));
  } catch (e) {
    return (e as Error).message.replaceAll(file, 'FILE');
  }
  throw new Error(`expected ${file} to be refused before any point runs`);
}
