// Regression: `reproduce qmc --set workload.contextLength=512` (the paper's model with a what-if
// override) titled its claims "no paper values for this model", blaming the model instead of the
// override that removed the paper values.
import { describe, expect, it } from 'vitest';
import { claimsTitle } from '../../src/study/reproduce-tables.js';

describe('claims table title', () => {
  it('names the --set overrides when they, not the model, remove the paper values', () => {
    expect(claimsTitle({ model: 'hymba-1.5b', paperModel: false, overrides: ['workload.contextLength=512'] }))
      .toBe('QMC claims, hymba-1.5b (one decode token, weight traffic; no paper values with --set workload.contextLength=512: new results)');
  });
  it('another model, and the paper case, are unchanged', () => {
    expect(claimsTitle({ model: 'smollm2-135m', paperModel: false, overrides: [] }))
      .toBe('QMC claims, smollm2-135m (one decode token, weight traffic; no paper values for this model: new results)');
    expect(claimsTitle({ model: 'hymba-1.5b', paperModel: true, overrides: [] })).toBe('QMC claims, hymba-1.5b (one decode token, weight traffic)');
  });
});
