// `describe` said nothing of the `type: ideal` device an SoC memory may use: `describe MemoryDevice
// ideal` was an unknown type. It is now described from a descriptor kept beside the schema, without
// being registered (a device catalogue still refuses it).
import { describe, expect, it } from 'vitest';
import { idealSchema } from '../../src/arch/device-factory.js';
import { findDescriptor } from '../../src/config/registry.js';
import { runCli } from './cli-helpers.js';

describe('qmcsim describe MemoryDevice ideal', () => {
  it('documents every key of the ideal device schema, with units and the schema defaults', async () => {
    const r = await runCli('describe', 'MemoryDevice', 'ideal', '--json');
    expect(r.code, r.stderr).toBe(0);
    const [d] = JSON.parse(r.stdout) as { type: string; params: { name: string; unit: string; default?: string | number }[] }[];
    expect(d!.type).toBe('ideal');
    const names = d!.params.map((p) => p.name).sort();
    expect(names).toEqual(Object.keys(idealSchema.shape).sort());
    const unit = Object.fromEntries(d!.params.map((p) => [p.name, p.unit]));
    expect(unit).toMatchObject({ capacity: 'B', granule: 'B', channelBandwidth: 'B/s', latency: 'ps', readEnergy: 'pJ/bit', writeEnergy: 'pJ/bit', channels: '', queueDepth: '' });
    // documented defaults are what the schema fills in
    const parsed = idealSchema.parse({ type: 'ideal', capacity: '1 GiB', channels: 2, channelBandwidth: '10 GB/s', latency: '40 ns' });
    const dflt = Object.fromEntries(d!.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
    expect(Object.keys(dflt).sort()).toEqual(['granule', 'queueDepth', 'readEnergy', 'writeEnergy']);
    expect(idealSchema.shape.granule.parse(dflt.granule)).toBe(parsed.granule);
    expect(dflt.queueDepth).toBe(parsed.queueDepth);
    expect(idealSchema.shape.readEnergy.parse(dflt.readEnergy)).toBe(parsed.readEnergy);
  });

  it('lists it among the memory device types, and a misspelling gets a did-you-mean', async () => {
    expect((await runCli('describe')).stdout).toMatch(/MemoryDevice\s+[^\n]*\bideal \(ideal: SoC memories only\)/);
    expect((await runCli('describe', 'MemoryDevice')).stdout).toMatch(/\nideal\s+Reference memory for an SoC memory block only/);
    const bad = await runCli('describe', 'MemoryDevice', 'idael');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'ideal'?");
  });

  it('is not a registered plug-in (device catalogues and replay cannot build it)', async () => {
    await runCli('describe'); // registers the built-in plug-ins
    expect(findDescriptor('MemoryDevice', 'lpddr5')).toBeDefined();
    expect(findDescriptor('MemoryDevice', 'ideal')).toBeUndefined();
  });
});
