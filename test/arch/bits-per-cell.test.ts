// A memory's bitsPerCell (it counts the memory's cells: cells, weightCells, the memory claims)
// must be its device's: a 3-bit ReRAM counted at 2 bits, or an LPDDR5 counted at 3, is a located
// error at load time instead of silently wrong cell counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/arch/run-config.js';

const qmc = 'configs/runs/qmc-hymba.yaml';

function message(overrides: string[]): string {
  try {
    loadRunConfig(qmc, overrides);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('memory bitsPerCell against its device', () => {
  it('the built-in QMC run loads', () => {
    expect(message([])).toBe('');
  });
  it('a 3-bit ReRAM device counted at 2 bits per cell is refused at the --set', () => {
    expect(message(['soc.memories[1].bitsPerCell=2'])).toBe(
      '--set soc.memories[1].bitsPerCell=2: soc.memories[1].bitsPerCell: expected 3, the bits per cell of its device (qmc-reram-3bit), found 2');
  });
  it('an LPDDR5 counted at 3 bits per cell is refused', () => {
    expect(message(['soc.memories[2].bitsPerCell=3'])).toMatch(/soc\.memories\[2\]\.bitsPerCell: expected 1, the bits per cell of its device \(qmc-lpddr5\), found 3$/);
  });
  it('a ReRAM device switched to 1 bit per cell while the memory still says 3 is located at the memory', () => {
    // the line of the ReRAM memory's `bitsPerCell: 3` in the SoC file (read, so comment edits do not break the test)
    const line = readFileSync('configs/soc/orin-agx-qmc.yaml', 'utf8').split('\n').findIndex((l) => /^\s+bitsPerCell: 3\b/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(message(['soc.memories[1].device.bitsPerCell=1', 'soc.memories[1].noise={type: none}'])).toMatch(
      new RegExp(`configs/soc/orin-agx-qmc\\.yaml:${line}:\\d+: memories\\[1\\]\\.bitsPerCell: expected 1, the bits per cell of its device \\(qmc-reram-3bit\\), found 3$`));
  });
});
