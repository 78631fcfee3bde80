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
