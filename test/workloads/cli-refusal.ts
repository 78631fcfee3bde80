/**
 * What the CLI prints and returns for an error a library call throws: runs `f`, expects it to throw
 * (sync or async), and reports the error through the CLI's reportError with captured stderr.
 */
import { reported as report } from '../cli/cli-helpers.js';

/** The exit code and stderr of the error `f` throws; fails the test if it returns. */
export function refusal(f: () => unknown): { code: number; stderr: string } {
  try {
    f();
  } catch (e) {
    return report(e);
  }
  throw new Error('expected an error');
}

/** refusal for an async call. */
export async function refusalAsync(f: () => Promise<unknown>, what = 'the call'): Promise<{ code: number; stderr: string }> {
  try {
    await f();
  } catch (e) {
    return report(e);
  }
  throw new Error(`expected ${what} to be refused`);
}
