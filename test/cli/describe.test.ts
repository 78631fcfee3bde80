// `qmcsim describe`: listings and per-plug-in parameter tables straight from descriptors.
import { describe, expect, it } from 'vitest';
import { registerDescriptors } from '../../src/config/index.js';
import { runCli } from './cli-helpers.js';

registerDescriptors([
  {
    interface: 'Arbiter', type: 'test-rr', summary: 'round-robin (test)',
    params: [{ name: 'weight', kind: 'integer', description: 'weight', default: 1 }],
  },
  {
    interface: 'MemoryDevice', type: 'test-mram', summary: 'STT-MRAM array (test)',
    params: [
      { name: 'writePulse', kind: 'time', description: 'write pulse width', default: '10 ns', source: 'QMC paper, Table 1' },
      { name: 'readEnergy', kind: 'energyPerBit', description: 'read energy', default: '0.5 pJ/bit', estimate: true, source: 'estimate' },
      { name: 'capacity', kind: 'size', description: 'capacity' },
    ],
    actions: ['read', 'write'],
    stats: { reads: 'count' },
    presets: { 'qmc-table1': { source: 'QMC paper, Table 1' } },
  },
]);

describe('qmcsim describe', () => {
  it('lists interfaces and configuration kinds', async () => {
    const r = await runCli('describe');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Arbiter\s+[^\n]*test-rr/);
    expect(r.stdout).toMatch(/MemoryDevice\s+.*\btest-mram\b/);
    expect(r.stdout).toMatch(/devices\s+a catalogue of memory devices/);
  });

  it('prints params with kind, unit, default, estimate flag and source', async () => {
    const r = await runCli('describe', 'MemoryDevice', 'test-mram');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/writePulse\s+time\s+ps\s+10 ns\s+QMC paper, Table 1\s+write pulse width/);
    expect(r.stdout).toMatch(/readEnergy\s+energyPerBit\s+pJ\/bit\s+0\.5 pJ\/bit\s+yes\s+estimate/);
    expect(r.stdout).toMatch(/capacity\s+size\s+B\s+\(required\)/);
    expect(r.stdout).toContain('actions counted: read, write');
    expect(r.stdout).toMatch(/qmc-table1\s+QMC paper, Table 1/);
    const all = await runCli('describe', '--all');
    expect(all.stdout).toContain('Arbiter test-rr');
    const json = await runCli('describe', 'memorydevice', '--json');
    expect(JSON.parse(json.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'test-mram' })]));
    // the JSON carries the canonical unit the text table shows
    const mram = (JSON.parse(json.stdout) as { type: string; params: { name: string; unit: string }[] }[]).find((d) => d.type === 'test-mram');
    expect(mram?.params.map((p) => [p.name, p.unit])).toEqual([['writePulse', 'ps'], ['readEnergy', 'pJ/bit'], ['capacity', 'B']]);
  });

  it('unknown interface or type → exit 2 with did-you-mean', async () => {
    const a = await runCli('describe', 'MemoryDevise');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("did you mean 'MemoryDevice'?");
    const b = await runCli('describe', 'MemoryDevice', 'test-mrm');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^describe: unknown MemoryDevice type 'test-mrm'; expected one of .*\btest-mram\b.*; did you mean 'test-mram'\?\n$/);
    expect(b.stderr).not.toContain('    at ');
  });

  it('types match case-insensitively, like interfaces', async () => {
    const r = await runCli('describe', 'memorydevice', 'TEST-MRAM');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^MemoryDevice test-mram: STT-MRAM array \(test\)/);
  });
});

describe('qmcsim describe and preset names', () => {
  it('lists the device-catalogue presets of lpddr5 (the names SoC files use)', async () => {
    const r = await runCli('describe', 'MemoryDevice', 'lpddr5');
    expect(r.code).toBe(0);
    for (const p of ['qmc-lpddr5', 'orin-lpddr5-6400', 'lpddr5-6400-x16']) expect(r.stdout).toMatch(new RegExp(`^${p}\\s+yes\\s+device catalogue: `, 'm'));
  });
  it('a preset given as a type names the type it belongs to', async () => {
    const a = await runCli('describe', 'MemoryDevice', 'qmc-reram-3bit');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/; 'qmc-reram-3bit' is a preset of type reram \(qmcsim describe MemoryDevice reram lists it\)\n$/);
    const b = await runCli('describe', 'MemoryDevice', 'qmc-lpddr5');
    expect(b.stderr).toMatch(/'qmc-lpddr5' is a preset of type lpddr5/);
  });
  it('a type or preset given as the interface points at its interfaces', async () => {
    const r = await runCli('describe', 'qmc');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'qmc' is a type or preset: qmcsim describe PlacementPolicy qmc, qmcsim describe Quantizer qmc\n$/);
  });
});
