// QMC Table 1's densities are read as binary megabits (Mib) wherever qmcsim uses them: the study's
// area model, the SoC configs (a run's areaMm2ByMemory) and the device presets, so `run` and
// `reproduce` report the same areas; the claims table notes the readings design values take and
// what the other reading would change.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { socSchema } from '../../src/arch/soc-schema.js';
import { nvmAndSramPresets, rawParams } from '../../src/devices/presets/index.js';
import { loadStudy } from '../../src/study/reproduce.js';
import { readingsNote } from '../../src/study/reproduce-tables.js';
import { parseQuantity } from '../../src/units/parse.js';

const ROOT = join(import.meta.dirname, '../..');
const MIB = 2 ** 20;
const density = (text: string): number => {
  const r = parseQuantity(text, 'density');
  if (!r.ok) throw new Error(`not a density: ${text}`);
  return r.value;
};

describe('Table 1 densities: one reading everywhere', () => {
  const { study } = loadStudy(join(ROOT, 'experiments/qmc/study.yaml'));

  it('the study, the QMC SoC and the presets agree (binary megabits per mm^2)', () => {
    const soc = loadConfig(join(ROOT, 'configs/soc/orin-agx-qmc.yaml'), socSchema).value;
    const byId = new Map(soc.memories.map((m) => [m.id, m.density]));
    const preset = (name: string): number => density(String(rawParams(nvmAndSramPresets.find((p) => p.name === name)!).density));
    expect(study.area.reram.density).toBeCloseTo(30.1 * MIB, 3);
    expect(study.area['stt-mram'].density).toBeCloseTo(66 * MIB, 3);
    expect(study.area.lpddr5.density).toBeCloseTo(209.9 * MIB, 3);
    // MRAM and ReRAM areas use their devices' densities (no memory-level key); LPDDR5's is the memory's
    expect(byId.get('reram')).toBeUndefined();
    expect(byId.get('mram')).toBeUndefined();
    expect(byId.get('lpddr5')).toBeCloseTo(study.area.lpddr5.density, 3);
    expect(preset('qmc-reram-3bit')).toBeCloseTo(study.area.reram.density, 3);
    expect(preset('qmc-mram')).toBeCloseTo(study.area['stt-mram'].density, 3);
  });

  it('the claims table lists the readings taken and what the other would change', () => {
    const note = readingsNote({ designValues: study.designValues.map((d) => ({ ...d, value: d.reading ?? 'V' })) }) ?? '';
    expect(note).toMatch(/^readings: /);
    expect(note).not.toContain("not the study's reading");
    for (const name of ['ReRAM bus transfer rate', 'ReRAM density (3-bit mode)', 'MRAM density', 'LPDDR5 density', 'LPDDR5 refresh']) {
      expect(note).toContain(`${name} ${study.designValues.find((d) => d.name === name)?.reading} (`);
    }
    expect(note).toContain('decimal megabits');
    expect(note).toContain('per-bank refresh');
    expect(readingsNote({ designValues: study.designValues.map(({ alternative: _a, ...d }) => ({ ...d, value: 'V' })) })).toBeUndefined();
  });

  it('a value other than the reading taken is said to be so, not described by the other reading\'s consequences', () => {
    const dv = study.designValues.map((d) => ({ ...d, value: d.reading ?? 'V' }));
    const ok = readingsNote({ designValues: dv }) ?? '';
    expect(ok).toContain('LPDDR5 refresh all-bank (per-bank refresh streams');
    const perBank = readingsNote({ designValues: dv.map((d) => (d.name === 'LPDDR5 refresh' ? { ...d, value: 'per-bank' } : d)) }) ?? '';
    expect(perBank).toContain("LPDDR5 refresh per-bank (not the study's reading, all-bank, to which the claims it drives were fitted)");
    expect(perBank).not.toContain('per-bank (per-bank refresh streams');
  });
  // Review: with --model or --set the note printed the paper model's figures ('area-reram-mm2 106.0 …
  // failing'), contradicting the tables above it.
  it('with another model the note names the readings taken without the paper model\'s figures', () => {
    const dv = study.designValues.map((d) => ({ ...d, value: d.reading ?? 'V' }));
    const note = readingsNote({ designValues: dv, paperModel: false, model: 'smollm2-135m' }) ?? '';
    expect(note).toContain('ReRAM density (3-bit mode) 31.56 Mb/mm^2');
    expect(note).not.toContain('failing');
    expect(note).toContain('not for smollm2-135m');
  });
});
