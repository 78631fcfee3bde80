// A region that leaves its memory or overlaps another is reported at the key that put it there
// (its size or base; a --set names the --set, as every other overridden value does), with the
// sizes in bytes and in binary units. Before, the error always pointed at the region's line in the
// SoC file, also when a --set had changed it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { writeTinySramRun } from '../cli/fixtures.js';

let dir: string;
let run: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-region-'));
  run = writeTinySramRun(dir, { hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('memory-map errors are located at the key that caused them', () => {
  it('a --set size past the capacity names the --set and the size key', async () => {
    const r = await runCli('validate', run, '--set', 'soc.regions[1].size=4 MiB');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toBe(
      "--set soc.regions[1].size=4 MiB: soc.regions[1].size: expected a region inside memory 'sram' (capacity 2097152 B = 2 MiB), found [262144, 4456448) B");
  });
  it('a --set base past the capacity names the --set and the base key', async () => {
    const r = await runCli('validate', run, '--set', 'soc.regions[0].base=3 MiB');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^--set soc\.regions\[0\]\.base=3 MiB: soc\.regions\[0\]\.base: expected a region inside memory 'sram' \(capacity 2097152 B = 2 MiB\), found /);
  });
  it('an overlap made by a --set base is reported at that --set', async () => {
    const r = await runCli('validate', run, '--set', 'soc.regions[2].base=1 MiB');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^--set soc\.regions\[2\]\.base=1 MiB: soc\.regions\[2\]\.base: expected a region not overlapping region 'dram-weights' \[262144, 1310720\) B of memory 'sram', found \[1048576, 2097152\) B$/);
  });
  it('an SoC file validated alone: the --set names the region key without the soc. prefix', async () => {
    const r = await runCli('validate', run.replace('run.yaml', 'soc.yaml'), '--set', 'regions[1].size=4 MiB');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^--set regions\[1\]\.size=4 MiB: regions\[1\]\.size: expected a region inside memory 'sram'/);
  });
});
