// A misspelt key the schema cannot list as "allowed" (a union's type:/scheme:, the loader's kind: and
// extends:) is named with a did-you-mean, not reported only as "found nothing (the key is missing)".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('misspelt keys the schema does not list', () => {
  it("devices[0].tpye: names the key and suggests 'type'", async () => {
    const f = t.write('d.yaml', 'kind: devices\ndevices:\n  - tpye: stt-mram\n    preset: qmc-mram\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:3:5: devices[0].tpye: expected 'type:' naming one of 'lpddr5', 'reram', 'sram', 'stt-mram', found unknown key 'tpye'; did you mean 'type'?`);
  });

  it("quant.shceme: names the key and suggests 'scheme'", async () => {
    const f = t.write('q.yaml', 'kind: quant\nshceme: qmc\nrho: 0.3\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/q\.yaml:2:1: shceme: expected 'scheme:' naming one of .*'qmc'.*, found unknown key 'shceme'; did you mean 'scheme'\?/);
  });

  it("knid: names the key and suggests 'kind'", async () => {
    const f = t.write('k.yaml', '# a devices file\nknid: devices\ndevices:\n  - type: stt-mram\n    preset: qmc-mram\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:2:1: knid: expected a top-level 'kind:'`);
    expect(r.stderr).toContain("found unknown key 'knid'; did you mean 'kind'?");
  });

  it("etxends: suggests 'extends'", async () => {
    t.write('base.yaml', 'kind: devices\ndevices:\n  - type: stt-mram\n    preset: qmc-mram\n');
    const f = t.write('e.yaml', 'kind: devices\netxends: base.yaml\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/e\.yaml:2:1: etxends: .*found unknown key 'etxends'; did you mean 'extends'\?/);
  });
});
