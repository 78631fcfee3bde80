// `describe MemoryDevice lpddr5` listed no energy at all, although replay prices its counts with
// per-command IDD energies and QMC's per-bit figure, several of them estimates. A device type whose
// energy is no parameter now lists every table of its presets with value, unit of count, source and flag.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';

const text = async (type: string): Promise<string> => {
  const r = await runCli('describe', 'MemoryDevice', type);
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('describe MemoryDevice: energy tables', () => {
  it('lpddr5 lists the IDD table and QMC Table 1 with every priced action, source and estimate flag', async () => {
    const t = await text('lpddr5');
    expect(t).toMatch(/energy tables of its presets/);
    expect(t).toMatch(/lpddr5\/idd-micron-8gb\s+[^\n]*\bact\s+563\.063\s+command\s+yes\s+VDD2H/);
    expect(t).toMatch(/lpddr5\/idd-micron-8gb\s+[^\n]*\brd\s+906\.525\s+command/);
    expect(t).toMatch(/qmc-table1\/lpddr5\s+[^\n]*\breadBits\s+3\.5\s+bit\s+QMC/);
    expect(t).toMatch(/qmc-table1\/lpddr5\s+[^\n]*\bwriteBits\s+3\.5\s+bit\s+yes/);
  });
  it('device types whose energies are parameters (stt-mram, reram, sram) list them there, not twice', async () => {
    for (const type of ['stt-mram', 'reram', 'sram']) expect(await text(type)).not.toMatch(/energy tables of its presets/);
  });
});
