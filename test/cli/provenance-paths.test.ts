// `validate --provenance` of a run whose SoC file lies outside the working directory names that
// file as error messages do (the absolute path), not as '../../tmp/…/soc.yaml'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SRAM_ONLY_SOC } from './fixtures.js';
import { runCli } from './cli-helpers.js';

let dir: string;
let run: string;
let soc: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qmcsim-prov-'));
  soc = join(dir, 'soc.yaml');
  writeFileSync(soc, SRAM_ONLY_SOC);
  run = join(dir, 'run.yaml');
  writeFileSync(run, 'kind: run\nname: r\nsoc: soc.yaml\nmodel: smollm2-135m\nquant: { scheme: fp16 }\nplacement: { policy: all-lpddr5 }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate --provenance of an out-of-tree run', () => {
  it('names the SoC file as errors do', async () => {
    const r = await runCli('validate', run, '--provenance');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^soc\\.name +${soc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:7$`, 'm'));
    expect(r.stdout).not.toMatch(/\.\.\//);
  });
});
