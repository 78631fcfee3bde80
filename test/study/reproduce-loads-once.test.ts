// `qmcsim reproduce` loads each run configuration once: the up-front check (bad input reported before
// any replay) keeps what it loaded and hands it to the task, whose replay used to load it again.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/arch/run-config.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/arch/run-config.js')>();
  return { ...m, loadRunConfig: (...a: Parameters<typeof m.loadRunConfig>) => { loads.count++; return m.loadRunConfig(...a); } };
});
const { reproduce } = await import('../../src/study/reproduce.js');
const { inlineExecutor, runTask } = await import('../../src/study/run-task.js');
const { loadRunConfig } = await import('../../src/arch/run-config.js');
type RunTask = import('../../src/study/run-task.js').RunTask;

const STUDY = join(import.meta.dirname, '../../experiments/qmc/study.yaml');

describe('reproduce loads each configuration once', () => {
  it('every task carries its loaded configuration; the replays load nothing more', async () => {
    let seen: readonly RunTask[] = [];
    let loadsBeforeReplays = -1;
    const stop = new Error('stop after the replays');
    // the in-process executor replays only the first task (a second load would be counted), then stops
    const exec = async (tasks: readonly RunTask[]): Promise<never> => {
      seen = tasks;
      loadsBeforeReplays = loads.count;
      await inlineExecutor()(tasks.slice(0, 1), () => undefined);
      throw stop;
    };
    loads.count = 0;
    await expect(reproduce({ studyFile: STUDY, model: 'smollm2-135m', rhoSweep: false, executor: exec })).rejects.toBe(stop);
    expect(seen.length).toBe(8);
    expect(loadsBeforeReplays).toBe(seen.length);
    expect(loads.count).toBe(seen.length); // the replay used the task's configuration
    for (const t of seen) expect(t.config).toEqual(loadRunConfig(t.file, t.overrides, t.reference ?? []));
  }, 120_000);

  it('runTask replays a task\'s configuration without reading its file', () => {
    const file = join(import.meta.dirname, '../../experiments/qmc/qmc-3bit.yaml');
    const overrides = ['model=smollm2-135m', 'workload.contextLength=16'];
    const config = loadRunConfig(file, overrides);
    const task: RunTask = { id: 'x', label: 'x', file, overrides, seed: 1, layerReuse: true, weightTrafficOnly: true };
    loads.count = 0;
    const given = runTask({ ...task, file: join(import.meta.dirname, 'no-such-run.yaml'), config });
    expect(loads.count).toBe(0);
    expect(given.config).toBe(config);
    expect(JSON.stringify(given.summary)).toBe(JSON.stringify(runTask(task).summary));
  }, 120_000);
});
