// commander's own errors (unknown option, missing option or argument, unknown command) printed two
// or three lines ("error: …", "(Did you mean …?)", "(run with --help for usage)"); they are one line
// like every other qmcsim error, exit 2.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

describe('option and argument errors', () => {
  it.each([
    [['replay', '--device', 'qmc-mram', '--trace', 'x.trc', '--jsn'], /^qmcsim: unknown option '--jsn' \(Did you mean --json\?\) \(run with --help for usage\)$/],
    [['replay', '--device', 'qmc-mram'], /^qmcsim: required option '--trace <file>' not specified \(run with --help for usage\)$/],
    [['valdate'], /^qmcsim: unknown command 'valdate' \(Did you mean validate\?\) \(run with --help for usage\)$/],
    [['run'], /^qmcsim: missing required argument 'file' \(run with --help for usage\)$/],
  ])('%j: one line, exit 2', async (args, line) => {
    const r = await runCli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(line);
  });
});
