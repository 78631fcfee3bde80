/**
 * Errors the CLI turns into exit codes without a stack: UserError (bad input or usage, exit 2),
 * ConfigErrors (one line per configuration problem, exit 2) and CheckFailed (a check ran and
 * failed, exit 1). Defined in src/config so every layer can throw them; re-exported here.
 */
import { UserError } from '../config/errors.js';

export { UserError, ConfigErrors, isUserError, formatProblem, type ConfigProblem } from '../config/errors.js';

/** A check ran and did not pass (e.g. a reproduced value outside tolerance): exit 1. */
export class CheckFailed extends UserError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'CheckFailed';
  }
}

/** Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 3 internal error (a bug). */
export const ExitCode = { Ok: 0, CheckFailed: 1, BadInput: 2, Internal: 3 } as const;
