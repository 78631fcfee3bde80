// `qmcsim validate` checks each kind the way its own command loads it: sweep files get every check
// `qmcsim sweep` makes before a point runs, run configs go through loadRunConfig (so `--set soc.…`
// reaches the SoC file a path `soc:` names), and the study kinds validate too.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { isUserError } from '../../src/config/errors.js';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const at = (p: string): string => resolve(ROOT, p);
const RUN = at('configs/runs/qmc-hymba.yaml');

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

function expectOneLocatedLine(stderr: string, where: RegExp): void {
  expect(stderr).not.toContain('    at ');
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(where);
}

describe('qmcsim validate, kind: sweep', () => {
  it('accepts both shipped sweep files (exit 0)', async () => {
    const r = await runCli('validate', at('experiments/sweeps/qmc-design-space.yaml'), at('experiments/sweeps/models-x-quantizers.yaml'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/qmc-design-space\.yaml: valid sweep configuration \(1 file, hash [0-9a-f]{12}, 120 points\)/);
    expect(r.stdout).toMatch(/models-x-quantizers\.yaml: valid sweep configuration \(1 file, hash [0-9a-f]{12}, \d+ points/);
  }, 120_000);

  it('rejects an unknown axis key with file:line:col and a did-you-mean (exit 2)', async () => {
    const f = t.write('bad-axis.yaml', `kind: sweep\nname: bad\nbase: ${RUN}\naxes:\n  - quant.rho: [0.2, 0.3]\n  - quant.rhoo: [0.1]\n`);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLocatedLine(r.stderr, /bad-axis\.yaml:6:5: axes\[1\]\.quant\.rhoo: expected a config key of the base run config, found 'quant\.rhoo' .*; did you mean 'quant\.rho'\?$/);
  }, 60_000);

  it('rejects an axis value the base run config does not accept, at the axis line (exit 2)', async () => {
    const f = t.write('bad-value.yaml', `kind: sweep\nname: bad\nbase: ${RUN}\naxes:\n  - soc.memories[1].device.arraysPerBank: [13, -1]\n`);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).toMatch(/bad-value\.yaml:5:\d+: axes\[0\]\.soc\.memories\[1\]\.device\.arraysPerBank\[1\]: expected axis values that resolve to a valid config \(soc\.memories\[1\]\.device\.arraysPerBank=-1\)/);
  }, 60_000);

  it('locates a bad value of a later axis at that value, once, not at the first axis once per point (exit 2)', async () => {
    const f = t.write('bad-second-axis.yaml', `kind: sweep\nname: bad\nbase: ${RUN}\naxes:\n  - quant.rho: [0.2, 0.3, 0.4]\n` +
      `  - soc.memories[0].link.energyPerBit: ['0.05 pJ/bit', '0.2 ns']\n`);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLocatedLine(r.stderr, /bad-second-axis\.yaml:6:56: axes\[1\]\.soc\.memories\[0\]\.link\.energyPerBit\[1\]: expected axis values that resolve to a valid config \(soc\.memories\[0\]\.link\.energyPerBit="0\.2 ns"\), found .*found '0\.2 ns' \(a time\)$/);
  }, 60_000);

  it('gives the same answer as `qmcsim sweep` on a broken sweep file', async () => {
    const f = t.write('bad-sampler.yaml', `kind: sweep\nname: bad\nbase: ${RUN}\naxes:\n  - quant.rho: [0.2]\nsampler: {type: grdi}\n`);
    const v = await runCli('validate', f);
    const s = await runCli('sweep', f, '--workers', '0', '--out', join(t.dir, 'out'), '--no-progress');
    expect(v.code).toBe(2);
    expect(s.code).toBe(2);
    expect(v.stderr).toBe(s.stderr);
    expect(v.stderr).toMatch(/bad-sampler\.yaml:6:17: sampler\.type: expected a sampler type .*found 'grdi'; did you mean 'grid'\?/);
  }, 60_000);
});

describe('qmcsim validate, kind: run', () => {
  it("routes --set soc.… into the SoC file and accepts a good device capacity (exit 0)", async () => {
    const r = await runCli('validate', RUN, '--set', 'soc.memories[0].device.capacity=512 MiB');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/qmc-hymba\.yaml: valid run configuration \(2 files, hash [0-9a-f]{12}\)/);
  });

  it.each([
    ['unitless', 'soc.memories[0].device.capacity=64', /found 64$/],
    ['negative', 'soc.memories[0].device.capacity=-64 MiB', /found '-64 MiB' \(negative\)$/],
  ])('rejects a %s device capacity with a located line (exit 2)', async (_name, set, found) => {
    const r = await runCli('validate', RUN, '--set', set);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // located at the --set that wrote the value (README: errors in overridden values name the --set)
    expectOneLocatedLine(r.stderr, /^--set soc\.memories\[0\]\.device\.capacity=[^:]*: soc\.memories\[0\]\.device\.capacity: expected a size/);
    expect(r.stderr.trimEnd()).toMatch(found);
  });

  it('accepts and rejects exactly what loadRunConfig (qmcsim run) does', async () => {
    const cases = [
      [], ['quant.rho=0.4'], ['soc.memories[1].device.arraysPerBank=9'], ['soc.memories[1].device.arraysPerBank=0'],
      ['soc.memories[0].device.capacty=64 MiB'], ['workload.contextLength=-1'], ['soc.nosuch=1'], ['soc=../soc/orin-agx-qmc-2bit.yaml'],
      ['soc=../soc/missing.yaml'], ['placement.policy=nowhere'], ['soc.memories[0].device.capacity=1 GiB', 'quant.rho=0.2'],
    ];
    const seen = { accepted: 0, rejected: 0 };
    for (const set of cases) {
      let runOk = true;
      try {
        loadRunConfig(RUN, set);
      } catch (e) {
        if (!isUserError(e)) throw e;
        runOk = false;
      }
      const r = await runCli('validate', RUN, ...set.flatMap((s) => ['--set', s]));
      expect(r.code, `${set.join(' ')}: ${r.stderr}`).toBe(runOk ? 0 : 2);
      expect(r.stderr).not.toContain('    at ');
      seen[runOk ? 'accepted' : 'rejected']++;
    }
    expect(seen.accepted).toBeGreaterThanOrEqual(4);
    expect(seen.rejected).toBeGreaterThanOrEqual(4);
  }, 60_000);
});

