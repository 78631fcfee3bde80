/** Worker-thread entry of the study's thread pool (loaded by run-thread.mjs): one RunTask per call. */
import { isUserError } from '../config/errors.js';
import { runTask, type RunTask, type RunTaskResult } from './run-task.js';

/**
 * A user error raised in the thread, as data: an Error crossing the thread boundary keeps only its
 * name and message, so the caller could not tell bad input (exit 2) from a bug (exit 3).
 */
export interface ThreadUserError {
  readonly userError: string;
  readonly exitCode: number;
}

/** Piscina task function. */
export default function run(task: RunTask): RunTaskResult | ThreadUserError {
  try {
    return runTask(task);
  } catch (e) {
    if (isUserError(e)) return { userError: e.format(), exitCode: e.exitCode };
    throw e;
  }
}
