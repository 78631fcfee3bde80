// Regression: `qmcsim validate soc.yaml run.yaml` (run.yaml names soc.yaml) printed the SoC file's
// error twice, once per file given. Each distinct located problem is now printed once (still exit 2);
// problems of other files, and lines without a location, are all printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SRAM_ONLY_SOC } from './fixtures.js';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

describe('qmcsim validate prints a shared file\'s problem once', () => {
  it('soc.yaml given and named by run.yaml: one line, exit 2', async () => {
    const bad = SRAM_ONLY_SOC.replace(/^name: .*$/m, '$&\nbogusKey: 1');
    expect(bad).not.toBe(SRAM_ONLY_SOC);
    const soc = t.write('soc.yaml', bad);
    const run = t.write('run.yaml', 'kind: run\nname: r\nsoc: soc.yaml\nmodel: smollm2-135m\nquant: { scheme: fp16 }\nplacement: { policy: all-lpddr5 }\n');
    const alone = await runCli('validate', soc);
    expect(alone.code).toBe(2);
    const line = alone.stderr.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.startsWith(`${soc}:3:`)).toBe(true);
    const both = await runCli('validate', soc, run);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(`${line}\n`);
    // A second, different problem in another file is still printed.
    const other = t.write('other.yaml', 'kind: run\nname: r\nsoc: soc.yaml\nmodel: smollm2-135m\nquant: { scheme: fp16 }\nplacement: { policy: all-lpddr55 }\n');
    const three = await runCli('validate', soc, run, other);
    expect(three.code).toBe(2);
    const lines = three.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(line);
    expect(lines.filter((l) => l === line)).toHaveLength(1);
    expect(lines.some((l) => l.startsWith(`${other}:6:`) && l.includes("found 'all-lpddr55'"))).toBe(true);
  });
});