describe('qmcsim validate, other registered kinds', () => {
  it('accepts the shipped SoC, run, study and device files', async () => {
    const files = [
      'configs/soc/orin-agx-qmc.yaml', 'configs/runs/fp16-hymba.yaml', 'experiments/qmc/study.yaml',
      'experiments/qmc/expected.yaml', 'experiments/noise/default.yaml', 'configs/devices/qmc-table1.yaml',
    ].map(at);
    const r = await runCli('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const kind of ['soc', 'run', 'qmc-study', 'qmc-expected', 'noise-study', 'devices']) expect(r.stdout).toContain(`valid ${kind} configuration`);
  });
});

describe('qmcsim validate, kind: noise-study', () => {
  const study = (over: Record<string, string>): string => {
    const v = { tensor: 'model.layers.0.mlp.up_proj.weight', preset3: 'nvmexplorer-3bit', mlcMemory: 'reram', set: 'model=smollm2-135m', ...over };
    return `kind: noise-study\nversion: 1\nseed: 1\nmodel: smollm2-135m\nweights:\n  tensors: [${v.tensor}]\n  maxRows: 8\n` +
      `quant: { scheme: qmc, rho: 0.3, inlierBits: 3, outlierBits: 5 }\n` +
      `mlc:\n  presets: { '2': nvmexplorer-2bit, '3': ${v.preset3} }\n  cellModes: [3, 2]\n  levelSpreadScale: [0, 1]\n` +
      `mram:\n  writeErrorRate: [0]\n` +
      `replay:\n  runs: { '2': ${at('experiments/qmc/qmc-2bit.yaml')}, '3': ${at('experiments/qmc/qmc-3bit.yaml')} }\n` +
      `  set: ['${v.set}']\n  mlcMemory: ${v.mlcMemory}\n  mramMemory: mram\n`;
  };

  it('accepts a well-formed study (exit 0)', async () => {
    const r = await runCli('validate', t.write('noise-ok.yaml', study({})));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid noise-study configuration');
  }, 60_000);

  it.each([
    ['tensor', { tensor: 'model.layers.99.mlp.up_proj.weight' }, /:6:13: weights\.tensors\[0\]: expected a tensor of model 'smollm2-135m'.*did you mean 'model\.layers\.9\.mlp\.up_proj\.weight'\?$/],
    ['noise preset', { preset3: 'nvmexplorer-3bitt' }, /:10:\d+: mlc\.presets\["3"\]: expected a noise preset .*did you mean 'nvmexplorer-3bit'\?$/],
    ['memory id', { mlcMemory: 'rerem' }, /: replay\.mlcMemory: expected a memory of .*found 'rerem'; did you mean 'reram'\?$/],
    ['replay.set model', { set: 'model=smollm2-135mm' }, /: replay\.set, replaying .*unknown model 'smollm2-135mm'/],
  ])('rejects an unknown %s as `qmcsim study noise` does, with a located line (exit 2)', async (name, over, where) => {
    const r = await runCli('validate', t.write(`noise-bad-${name.replace(/\W/g, '-')}.yaml`, study(over)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLocatedLine(r.stderr, where);
  }, 60_000);
});
