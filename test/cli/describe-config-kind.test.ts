// Regression: `qmcsim describe` lists the configuration kinds under the interfaces, but
// `describe run` answered only "unknown interface 'run'" (with a did-you-mean of an interface, if
// any). It now says 'run' is a configuration kind and that `qmcsim validate` checks such files.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

describe('describe KIND', () => {
  it.each(['run', 'soc', 'SWEEP'])('%s names the configuration kind', async (name) => {
    const r = await runCli('describe', name);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const kind = name.toLowerCase();
    expect(r.stderr).toMatch(new RegExp(`^describe: unknown interface '${name}'; expected one of [^;]*; '${kind}' is a configuration kind \\(.+\\), not a plug-in interface: qmcsim validate FILE checks a kind: ${kind} file\\n$`));
  });
});
