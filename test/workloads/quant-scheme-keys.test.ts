// Each quantization scheme takes only the keys it reads (docs/workload-trace-format.md §8): a key of
// another scheme (keepBits under fp16, symmetric under mxint4, …), and groupSize / rowPtrBits where
// they would be ignored, are refused with one located line — in a quant file, a run's quant: block
// and a --set — never silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadQuantConfig, quantConfig, quantConfigSchema, type QuantScheme } from '../../src/workloads/quant/config.js';
import { workloadDescriptors } from '../../src/workloads/descriptors.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { allowedKeysAt } from '../../src/config/schema-keys.js';
import { configErrorsOf, tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from '../cli/cli-helpers.js';

/** The keys each scheme reads, besides 'scheme' and 'name', in schema order (the specification). */
const quantizing = ['scope', 'keepBits', 'scaleBits'];
const KEYS: Record<QuantScheme, readonly string[]> = {
  fp16: [],
  bf16: [],
  int8: [...quantizing, 'granularity', 'groupSize', 'symmetric'],
  rtn: [...quantizing, 'bits', 'granularity', 'groupSize', 'symmetric'],
  mxint4: [...quantizing, 'blockSize', 'elementBits'],
  qmc: [...quantizing, 'rho', 'inlierBits', 'outlierBits', 'symmetric', 'grid', 'pMinus', 'pPlus', 'outlierIndex', 'rowPtrBits'],
};
const SCHEMES = Object.keys(KEYS) as QuantScheme[];
/** A value each key accepts in the scheme that owns it (YAML flow text). */
const SAMPLE: Record<string, string> = {
  scope: '{ conv: true }', keepBits: '16', scaleBits: '8', granularity: 'group', groupSize: '64', symmetric: 'false',
  bits: '4', blockSize: '32', elementBits: '4', rho: '0.2', inlierBits: '3', outlierBits: '5', grid: '{ steps: 11 }',
  pMinus: '0.001', pPlus: '0.001', outlierIndex: 'csr', rowPtrBits: '32',
};
/** The allowed-key list as errors print it (at most 12 keys shown). */
const quoted = (keys: readonly string[]): string =>
  keys.slice(0, 12).map((k) => `'${k}'`).join(', ') + (keys.length > 12 ? `, … (${keys.length - 12} more)` : '');

let t: TempDir;
beforeAll(() => { t = tempDir('qmcsim-quant-keys-'); });
afterAll(() => t.remove());

describe('a key of another scheme', () => {
  const cases = SCHEMES.flatMap((s) => Object.keys(SAMPLE).filter((k) => !KEYS[s].includes(k)).map((k) => [s, k] as const));

  it.each(cases)('scheme %s with %s: one line naming file:line:col, the key and the schemes it applies to', (s, k) => {
    const f = t.write(`${s}-${k}.yaml`, `scheme: ${s}\n${k}: ${SAMPLE[k]}\n`);
    const owners = SCHEMES.filter((o) => KEYS[o].includes(k)).join(', ');
    expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(
      `${f}:2:1: ${k}: expected a key allowed at the top level for scheme ${s} (${quoted(['scheme', 'name', ...KEYS[s]])}), `
      + `found '${k}'; ${k} does not apply to scheme ${s}, it applies to ${owners}`);
  });

  it('every key of its own scheme is still accepted', () => {
    for (const s of SCHEMES) {
      const body = KEYS[s].map((k) => `${k}: ${SAMPLE[k]}\n`).join('');
      expect(loadQuantConfig(t.write(`ok-${s}.yaml`, `scheme: ${s}\nname: n\n${body}`)).scheme).toBe(s);
    }
  });

  it('qmc rho, pMinus and pPlus are ratios: a percentage is the same value as the plain number; another unit is one line', () => {
    const pct = loadQuantConfig(t.write('qmc-pct.yaml', 'scheme: qmc\nrho: 30 %\npMinus: 0.2 %\npPlus: 0.25 %\n'));
    const num = loadQuantConfig(t.write('qmc-num.yaml', 'scheme: qmc\nrho: 0.3\npMinus: 0.002\npPlus: 0.0025\n'));
    expect(pct).toEqual(num);
    expect(pct.scheme === 'qmc' && [pct.rho, pct.pMinus, pct.pPlus]).toEqual([0.3, 0.002, 0.0025]);
    const f = t.write('qmc-ms.yaml', 'scheme: qmc\nrho: 30 ms\n');
    expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(`${f}:2:6: rho: expected a plain number or percentage such as '0.3' or '30 %', found '30 ms' (a time)`);
  });

  it('fp16 with keepBits: 3 is that one line (not a range error), exit 2 and no stack from qmcsim validate', async () => {
    const f = t.write('fp16-keep3.yaml', 'kind: quant\nscheme: fp16\nkeepBits: 3\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${f}:3:1: keepBits: expected a key allowed at the top level for scheme fp16 ('scheme', 'name'), found 'keepBits'; keepBits does not apply to scheme fp16, it applies to int8, rtn, mxint4, qmc`,
    ]);
  });

  it("in a run file's quant: block and in a --set, at the quant key", () => {
    const run = readFileSync('configs/runs/fp16-hymba.yaml', 'utf8')
      .replace('soc: ../soc/', `soc: ${resolve('configs/soc')}/`)
      .replace('quant: { scheme: fp16 }', 'quant:\n  scheme: bf16\n  scope: { conv: true }');
    const f = t.write('run-bf16-scope.yaml', run);
    const line = run.split('\n').indexOf('  scope: { conv: true }') + 1;
    expect(configErrorsOf(() => loadRunConfig(f)).format()).toBe(
      `${f}:${line}:3: quant.scope: expected a key allowed at 'quant' for scheme bf16 ('scheme', 'name'), found 'scope'; scope does not apply to scheme bf16, it applies to int8, rtn, mxint4, qmc`);
    expect(configErrorsOf(() => loadRunConfig('configs/runs/fp16-hymba.yaml', ['quant.scaleBits=8'])).format()).toBe(
      "--set quant.scaleBits=8: quant.scaleBits: expected a key allowed at 'quant' for scheme fp16 ('scheme', 'name'), found 'scaleBits'; scaleBits does not apply to scheme fp16, it applies to int8, rtn, mxint4, qmc");
  });

  it('a misspelt key of the scheme still gets the did-you-mean, not the other-scheme message', () => {
    const f = t.write('typo.yaml', 'scheme: mxint4\nkeepBit: 16\n');
    expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(
      `${f}:2:1: keepBit: expected a key allowed at the top level (${quoted(['scheme', 'name', ...KEYS.mxint4])}), found unknown key 'keepBit'; did you mean 'keepBits'?`);
  });
});

