// `qmcsim describe` prints each parameter's allowed range (ParamDoc min/max, positive quantities):
// before, a range such as a quantizer's bits 2–8 was only learned from the error a wrong value gave.
import { describe, expect, it } from 'vitest';
import { registerDescriptors } from '../../src/config/index.js';
import { runCli } from './cli-helpers.js';

registerDescriptors([{
  interface: 'Quantizer', type: 'test-range-q', summary: 'ranges (test)',
  params: [
    { name: 'bits', kind: 'integer', default: 4, min: 2, max: 8, description: 'bits per weight' },
    { name: 'groups', kind: 'integer', default: 1, min: 1, description: 'groups' },
    { name: 'keep', kind: 'integer', default: 16, max: 32, description: 'kept bits' },
    { name: 'pulse', kind: 'time', default: '1 ns', positive: true, description: 'pulse' },
    { name: 'label', kind: 'string', default: 'x', description: 'a label' },
  ],
}]);

describe('qmcsim describe: parameter ranges', () => {
  it('the table has a last column range: [min, max], >= min, <= max, > 0 or empty', async () => {
    const r = await runCli('describe', 'Quantizer', 'test-range-q');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^param +kind +unit +default +estimate +source +description +range$/m);
    expect(r.stdout).toMatch(/^bits +integer +4 +\(no source\) +bits per weight +\[2, 8\]$/m);
    expect(r.stdout).toMatch(/^groups +integer .* groups +>= 1$/m);
    expect(r.stdout).toMatch(/^keep +integer .* kept bits +<= 32$/m);
    expect(r.stdout).toMatch(/^pulse +time +ps +1 ns .* pulse +> 0$/m);
    expect(r.stdout).toMatch(/^label +string .* a label$/m);
  });
  it('--json carries min and max', async () => {
    const r = await runCli('describe', 'Quantizer', 'test-range-q', '--json');
    const [d] = JSON.parse(r.stdout) as { params: { name: string; min?: number; max?: number }[] }[];
    expect(d?.params.find((p) => p.name === 'bits')).toMatchObject({ min: 2, max: 8 });
  });
});
