/**
 * The 'analytic' sweep evaluator: resolves, identifies and lists estimates exactly as 'run-config'
 * does (run-config-evaluator.ts), and evaluates a point with the closed-form roofline model
 * (src/arch/analytic.ts) instead of the event-driven replay: a fast first screening pass whose
 * Pareto points are then run with 'run-config'. Metrics keep the DES names, plus `analytic: 1`.
 */
import { analyticConfig } from '../arch/analytic.js';
import type { RunConfig } from '../arch/run.js';
import type { SweepEvaluator } from './evaluator.js';
import { evaluator as runConfigEvaluator, runMetricNames } from './run-config-evaluator.js';

/** DES metrics the analytic model cannot compute (queueing, bit errors, device busy time, replay accounting). */
const NOT_ANALYTIC = /^(bitErrors|expectedBitErrors|engineEvents|simulatedPs|busyPsByMemory|linkWaitPsByMemory|queueingDelayPsByMemory|stallPsByMemory|bitErrorsByMemory|bitsReadNoisyByMemory|expectedBitErrorsByMemory)(\.|$)/;

/** Every metric name the analytic model may report for `cfg`: run-config's, less what it cannot compute, plus `analytic`. */
export function analyticMetricNames(cfg: RunConfig): string[] {
  return [...runMetricNames(cfg).filter((n) => !NOT_ANALYTIC.test(n)), 'analytic'].sort();
}

export const evaluator: SweepEvaluator = {
  resolve: runConfigEvaluator.resolve,
  identity: runConfigEvaluator.identity!,
  estimates: runConfigEvaluator.estimates!,
  // layerReuse has nothing to extrapolate here: every step is computed in closed form
  evaluate(resolved, { seed }) {
    return { ...analyticConfig(resolved as RunConfig, { seed }).metrics };
  },
  metricNames(resolved) {
    return analyticMetricNames(resolved as RunConfig);
  },
};
