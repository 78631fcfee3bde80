// The example a malformed --set prints must itself be a working override of a built-in run
// configuration (it named 'soc.memory[0].device.tRCD', a path no configuration has).
import { describe, expect, it } from 'vitest';
import { ConfigErrors, loadConfigFile } from '../../src/config/index.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { z } from 'zod';

describe('the example of a malformed --set', () => {
  it('is accepted by the built-in QMC run and changes the value it names', () => {
    let example = '';
    try {
      loadConfigFile('configs/runs/qmc-hymba.yaml', z.unknown(), { overrides: ['oops'] });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigErrors);
      example = /an override such as '([^']+)'/.exec((e as Error).message)?.[1] ?? '';
    }
    expect(example).not.toBe('');
    const cfg = loadRunConfig('configs/runs/qmc-hymba.yaml', [example]);
    const [path, value] = example.split('=') as [string, string];
    const m = /^soc\.memories\[(\d+)\]\.device\.(\w+)$/.exec(path);
    expect(m).not.toBeNull();
    expect(String(cfg.soc.memories[Number(m![1])]?.device[m![2]!])).toBe(value);
  });
});
