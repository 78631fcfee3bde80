import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { formatReplayJson, formatReplayText } from '../../../src/devices/trace-replay/format-report.js';
import { accessNoiseFor, noiseModelEstimates, noisePreset } from '../../../src/devices/noise/models.js';
import { noiseDescriptors } from '../../../src/devices/noise/descriptors.js';

const trace = { name: 't.trc', data: Buffer.from('0 R 0x0 64 1\n1000 R 0x40 64 2\n') };

describe('replay reports name the noise model and the noise estimates behind the bit errors', () => {
  it('an estimate-based preset (stt-mram-default) is named and its estimated parameters are listed', () => {
    const run = runReplay({ device: 'qmc-mram', trace, noise: accessNoiseFor(noisePreset('stt-mram-default')) });
    expect(run.noise).toMatch(/^stt-mram p=/);
    expect(run.estimates).toEqual(expect.arrayContaining(['noise.thermalStability', 'noise.readCurrentRatio', 'noise.timeSinceWrite']));
    const text = formatReplayText(run);
    expect(text).toMatch(/bit errors: noise model stt-mram p=\S+ \(rests on estimates: noise\.readCurrentRatio, noise\.thermalStability, noise\.timeSinceWrite\)/);
    expect(text).toMatch(/estimates behind these numbers: .*noise\.thermalStability/);
    const doc = JSON.parse(formatReplayJson(run)) as { noiseModel: string; estimates: string[] };
    expect(doc.noiseModel).toBe(run.noise);
    expect(doc.estimates).toContain('noise.thermalStability');
  });

  it('sourced level sets add no estimates; no model prints as such', () => {
    const mlc = runReplay({ device: 'qmc-reram-3bit', trace, noise: accessNoiseFor(noisePreset('nvmexplorer-3bit')) });
    expect(mlc.estimates.some((e) => e.startsWith('noise.'))).toBe(false);
    expect(formatReplayText(mlc)).toContain('bit errors: noise model gaussian-levels binary\n');
    const none = runReplay({ device: 'qmc-reram-3bit', trace });
    expect(none.noise).toBeNull();
    expect(formatReplayText(none)).toContain('bit errors: no noise model attached');
  });

  it('parameters the user set are not estimates; write-error terms count only when write errors are on', () => {
    expect(noiseModelEstimates({ kind: 'stt-mram', thermalStability: 45, readCurrentRatio: 0.2, readPulseSeconds: 3.5e-9,
      writeCurrentRatio: 2, writePulseSeconds: 1e-8, timeSinceWriteSeconds: 3600 })).toEqual([]);
    expect(noiseModelEstimates({ kind: 'stt-mram', includeWriteErrors: true })).toEqual([
      'noise.precessionTime', 'noise.readCurrentRatio', 'noise.thermalStability', 'noise.timeSinceWrite', 'noise.writeCurrentRatio', 'noise.writePulse']);
    expect(noiseModelEstimates(noisePreset('sram-default'))).toEqual(['noise.sigmaV', 'noise.v50', 'noise.vdd']);
    expect(noiseModelEstimates(noisePreset('lpddr5-retention'))).toEqual(['noise.medianRetention', 'noise.sigmaLn']);
    expect(noiseModelEstimates({ kind: 'bit-flip', pBit: 1e-3 })).toEqual([]);
  });

  it('every estimate-flagged parameter of the per-bit kinds is tracked', () => {
    for (const kind of ['stt-mram', 'sram-lowvoltage', 'dram-retention']) {
      const d = noiseDescriptors.find((x) => x.type === kind)!;
      const flagged = d.params.filter((p) => p.estimate === true).map((p) => `noise.${p.name}`).sort();
      const spec = kind === 'stt-mram' ? { kind, includeWriteErrors: true } : { kind };
      expect(noiseModelEstimates(spec as never), kind).toEqual(flagged);
    }
  });
});
