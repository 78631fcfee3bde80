// A run file checked against its SoC at load time: bad traffic initiators, placement regions,
// tensor regexes, model names, duplicate ids, region bounds and device-block keys are located
// one-line ConfigErrors (exit 2), never an internal error or a placement failure (exit 1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { runConfig } from '../../src/arch/run.js';
import { configErrorsOf } from '../config/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-run-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOC = `kind: soc
name: t-soc
initiators:
  - { id: gpu, type: gpu, window: 64 }
interconnect: { type: crossbar, arbiter: round-robin }
memories:
  - id: mram
    device: { preset: qmc-mram, capacity: 1 GiB }
    link: { transferRate: 32 GT/s, width: 64 bit, latency: 2 ns, energyPerBit: 0.1 pJ/bit }
  - id: dram
    device: { preset: qmc-lpddr5 }
    link: { transferRate: 6400 MT/s, width: 256 bit, latency: 5 ns, energyPerBit: 0 pJ/bit }
regions:
  - { id: w, memory: mram }
  - { id: kv, memory: dram }
`;

const RUN = `kind: run
name: t
soc: soc.yaml
model: smollm2-135m
quant: { scheme: int8 }
placement:
  policy: rules
  rules:
    - { kind: weight, region: w }
    - { kind: kv, region: kv }
    - { kind: state, region: kv }
    - { kind: activation, region: kv }
