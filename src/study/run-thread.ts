/** Worker-thread entry of the study's thread pool (loaded by run-thread.mjs): one RunTask per call. */
import { runTask, type RunTask, type RunTaskResult } from './run-task.js';

/** Piscina task function. */
export default function run(task: RunTask): RunTaskResult {
  return runTask(task);
}
