// Loading a run configuration builds each memory's device once: checkDevices builds them and hands
// them to the run's energyTables: check, which used to build the memories it names a second time.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SRAM_ONLY_SOC } from '../cli/fixtures.js';

const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/arch/device-factory.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/arch/device-factory.js')>();
  return { ...m, defaultDeviceFactory: (...a: Parameters<typeof m.defaultDeviceFactory>) => { builds.count++; return m.defaultDeviceFactory(...a); } };
});
const { loadRunConfig } = await import('../../src/arch/run-config.js');
const { checkDevices } = await import('../../src/arch/device-check.js');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const qmc = resolve(root, 'configs/runs/qmc-hymba.yaml');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-builds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const counted = <T>(f: () => T): { value: T; builds: number } => {
  builds.count = 0;
  const value = f();
  return { value, builds: builds.count };
};

describe('loading a run builds each device once', () => {
  it('soc: a path: one build per memory, also with energyTables: naming memories', () => {
    const plain = counted(() => loadRunConfig(qmc));
    expect(plain.builds).toBe(plain.value.soc.memories.length);
    const tables = counted(() => loadRunConfig(qmc, ['energyTables.lpddr5=lpddr5/idd-micron-8gb', 'energyTables.sram=nvmexplorer-sram-2mb']));
    expect(tables.value.energyTables).toEqual({ lpddr5: 'lpddr5/idd-micron-8gb', sram: 'nvmexplorer-sram-2mb' });
    expect(tables.builds).toBe(tables.value.soc.memories.length);
  });

  it('an inline soc: one build per memory with energyTables: set', () => {
    const soc = SRAM_ONLY_SOC.replace(/^kind: soc\n/, '').replace(/^/gm, '  ').trimEnd();
    const run = join(dir, 'inline.yaml');
    writeFileSync(run, `kind: run\nname: inline\nsoc:\n${soc}\nmodel: smollm2-135m\nquant: { scheme: fp16 }\nplacement: { policy: all-lpddr5 }\nenergyTables: { sram: nvmexplorer-sram-2mb }\n`);
    const r = counted(() => loadRunConfig(run));
    expect(r.value.soc.memories.map((m) => m.id)).toEqual(['sram']);
    expect(r.builds).toBe(1);
  });

  it('checkDevices returns the devices it built, by memory id in SoC order', () => {
    const cfg = loadRunConfig(qmc);
    const r = counted(() => checkDevices(cfg.soc, qmc, undefined));
    expect([...r.value.keys()]).toEqual(cfg.soc.memories.map((m) => m.id));
    expect(r.builds).toBe(cfg.soc.memories.length);
    expect(r.value.get('lpddr5')?.energyTables?.map((t) => t.name)).toEqual(['qmc-table1/lpddr5', 'lpddr5/idd-micron-8gb']);
  });
});
