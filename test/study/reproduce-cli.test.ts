/**
 * `qmcsim reproduce` through the CLI entry (in-process): on the paper's model (Hymba-1.5B) --json
 * prints exactly { "claims": [ { id, paper, simulated, unit, tolerance, pass } ] }, every required
 * claim is within 3 % and the exit code is 0 (issue 7 acceptance 1; the rho sweep is checked on a
 * small model elsewhere); a failing required claim exits 1; bad input exits 2 with one line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const QMC = join(import.meta.dirname, '../../experiments/qmc');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'qmcsim-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('qmcsim reproduce (CLI)', () => {
  it('Hymba-1.5B: --json prints the claims array (every paper claim within 3 % except emems-energy) and the reconstructions apart, exit 0', async () => {
    const r = await cli(['reproduce', 'qmc', '--json', '--no-rho', '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { claims: Record<string, unknown>[]; reconstructions: Record<string, unknown>[] };
    expect(Object.keys(j)).toEqual(['claims', 'reconstructions']);
    expect(j.claims.map((c) => c.id)).toEqual(['compression', 'memory-3bit', 'memory-2bit', 'memory-vs-flash', 'transfers',
      'energy-device', 'energy-total', 'latency-vs-fp16', 'latency-vs-int4', 'emems-memory', 'emems-latency', 'emems-energy', 'area-net-mm2',
      'area-reram-mm2', 'area-qmc-mm2', 'area-saved-mm2']);
    for (const c of j.claims) {
      expect(Object.keys(c)).toEqual(['id', 'paper', 'simulated', 'unit', 'tolerance', 'pass', 'required', 'basis']);
      expect(c.required, String(c.id)).toBe(c.id !== 'emems-energy');
      expect(c.basis, String(c.id)).toBe('paper');
      expect(c.tolerance).toBe(0.03);
      const within = Math.abs((c.simulated as number) / (c.paper as number) - 1) <= 0.03;
      expect(c.pass, String(c.id)).toBe(within);
      if (c.id !== 'emems-energy') expect(c.pass, `${String(c.id)}: ${String(c.simulated)} vs ${String(c.paper)}`).toBe(true);
    }
    // absolute per-token figures against our closed-form reconstructions: informational, at ±10 %
    expect(j.reconstructions.map((c) => c.id)).toEqual(['fp16-latency-ms', 'fp16-energy-mj', 'int4-latency-ms', 'qmc-latency-ms', 'qmc-energy-mj']);
    for (const c of j.reconstructions) {
      expect([c.required, c.basis, c.tolerance], String(c.id)).toEqual([false, 'reconstruction', 0.1]);
      expect(c.pass, String(c.id)).toBe(Math.abs((c.simulated as number) / (c.paper as number) - 1) <= 0.1);
    }
  }, 240_000);

  it('exits 1 when a required claim misses its tolerance', async () => {
    // A copy of the study whose expected values are declared for the small model, with one wrong.
    const dir = join(tmp, 'qmc');
    cpSync(QMC, dir, { recursive: true });
    const fix = (f: string, a: string, b: string) => writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(a, b));
    fix('expected.yaml', 'model: hymba-1.5b', 'model: smollm2-135m');
    fix('expected.yaml', 'paper: 4.44,', 'paper: 5.5,');
    fix('study.yaml', 'model: hymba-1.5b', 'model: smollm2-135m');
    for (const f of ['fp16', 'rtn-int4', 'mxint4', 'awq-gptq-int4', 'qmc-3bit', 'qmc-2bit', 'emems-mram', 'emems-reram']) {
      fix(`${f}.yaml`, '../../configs/', join(import.meta.dirname, '../../configs/') );
      fix(`${f}.yaml`, '../../configs/', join(import.meta.dirname, '../../configs/'));
    }
    const r = await cli(['reproduce', join(dir, 'study.yaml'), '--json', '--no-rho', '--no-progress']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { claims: { id: string; pass: boolean | null }[] };
    expect(j.claims.find((c) => c.id === 'compression')?.pass).toBe(false);
  }, 240_000);

  it('a mistyped study key is reported at file:line:col with a did-you-mean, exit 2', async () => {
    const dir = join(tmp, 'bad');
    cpSync(QMC, dir, { recursive: true });
    const f = join(dir, 'study.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('weightTrafficOnly: true', 'weightTraficOnly: true'));
    const r = await cli(['reproduce', f, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/study\.yaml:\d+:\d+: .*weightTraficOnly/);
    expect(r.stderr).toContain('weightTrafficOnly');
  });

  it('rejects bad input with one line and exit 2', async () => {
    const r = await cli(['reproduce', 'nosuch', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const s = await cli(['reproduce', 'qmc', '--seed', 'x', '--no-progress']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--seed');
  });

  it('a --set that one configuration does not take names that configuration, before any replay', async () => {
    const r = await cli(['reproduce', 'qmc', '--set', 'quant.rho=0.2', '--no-rho', '--threads', '0', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reproduce: configuration 'fp16' \(.*fp16\.yaml\): --set quant\.rho=0\.2: quant\.rho: expected a key allowed at 'quant' for scheme fp16 \('scheme', 'name'\), found 'rho'; rho does not apply to scheme fp16, it applies to qmc$/);
  });

  it('a role naming a configuration the study does not list is located before any replay', async () => {
    const text = readFileSync(join(QMC, 'study.yaml'), 'utf8')
      .replace(/file: ([a-z0-9-]+\.yaml)/g, (_m, f: string) => `file: ${join(QMC, f)}`)
      .replace(/^expected: expected\.yaml/m, `expected: ${join(QMC, 'expected.yaml')}`)
      .replace('int4: awq-gptq-int4 ', 'int4: awq-gptq-int5 ');
    const f = join(tmp, 'bad-role-study.yaml');
    writeFileSync(f, text);
    const r = await cli(['reproduce', f, '--no-rho', '--threads', '0', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/bad-role-study\.yaml:\d+:\d+: roles\.int4: expected the id of a listed configuration \(fp16, .*\), found 'awq-gptq-int5'; did you mean 'awq-gptq-int4'\?$/)]);
  });

  it("--model with the paper model's catalogue name (Hymba-1.5B) still compares with the paper", async () => {
    const r = await cli(['reproduce', 'qmc', '--model', 'Hymba-1.5B', '--no-rho', '--json', '--no-progress']);
    expect(r.code).toBe(0);
    const claims = (JSON.parse(r.stdout) as { claims: { id: string; paper: number | null; pass: boolean | null }[] }).claims;
    expect(claims.find((c) => c.id === 'compression')).toMatchObject({ paper: 4.44, pass: true });
  }, 240_000);
});
