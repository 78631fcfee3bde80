// The reproduction's bit-error table printed a 3-bit MLC ReRAM BER of 2.46e-3 per bit while
// `qmcsim study noise` prints 1.27e-3 for the same nvmFI proxy at spread 1, with nothing saying why:
// the SoC's noise model uses binary level coding (a one-level fault can flip several bits), the
// noise study gray coding (one bit). The table now names each noisy memory's model and coding.
import { describe, expect, it } from 'vitest';
import type { ReproduceResult } from '../../src/study/reproduce.js';
import { bitErrorTable, noiseModelNotes } from '../../src/study/reproduce-tables.js';

const dev = (id: string, bitsRead: number) => ({
  id, technology: 'reram', weightBytes: 1, weightBitsStored: 8, bitsPerCell: 3, external: true, readEnergyPj: 0,
  backgroundEnergyPj: 0, linkEnergyPj: 0, busyPs: 0, streamPs: 0, bitErrors: 0, bitsRead, expectedBitErrors: 0,
});
const cfg = (noise: unknown) => ({ soc: { memories: [{ id: 'mram', noise: { kind: 'none' } }, { id: 'reram', noise }] } });
const step = { kind: 'level-step', levels: 8, pDown: 0.001, pUp: 0.001, levelCoding: 'binary' };
const gauss = { kind: 'gaussian-levels', means: [0, 0.4, 0.7, 1], sigmas: [0.01, 0.03, 0.03, 0.01], levelSpreadScale: 1, levelCoding: 'gray' };
const r = {
  layerReuse: false,
  runs: [
    { id: 'q3', label: 'QMC 3-bit MLC', latencyPs: 1, cdcEnergyPj: 0, metrics: {}, devices: [dev('mram', 100), dev('reram', 100)] },
    { id: 'e', label: 'eMEMs / MLC ReRAM', latencyPs: 1, cdcEnergyPj: 0, metrics: {}, devices: [dev('reram', 100)] },
    { id: 'q2', label: 'QMC 2-bit MLC', latencyPs: 1, cdcEnergyPj: 0, metrics: {}, devices: [dev('reram', 100)] },
    { id: 'fp16', label: 'FP16', latencyPs: 1, cdcEnergyPj: 0, metrics: {}, devices: [dev('reram', 0)] },
  ],
  configs: [
    { id: 'q3', config: cfg(step) }, { id: 'e', config: cfg(step) }, { id: 'q2', config: cfg(gauss) }, { id: 'fp16', config: cfg(step) },
  ],
} as unknown as ReproduceResult;

describe('bit-error table names the noise models behind the rates', () => {
  it('groups memories by model and level coding; skips noiseless and unread memories', () => {
    const [note] = noiseModelNotes(r);
    expect(note).toMatch(/^noise models: QMC 3-bit MLC reram, eMEMs \/ MLC ReRAM reram: level-step \(8 levels\), binary level coding; QMC 2-bit MLC reram: gaussian-levels \(4 levels\), gray level coding\. /);
    expect(note).not.toContain('mram');
    expect(note).not.toContain('FP16');
    expect(bitErrorTable(r).notes).toContain(note);
  });
  it('a model without levelCoding says binary (the default); a preset-based one takes the preset\'s levels', () => {
    const noCoding = { kind: 'level-step', levels: 8, pDown: 0.001, pUp: 0.001 };
    const fromPreset = { kind: 'gaussian-levels', preset: 'nvmexplorer-2bit' };
    const r2 = { ...r, configs: [{ id: 'q3', config: cfg(noCoding) }, { id: 'e', config: cfg(noCoding) }, { id: 'q2', config: cfg(fromPreset) }, { id: 'fp16', config: cfg(step) }] } as unknown as ReproduceResult;
    const [note] = noiseModelNotes(r2);
    expect(note).toMatch(/^noise models: QMC 3-bit MLC reram, eMEMs \/ MLC ReRAM reram: level-step \(8 levels\), binary level coding \(default\); QMC 2-bit MLC reram: gaussian-levels \(4 levels\), binary level coding \(default\)\. /);
  });
  it('no noisy memory read: no note', () => {
    expect(noiseModelNotes({ ...r, runs: r.runs.slice(3) })).toEqual([]);
  });
});