`;

function files(run: string, soc = SOC): string {
  const sub = mkdtempSync(join(dir, 'case-'));
  writeFileSync(join(sub, 'soc.yaml'), soc);
  writeFileSync(join(sub, 'run.yaml'), run);
  return join(sub, 'run.yaml');
}

const errorsOf = (f: () => unknown): string => configErrorsOf(f).message;

describe('run configuration checked against its SoC', () => {
  it('accepts the valid pair', () => {
    expect(loadRunConfig(files(RUN)).soc.name).toBe('t-soc');
  });

  it('unknown traffic initiator: located, with a did-you-mean', () => {
    const msg = errorsOf(() => loadRunConfig(files(`${RUN}traffic: { weights: gpux }\n`)));
    expect(msg).toMatch(/run\.yaml:13:\d+: traffic\.weights: expected an initiator of SoC 't-soc' \(gpu\), found 'gpux'; did you mean 'gpu'\?/);
  });

  it('unknown placement region in a rule and an invalid tensor regex', () => {
    const run = RUN.replace('{ kind: weight, region: w }', "{ kind: weight, region: ww, tensor: '(' }");
    const msg = errorsOf(() => loadRunConfig(files(run)));
    expect(msg).toMatch(/run\.yaml:9:\d+: placement\.rules\[0\]\.region: expected a region of SoC 't-soc' \(w, kv\), found 'ww'; did you mean 'w'\?/);
    expect(msg).toMatch(/run\.yaml:9:\d+: placement\.rules\[0\]\.tensor: expected a regular expression/);
  });

  it('a preset policy whose default regions the SoC lacks points at the policy', () => {
    const run = RUN.replace(/placement:[\s\S]*$/, 'placement: { policy: all-lpddr5, regions: { weights: w } }\n');
    const msg = errorsOf(() => loadRunConfig(files(run)));
    expect(msg).not.toMatch(/placement\.regions\.weights/);
    expect(msg).toMatch(/run\.yaml:6:\d+: placement\.regions\.activations: expected a region of SoC 't-soc' \(w, kv\) for the activations of policy 'all-lpddr5', found 'sram-act' \(the default/);
  });

  it('placement qmc with a scheme that has no outlier/inlier split (int8) is refused at placement.policy', () => {
    const run = RUN.replace(/placement:[\s\S]*$/, 'placement: { policy: qmc, regions: { outliers: w, inliers: w, kv: kv, activations: kv } }\n');
    const msg = errorsOf(() => loadRunConfig(files(run)));
    expect(msg).toMatch(/run\.yaml:6:\d+: placement\.policy: expected quant scheme qmc for placement policy qmc .*for scheme int8 use policy all-lpddr5, emems or rules, found policy qmc with quant scheme int8, which has no outlier\/inlier split \(every weight would go to 'w'\)/);
    expect(loadRunConfig(files(run.replace('{ scheme: int8 }', '{ scheme: qmc }'))).placement.policy).toBe('qmc');
  });

  it('unknown model: located at the model key, with a did-you-mean', () => {
    const msg = errorsOf(() => loadRunConfig(files(RUN.replace('smollm2-135m', 'smollm2-135'))));
    expect(msg).toMatch(/run\.yaml:4:8: model: expected a model of configs\/models .*found unknown model 'smollm2-135' \(did you mean 'smollm2-135m'\?\)/);
  });

  it('a context longer than the model has positions is rejected at workload.contextLength', () => {
    const msg = errorsOf(() => loadRunConfig(files(`${RUN}workload: { contextLength: 8192 }\n`)));
    expect(msg).toMatch(/run\.yaml:13:\d+: workload\.contextLength: expected at most 8191 cached tokens \(SmolLM2-135M has 8192 positions\), found 8192$/);
    expect(loadRunConfig(files(`${RUN}workload: { contextLength: 8191 }\n`)).workload.contextLength).toBe(8191);
  });

  it('compute.enabled with a compute initiator that cannot compute is bad input (was an internal error)', () => {
    const msg = errorsOf(() => loadRunConfig(files(`${RUN}compute: { enabled: true }\n`)));
    expect(msg).toMatch(/run\.yaml:13:\d+: compute\.enabled: expected compute off, or a compute: block on initiator 'gpu' \(traffic\.compute\)/);
    const soc = SOC.replace('window: 64 }', 'window: 64, compute: { units: 1, clock: 1 GHz, fp16OpsPerUnitCycle: 0, int8OpsPerUnitCycle: 8 } }');
    const cfg = loadRunConfig(files(`${RUN}compute: { enabled: true }\n`, soc), ['workload.contextLength=16']);
    expect(() => runConfig(cfg, { seed: 1, layerReuse: true })).toThrow(expect.objectContaining({ isUserError: true, message: expect.stringMatching(/^compute: initiator 'gpu' has no fp16 compute throughput/) }));
  }, 60_000);

  it('a device build failure points at the parameter the device names (DeviceParamError), not the whole block', () => {
    const soc = SOC.replace('device: { preset: qmc-mram, capacity: 1 GiB }', 'device: { preset: qmc-reram-3bit, capacity: 1 GiB, iterationsMin: 5, iterationsMax: 3 }');
    const msg = errorsOf(() => loadRunConfig(files(RUN, soc)));
    expect(msg).toMatch(/soc\.yaml:8:\d+: memories\[0\]\.device\.iterationsMax: expected a valid device \(catalogue preset \+ parameter overrides, or type: ideal\), found iterationsMax must be ≥ iterationsMin \(5\), got 3/);
  });

  it('a missing SoC file is located at the soc key', () => {
    const msg = errorsOf(() => loadRunConfig(files(RUN.replace('soc: soc.yaml', 'soc: nope.yaml'))));
    expect(msg).toMatch(/run\.yaml:3:6: soc: expected a kind: soc file/);
  });

  it('SoC cross-field problems: duplicate ids, a region on an unknown memory', () => {
    const soc = SOC.replace('  - { id: kv, memory: dram }', '  - { id: w, memory: drm }').replace('window: 64 }', 'window: 64 }\n  - { id: gpu, type: cpu, window: 8 }');
    const msg = errorsOf(() => loadRunConfig(files(RUN, soc)));
    expect(msg).toMatch(/soc\.yaml:5:\d+: initiators\[1\]\.id: expected a unique initiator id, found 'gpu'/);
    expect(msg).toMatch(/soc\.yaml:16:\d+: regions\[1\]\.id: expected a unique region id, found 'w'/);
    expect(msg).toMatch(/regions\[1\]\.memory: expected the id of a memory of this SoC \(mram, dram\), found 'drm'; did you mean 'dram'\?/);
  });

  it('regions outside their memory or overlapping are located', () => {
    const soc = SOC.replace('  - { id: w, memory: mram }', '  - { id: w, memory: mram, base: 2 GiB }\n  - { id: w2, memory: dram, base: 1 GiB, size: 1 GiB }')
      .replace('  - { id: kv, memory: dram }', '  - { id: kv, memory: dram, size: 1536 MiB }');
    const msg = errorsOf(() => loadRunConfig(files(RUN, soc)));
    expect(msg).toMatch(/soc\.yaml:14:\d+: regions\[0\]\.base: expected a region inside memory 'mram' \(capacity 1073741824 B = 1 GiB\), found base 2147483648 B/);
    expect(msg).toMatch(/soc\.yaml:16:\d+: regions\[2\]: expected a region not overlapping region 'w2'/);
  });

  it('device-block keys are checked where they are written, with a did-you-mean', () => {
    const soc = SOC.replace('capacity: 1 GiB }', 'capacity: 1 GiB, chanels: 3, readLatency: 0 ns }');
    const msg = errorsOf(() => loadRunConfig(files(RUN, soc)));
    expect(msg).toMatch(/soc\.yaml:8:\d+: memories\[0\]\.device\.chanels: expected a key allowed .*found unknown key 'chanels'; did you mean 'channels'\?/);
    expect(msg).toMatch(/soc\.yaml:8:\d+: memories\[0\]\.device\.readLatency: expected a time such as '3\.5 ns' \(> 0\), found '0 ns' \(zero\)/);
  });

  it('LPDDR5 device blocks: unknown keys are errors (were ignored), timings take YAML units (were canonical ps only)', () => {
    const msg = errorsOf(() => loadRunConfig(files(RUN), ['soc.memories[1].device.chanels=8', 'soc.memories[1].device.timing.tRCDD=20 ns']));
    expect(msg).toMatch(/^--set soc\.memories\[1\]\.device\.chanels=8: soc\.memories\[1\]\.device\.chanels: expected a key allowed .*found unknown key 'chanels'; did you mean 'channels'\?$/m);
    expect(msg).toMatch(/soc\.memories\[1\]\.device\.timing\.tRCDD: .*found unknown key 'tRCDD'; did you mean 'tRCD'\?$/m);
    const soc = SOC.replace('{ preset: qmc-lpddr5 }', '{ preset: qmc-lpddr5, timing: { tRCD: 40 ns }, density: 8 Gib }');
    const cfg = loadRunConfig(files(RUN, soc));
    expect(runConfig(cfg, { seed: 1, layerReuse: true }).metrics.latencyPerTokenPs).toBeGreaterThan(0);
  }, 60_000);

  it('an override of the SoC is quoted as typed (--set soc.…)', () => {
    const msg = errorsOf(() => loadRunConfig(files(RUN), ['soc.memories[0].device.channels=0']));
    expect(msg).toBe('--set soc.memories[0].device.channels=0: soc.memories[0].device.channels: expected an integer ≥ 1, found 0');
  });

  it('energyTables: unknown memory or table is located; a valid choice prices the memory with that table', () => {
    const bad = errorsOf(() => loadRunConfig(files(`${RUN}energyTables: { drm: x, dram: qmc-table2/lpddr5 }\n`)));
    expect(bad).toMatch(/run\.yaml:13:\d+: energyTables\.drm: expected a memory of SoC 't-soc' \(mram, dram\), found key 'drm'; did you mean 'dram'\?/);
    expect(bad).toMatch(/run\.yaml:13:\d+: energyTables\.dram: expected an energy table of memory 'dram' \(qmc-table1\/lpddr5, lpddr5\/idd-micron-8gb\), found 'qmc-table2\/lpddr5'; did you mean 'qmc-table1\/lpddr5'\?/);
    const table = (extra: string): string | undefined => {
      const r = runConfig(loadRunConfig(files(`${RUN}${extra}`), ['workload.contextLength=16']), { seed: 1, layerReuse: true });
      return r.energy.devices.find((d) => d.memory === 'dram')?.table;
    };
    expect(table('')).toBe('qmc-table1/lpddr5'); // qmc-lpddr5's own (first) table
    expect(table('energyTables: { dram: lpddr5/idd-micron-8gb }\n')).toBe('lpddr5/idd-micron-8gb');
  }, 60_000);

  it('soc: and a model YAML path are relative to the file that wrote them (also through extends:)', () => {
    const base = files(RUN.replace('model: smollm2-135m', 'model: ./tiny.yaml'));
    writeFileSync(join(dirname(base), 'tiny.yaml'), TINY);
    const other = mkdtempSync(join(dir, 'other-'));
    const child = join(other, 'child.yaml');
    writeFileSync(child, `kind: run\nextends: ${base}\nname: child\n`);
    const cfg = loadRunConfig(child);
    expect(cfg.soc.name).toBe('t-soc');
    expect(cfg.model).toBe(join(dirname(base), 'tiny.yaml'));
    expect(runConfig(cfg, { seed: 1, layerReuse: true }).metrics.latencyPerTokenPs).toBeGreaterThan(0);
  }, 60_000);
});

describe('--set model=PATH', () => {
  it('is relative to the working directory (a path typed on the command line)', () => {
    const run = files(RUN);
    const here = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(here, 'tiny.yaml'), TINY);
    const cwd = process.cwd();
    process.chdir(here);
    try {
      expect(loadRunConfig(run, ['model=tiny.yaml']).model).toBe(join(here, 'tiny.yaml'));
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('a model YAML with a problem', () => {
  it('is reported at the model file line (not wrapped into the run file)', () => {
    const run = files(RUN.replace('model: smollm2-135m', 'model: ./tiny.yaml'));
    writeFileSync(join(dirname(run), 'tiny.yaml'), TINY.replace('hiddenSize: 256', 'hiddenSise: 256'));
    const msg = errorsOf(() => loadRunConfig(run));
    expect(msg).toMatch(/^.*tiny\.yaml:6:1: hiddenSise: expected a key allowed at the top level .*; did you mean 'hiddenSize'\?$/);
  });
});

const TINY = `name: Tiny-QA
hfId: qa/tiny
family: llama
source: test model
publishedParams: 20M
hiddenSize: 256
numLayers: 2
vocabSize: 1000
tieWordEmbeddings: true
maxPositionEmbeddings: 2048
dtype: bf16
norm: { kind: rmsnorm, eps: 1.0e-5 }
attention: { numHeads: 4, numKvHeads: 2, headDim: 64, qkvBias: false }
mlp: { kind: swiglu, intermediateSize: 512 }
`;

describe('placement rules under a preset policy', () => {
  it('are refused at placement.rules (they were silently ignored)', () => {
    const run = RUN.replace('policy: rules', 'policy: all-lpddr5\n  regions: { weights: w, kv: kv, activations: kv }');
    const msg = errorsOf(() => loadRunConfig(files(run)));
    expect(msg).toMatch(/run\.yaml:\d+:\d+: placement\.rules: expected no rules \(policy 'all-lpddr5' places by placement\.regions; set policy: rules to use rules\), found 4 rules, which would be ignored$/);
  });
});
