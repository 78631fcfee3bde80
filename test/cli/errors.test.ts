// The CLI's global error policy: user errors → their exit code and one line each; fs errors → 2;
// anything else → 3 with a one-line message, the stack only with QMCSIM_DEBUG=1.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckFailed, ConfigErrors, UserError } from '../../src/cli/errors.js';
import { reported } from './cli-helpers.js';
import { SimError } from '../../src/engine/index.js';

const capture = reported;

afterEach(() => { delete process.env.QMCSIM_DEBUG; });

describe('reportError', () => {
  it('user errors print their lines and use their exit code', () => {
    expect(capture(new UserError('bad thing'))).toEqual({ code: 2, stderr: 'bad thing\n' });
    expect(capture(new CheckFailed('claim x off by 9 %'))).toEqual({ code: 1, stderr: 'claim x off by 9 %\n' });
    const ce = new ConfigErrors([
      { file: 'a.yaml', line: 3, col: 5, path: 'x.y', expected: "a time such as '3.5 ns'", found: '50' },
      { file: '--set z=1', line: 0, col: 0, path: 'z', expected: 'a string', found: '1', hint: "did you mean 'zz'?" },
    ]);
    expect(capture(ce)).toEqual({ code: 2, stderr: "a.yaml:3:5: x.y: expected a time such as '3.5 ns', found 50\n--set z=1: z: expected a string, found 1; did you mean 'zz'?\n" });
  });

  it('file-system errors are bad input (exit 2), one line', () => {
    const e = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: 'x/y.yaml' });
    expect(capture(e)).toEqual({ code: 2, stderr: 'qmcsim: x/y.yaml: no such file or directory\n' });
  });

  it('an unmapped zod error is bad input (exit 2)', () => {
    const r = z.number().safeParse('x');
    expect(capture(r.error).code).toBe(2);
  });

  it('internal errors exit 3 with one short line and no stack unless QMCSIM_DEBUG=1', () => {
    const r = capture(new SimError('signal fired twice', 1200));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('qmcsim: internal error: SimError: @1200 ps: signal fired twice\nqmcsim: this is a bug; set QMCSIM_DEBUG=1 to print the stack trace\n');
    expect(r.stderr).not.toContain('    at ');
    process.env.QMCSIM_DEBUG = '1';
    expect(capture(new Error('boom')).stderr).toContain('    at ');
  });
});
