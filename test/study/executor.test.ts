/**
 * The thread-pool executor gives exactly the in-process executor's results (summaries keyed by task
 * id, identical numbers), so `--threads` never changes the output. Two small replays.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/reproduce.js';
import { inlineExecutor, type RunTask } from '../../src/study/run-task.js';
import { poolExecutor } from '../../src/study/run-pool.js';
import { isUserError, type UserError } from '../../src/config/errors.js';

const DIR = join(import.meta.dirname, '../../experiments/qmc');
const { study } = loadStudy(join(DIR, 'study.yaml'));
const tasks: RunTask[] = ['qmc-3bit', 'emems-reram'].map((id) => {
  const c = study.configurations.find((x) => x.id === id)!;
  return { id, label: c.label, file: join(DIR, c.file), overrides: [...c.set, 'model=smollm2-135m'], seed: 3, layerReuse: true, weightTrafficOnly: true };
});

describe('study executors', () => {
  it('thread pool and in-process replays agree exactly', async () => {
    const seen: number[] = [];
    const a = await inlineExecutor()(tasks, () => undefined);
    const b = await poolExecutor(2)(tasks, (done) => seen.push(done));
    expect(seen.sort()).toEqual([1, 2]);
    for (const t of tasks) {
      expect(JSON.stringify(b.get(t.id)?.summary)).toBe(JSON.stringify(a.get(t.id)?.summary));
    }
    expect(a.get('qmc-3bit')?.summary.devices.find((d) => d.id === 'reram')?.bitErrors).toBeGreaterThan(0);
  }, 240_000);

  it('bad input raised inside a worker thread stays bad input (exit 2), not an internal error', async () => {
    const bad: RunTask = { ...tasks[0]!, id: 'bad', overrides: [...tasks[0]!.overrides, 'compute.enabled=true', 'soc.initiators[0].compute.fp16OpsPerUnitCycle=0'] };
    const e = await poolExecutor(1)([bad], () => undefined).then(() => null, (x: unknown) => x);
    expect(isUserError(e)).toBe(true);
    expect((e as UserError).exitCode).toBe(2);
    expect((e as Error).message).toMatch(/^compute: initiator 'gpu' has no fp16 compute throughput/);
  }, 120_000);
});
