// expected.yaml names claims the tool computes, in the unit it computes them in, for a model it can
// load: a made-up id, unit or model is refused at the key (with a did-you-mean), not accepted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeClaims, type AreaModel, type ClaimRoles } from '../../src/study/claims-calc.js';
import type { DeviceUse, RunSummary, Technology } from '../../src/study/run-summary.js';
import { CLAIM_UNITS } from '../../src/study/study-config.js';
import { runCli } from '../cli/cli-helpers.js';

const EXPECTED = readFileSync('experiments/qmc/expected.yaml', 'utf8');
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-expected-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function validate(text: string): Promise<{ code: number; line: string; file: string }> {
  const file = join(dir, 'expected.yaml');
  writeFileSync(file, text);
  const r = await runCli('validate', file);
  return { code: r.code, line: r.stderr.trim(), file };
}
const claim0 = (from: string, to: string): string => EXPECTED.replace(`{ id: compression,     paper: 4.44,  unit: x,`, `{ id: ${from},     paper: 4.44,  unit: ${to},`);

describe('expected.yaml schema', () => {
  it('the shipped file is valid', async () => {
    expect((await runCli('validate', 'experiments/qmc/expected.yaml')).code).toBe(0);
  });
  it('a claim id the tool does not compute is refused at the id, with a did-you-mean when misspelt', async () => {
    const a = await validate(claim0('xyzzy', 'x'));
    expect(a.code).toBe(2);
    expect(a.line).toMatch(new RegExp(`^${a.file}:8:11: claims\\[0\\]\\.id: expected one of 'compression', 'memory-3bit', .*found 'xyzzy'$`));
    const b = await validate(claim0('compresion', 'x'));
    expect(b.line).toMatch(/claims\[0\]\.id: expected one of .*found 'compresion'; did you mean 'compression'\?$/);
  });
  it('a unit that is not the one the claim is computed in is refused at the unit', async () => {
    const a = await validate(claim0('compression', "'3.5 kg'"));
    expect(a.code).toBe(2);
    expect(a.line).toBe(`${a.file}:8:48: claims[0].unit: expected one of 'x', 'mm^2', 'ms', 'mJ', found '3.5 kg'`);
    const b = await validate(claim0('compression', 'ms'));
    expect(b.line).toBe(`${b.file}:8:48: claims[0].unit: expected 'x' (the unit compression is computed in), found 'ms'`);
  });
  it('a claim listed twice is refused at the second', async () => {
    const r = await validate(EXPECTED.replace('{ id: memory-2bit, ', '{ id: memory-3bit, '));
    expect(r.line).toMatch(/:10:11: claims\[2\]\.id: expected a claim id listed once, found 'memory-3bit' again \(also claims\[1\]\)$/);
  });
  it('a model that is neither a catalogue model nor a model file is refused at the key', async () => {
    const a = await validate(EXPECTED.replace('model: hymba-1.5b', 'model: xyzzy'));
    expect(a.code).toBe(2);
    expect(a.line).toMatch(new RegExp(`^${a.file}:6:8: model: expected a catalogue model \\(hymba-1\\.5b, .*\\) or a model YAML path \\(relative to the working directory\\), found 'xyzzy'$`));
    expect((await validate(EXPECTED.replace('model: hymba-1.5b', 'model: hymba-1.5'))).line).toMatch(/found 'hymba-1\.5'; did you mean 'hymba-1\.5b'\?$/);
    expect((await validate(EXPECTED.replace('model: hymba-1.5b', 'model: configs/models/nope.yaml'))).line).toMatch(/found 'configs\/models\/nope\.yaml' \(.*no such file\)\)$/);
    expect((await validate(EXPECTED.replace('model: hymba-1.5b', 'model: configs/models/phi-2.yaml'))).code).toBe(0);
    expect((await validate(EXPECTED.replace('model: hymba-1.5b', 'model: Hymba-1.5B'))).code).toBe(0);
  });
  it('the claim table matches the claims computeClaims produces', () => {
    const dev = (id: string, technology: Technology, bits: number, bitsPerCell: number, external: boolean): DeviceUse => ({
      id, technology, weightBytes: bits * 1e9 / 8, weightBitsStored: bits * 1e9, bitsPerCell, external, readEnergyPj: bits * 1e9,
      backgroundEnergyPj: 0, linkEnergyPj: 0, busyPs: 0, streamPs: bits * 1e3, bitErrors: 0, bitsRead: 0, expectedBitErrors: 0,
    });
    const run = (id: string, devices: DeviceUse[]): RunSummary => ({ id, label: id, latencyPs: 1e9, devices, cdcEnergyPj: 0, metrics: {} });
    const qmc = [dev('mram', 'stt-mram', 1.5, 1, false), dev('reram', 'reram', 2.1, 3, true)];
    const roles: ClaimRoles = {
      fp16: run('fp16', [dev('lpddr5', 'lpddr5', 16, 1, true)]), int4: run('int4', [dev('lpddr5', 'lpddr5', 4, 1, true)]),
      qmc3: run('qmc3', qmc), qmc2: run('qmc2', qmc), ememsMram: run('em', [dev('mram', 'stt-mram', 4, 1, false)]), ememsReram: run('er', [dev('reram', 'reram', 4, 3, true)]),
    };
    const area: AreaModel = { densities: { lpddr5: { bitsPerMm2: 1e9, bitsPerCell: 1 }, 'stt-mram': { bitsPerMm2: 1e9, bitsPerCell: 1 }, reram: { bitsPerMm2: 1e9, bitsPerCell: 3 } }, flashBitsPerMm2: 1e9, flashBitsPerCell: 1 };
    expect(Object.keys(CLAIM_UNITS).sort()).toEqual(Object.keys(computeClaims(roles, area)).sort());
  });
});