describe('keys that would be ignored within a scheme', () => {
  it.each(['int8', 'rtn'] as const)('%s: groupSize only with granularity group; 128 when absent', (s) => {
    for (const [body, line] of [['granularity: channel\ngroupSize: 64\n', 3], ['groupSize: 64\n', 2]] as const) {
      const f = t.write(`${s}-gs.yaml`, `scheme: ${s}\n${body}`);
      expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(
        `${f}:${line}:12: groupSize: expected groupSize only with granularity group (granularity channel has one scale per row), found 64`);
    }
    expect(quantConfig({ scheme: s, granularity: 'group', groupSize: 64 })).toMatchObject({ granularity: 'group', groupSize: 64 });
    expect(quantConfig({ scheme: s, granularity: 'group' })).toMatchObject({ groupSize: 128 });
    expect(quantConfig({ scheme: s })).toMatchObject({ granularity: 'channel', groupSize: 128 });
  });

  it('qmc: rowPtrBits only with outlierIndex csr; 32 when absent', () => {
    for (const [idx, line] of [['', 2], ['outlierIndex: index\n', 3]] as const) {
      const f = t.write('qmc-rp.yaml', `scheme: qmc\n${idx}rowPtrBits: 16\n`);
      expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(
        `${f}:${line}:13: rowPtrBits: expected rowPtrBits only with outlierIndex csr (outlierIndex ${idx ? 'index' : 'bitmap'} has no row pointers), found 16`);
    }
    expect(quantConfig({ scheme: 'qmc', outlierIndex: 'csr', rowPtrBits: 16 })).toMatchObject({ rowPtrBits: 16 });
    expect(quantConfig({ scheme: 'qmc', outlierIndex: 'csr' })).toMatchObject({ rowPtrBits: 32 });
  });
});

describe('the documented keys are the accepted keys', () => {
  it.each(SCHEMES)('%s: schema members and qmcsim describe list exactly the keys it reads', (s) => {
    expect(allowedKeysAt(quantConfigSchema, { scheme: s }, [])).toEqual(['scheme', 'name', ...KEYS[s]]);
    const d = workloadDescriptors.find((x) => x.type === s);
    const described = new Set(d?.params.map((p) => p.name.split('.')[0]));
    expect([...described].sort()).toEqual([...KEYS[s]].sort());
  });
});

describe('keepBits', () => {
  // kept tensors are stored (accounting) and evaluated (metrics/quality.ts) as FP16 or FP32 only
  it('is 16 or 32; any other width is refused with its line instead of being priced at one width and evaluated at another', () => {
    for (const bits of [8, 24, 31]) {
      const f = t.write(`kb-${bits}.yaml`, `scheme: rtn\nbits: 4\nkeepBits: ${bits}\n`);
      expect(configErrorsOf(() => loadQuantConfig(f)).format()).toBe(`${f}:3:11: keepBits: expected one of 16, 32, found ${bits}`);
    }
    for (const bits of [16, 32] as const) {
      const c = quantConfig({ scheme: 'rtn', bits: 4, keepBits: bits });
      expect(c.scheme === 'rtn' && c.keepBits).toBe(bits);
    }
  });
});
