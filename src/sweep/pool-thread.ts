/** Worker-thread entry of the local pool: evaluates one PointTask per call (loaded by pool-thread.mjs). */
import { evaluateTask, type PointOutcome, type PointTask } from './task.js';

/** Piscina task function. */
export default function runTask(task: PointTask): Promise<PointOutcome> {
  return evaluateTask(task);
}
