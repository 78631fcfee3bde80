// traffic.* defaults to 'gpu'; on an SoC without a 'gpu' initiator the error says the value is the
// default of a missing key (the user never wrote 'gpu'), and a written value is quoted plainly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { writeTinySramRun } from '../cli/fixtures.js';

let dir: string;
let run: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-traffic-'));
  run = writeTinySramRun(dir, { hiddenSize: 64, numLayers: 2, vocabSize: 100, numHeads: 1, numKvHeads: 1, intermediateSize: 128 });
  const soc = join(dir, 'soc.yaml');
  writeFileSync(soc, readFileSync(soc, 'utf8').replace('id: gpu, type: gpu', 'id: npu, type: gpu'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('traffic initiators', () => {
  it('a defaulted traffic key names the missing key', async () => {
    const r = await runCli('validate', run);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/traffic\.weights: expected an initiator of SoC 'sram-only' \(npu\), found 'gpu'; did you mean 'npu'\? \(the default; the key traffic\.weights is missing\)$/m);
  });
  it('a written value is quoted at its line, without the default note', async () => {
    writeFileSync(run, `${readFileSync(run, 'utf8')}traffic: { weights: npux, kv: npu, activations: npu, compute: npu }\n`);
    const r = await runCli('validate', run);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/run\.yaml:8:\d+: traffic\.weights: expected an initiator of SoC 'sram-only' \(npu\), found 'npux'; did you mean 'npu'\?$/);
  });
});
