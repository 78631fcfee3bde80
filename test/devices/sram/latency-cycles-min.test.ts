// Regression (audit 2026-11-28): readLatencyCycles / writeLatencyCycles accepted 0 (describe showed
// the range ">= 0") but the model ran 0 as 1 cycle, so a configured value was silently replaced.
// A beat takes a cycle: 0 is now refused at the key, in devices files and in the model itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { Sram } from '../../../src/devices/sram/sram.js';
import { sramSchema } from '../../../src/devices/sram/sram-plugin.js';
import { nvmexplorerSram2mb, nvmexplorerSramAt } from '../../../src/devices/presets/sram.js';
import { resolvePreset } from '../../../src/devices/presets/param-spec.js';
import { runCli } from '../../cli/cli-helpers.js';

describe('SRAM latency cycles', () => {
  it('the model refuses 0 cycles naming the key', () => {
    const p = resolvePreset(nvmexplorerSram2mb, sramSchema);
    expect(() => new Sram({ ...p, readLatencyCycles: 0 }, { engine: new Engine(), path: 's' })).toThrow(/readLatencyCycles must be a positive integer, got 0/);
    expect(() => new Sram({ ...p, writeLatencyCycles: 0 }, { engine: new Engine(), path: 's' })).toThrow(/writeLatencyCycles/);
  });

  it('a devices file with readLatencyCycles: 0 is exit 2 at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-sram-cycles-'));
    const f = join(dir, 'd.yaml');
    writeFileSync(f, 'kind: devices\nversion: 1\ndevices:\n  - id: s\n    type: sram\n    preset: nvmexplorer-sram-2mb\n    readLatencyCycles: 0\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/d\.yaml:7:\d+: devices\[0\]\.readLatencyCycles: expected an integer ≥ 1.*found 0$/);
  });

  it('a slow clock still gives at least one cycle; 1 cycle = one clock to the first beat', () => {
    expect(resolvePreset(nvmexplorerSramAt(1e6), sramSchema).readLatencyCycles).toBe(1);
    const e = new Engine();
    const p = resolvePreset(nvmexplorerSram2mb, sramSchema, { readLatencyCycles: 1 });
    const d = new Sram(p, { engine: e, path: 's' });
    let done = -1;
    d.setCompletion((_id, t) => { done = t; });
    d.offer(1, 0, 8, false, 0);
    e.run();
    expect(done).toBe(1000);
  });
});
