/**
 * Registers the study configuration kinds with the config layer, so `qmcsim validate` checks
 * experiments/qmc/study.yaml, experiments/qmc/expected.yaml and noise-study files (idempotent).
 */
import { registerConfigKind } from '../config/kinds.js';
import { expectedSchema, studySchema } from './study-config.js';
import { noiseStudySchema } from './noise-config.js';

let done = false;

export function registerStudyKinds(): void {
  if (done) return;
  done = true;
  registerConfigKind('qmc-study', studySchema, { description: 'the QMC reproduction study: configurations, claim roles, area model, ρ sweep (qmcsim reproduce qmc)' });
  registerConfigKind('qmc-expected', expectedSchema, { description: "the QMC paper's claims with tolerances (experiments/qmc/expected.yaml)" });
  registerConfigKind('noise-study', noiseStudySchema, { description: 'a device-noise study: MLC level spread or (p₋, p₊) step rates × cell mode, MRAM write-error rate (qmcsim study noise)' });
}
