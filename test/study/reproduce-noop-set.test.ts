// `reproduce --set` that changes no replayed configuration (a value set to what it already is) keeps
// the paper's values and checks; before, any --set made the results "new results" without paper values.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareReproduction } from '../../src/study/reproduce-prepare.js';

const STUDY = join(import.meta.dirname, '../../experiments/qmc/study.yaml');

describe('reproduce --set and the paper values', () => {
  it('a --set that leaves every configuration as it was keeps the paper values', () => {
    expect(prepareReproduction({ studyFile: STUDY, rhoSweep: false, overrides: ['workload.contextLength=1024'] }).paperModel).toBe(true);
  });
  it('a --set that changes a configuration gives new results', () => {
    expect(prepareReproduction({ studyFile: STUDY, rhoSweep: false, overrides: ['workload.contextLength=512'] }).paperModel).toBe(false);
  });
  it('no --set: the paper values', () => {
    expect(prepareReproduction({ studyFile: STUDY, rhoSweep: false }).paperModel).toBe(true);
  });
});

describe('reproduce --set naming a list item by id', () => {
  it('applies to the configurations that have the item; the others replay without it', () => {
    const p = prepareReproduction({ studyFile: STUDY, rhoSweep: false, overrides: ['soc.memories[reram].device.banksPerChannel=3'] });
    const withIt = p.tasks.filter((t) => t.overrides.includes('soc.memories[reram].device.banksPerChannel=3')).map((t) => t.id);
    expect(withIt).toContain('qmc-3bit');
    expect(p.skippedSets).toHaveLength(1);
    expect(p.skippedSets[0]?.configurations).toContain('fp16');
    expect(p.skippedSets[0]?.configurations).not.toContain('qmc-3bit');
    const qmc = p.tasks.find((t) => t.id === 'qmc-3bit')?.config as unknown as { soc: { memories: { id: string; device: { banksPerChannel?: number } }[] } };
    expect(qmc.soc.memories.find((m) => m.id === 'reram')?.device.banksPerChannel).toBe(3);
    expect(p.paperModel).toBe(false);
  });
  it('an item no configuration has is still an error', () => {
    expect(() => prepareReproduction({ studyFile: STUDY, rhoSweep: false, overrides: ['soc.memories[nosuch].device.channels=3'] })).toThrow(/nosuch/);
  });
});
