/**
 * Acceptance 4: `run` of the default QMC configuration completes with the report (latency, energy
 * breakdown per device and action, bytes per memory, bit errors, estimates), deterministically;
 * a configuration that overflows a memory fails with one line naming region, need and capacity
 * (value from tryRunConfig; the CLI prints it and exits 1).
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runConfig, tryRunConfig } from '../../src/arch/run.js';
import { loadRunConfig } from '../../src/arch/run-config.js';
import { main } from '../../src/cli/main.js';
import { formatRunReport } from '../../src/cli/commands/run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const qmc = resolve(root, 'configs/runs/qmc-hymba.yaml');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('run: default QMC configuration (Hymba-1.5B, layer reuse)', () => {
  const cfg = loadRunConfig(qmc);
  const r = runConfig(cfg, { seed: 1, layerReuse: true });
  it('reports latency, energy with breakdown, bytes per memory, bit errors and estimates', () => {
    const m = r.metrics;
    for (const k of ['latencyPerTokenPs', 'energyPerTokenPj', 'energyDevicePj', 'energyInterconnectPj', 'externalBytes', 'mramTimePs', 'reramTimePs']) {
      expect(m[k], k).toBeGreaterThan(0);
    }
    expect(m.energyPerTokenPj).toBeCloseTo((m.energyDevicePj as number) + (m.energyInterconnectPj as number), 0);
    for (const id of ['mram', 'reram', 'lpddr5', 'sram']) {
      expect(m[`bytesByMemory.${id}`]).toBeGreaterThan(0);
      expect(m[`accessesByMemory.${id}`]).toBeGreaterThan(0);
      expect(m[`busyPsByMemory.${id}`]).toBeGreaterThan(0);
    }
    // External = off-chip (LPDDR5 + ReRAM bus); the MRAM chiplet and SRAM are on package.
    expect(m.externalBytes).toBe((m['bytesByMemory.lpddr5'] as number) + (m['bytesByMemory.reram'] as number));
    expect(r.energy.devices.map((d) => d.memory).sort()).toEqual(['lpddr5', 'mram', 'reram', 'sram']);
    expect(r.energy.devices.find((d) => d.memory === 'reram')?.parts.readBits).toBeGreaterThan(0);
    expect(m['bitErrorsByMemory.reram']).toBeGreaterThan(0);
    expect(m['bitErrorsByMemory.mram']).toBe(0);
    expect(r.estimates.some((e) => e.param.includes('energyPerBit'))).toBe(true);
    expect(r.powerBudget?.ok).toBe(true);
    expect(r.utilisation.find((u) => u.memory === 'reram')?.values).toHaveLength(64);
    // The MRAM and ReRAM streams run concurrently: token time ≈ the slower stream, not the sum.
    expect(m.latencyPerTokenPs).toBeLessThan(1.1 * Math.max(m.mramTimePs as number, m.reramTimePs as number));
  });
  it('is deterministic for a seed', () => {
    const again = runConfig(cfg, { seed: 1, layerReuse: true });
    expect(JSON.stringify(again.metrics)).toBe(JSON.stringify(r.metrics));
  });
});

describe('run: the noise model\'s estimated parameters are listed among the estimates', () => {
  it('a per-bit model at estimated defaults (stt-mram) adds soc.memories[id].noise.<key> to the report and its text', () => {
    const cfg = loadRunConfig(qmc, ['model=smollm2-135m', 'soc.memories[0].noise.type=stt-mram']);
    const r = runConfig(cfg, { seed: 1, layerReuse: true });
    const noise = r.estimates.filter((e) => e.param.startsWith('soc.memories[mram].noise.'));
    expect(noise.map((e) => e.param)).toEqual(['soc.memories[mram].noise.readCurrentRatio', 'soc.memories[mram].noise.thermalStability', 'soc.memories[mram].noise.timeSinceWrite']);
    for (const e of noise) {
      expect(e.value).toBe('preset');
      expect(e.derivation).toMatch(/^noise model stt-mram p=\S+: \S/);
    }
    expect(formatRunReport(r).join('\n')).toMatch(/^ {2}mram: .*noise\.readCurrentRatio, noise\.thermalStability, noise\.timeSinceWrite$/m);
    // an MLC model from a sourced level set (reram) and 'none' (mram by default) add nothing
    expect(r.estimates.some((e) => e.param.startsWith('soc.memories[reram].noise.'))).toBe(false);
  });
});

describe('overflow', () => {
  it('a placement that does not fit is a value naming region, need and capacity', () => {
    const cfg = loadRunConfig(qmc, ['soc.memories[0].device.capacity=64 MiB']);
    const r = tryRunConfig(cfg, { seed: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'capacity', region: 'mram-weights', memory: 'mram', capacityBytes: 64 * 2 ** 20 });
    expect(r.message.split('\n')).toHaveLength(1);
    expect(r.message).toMatch(/region 'mram-weights'.*needs \d+ B but has 67108864 B/);
  });
  it('the CLI prints one line and exits 1', async () => {
    const { code, out, err } = await cli(['run', qmc, '--set', 'soc.memories[1].device.capacity=100 MiB']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/reram-weights.*needs/);
  });
  it('a bad device parameter exits 2 with one line naming the --set that wrote it', async () => {
    const { code, err } = await cli(['run', qmc, '--set', 'soc.memories[1].device.arraysPerBank=abc']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^--set soc\.memories\[1\]\.device\.arraysPerBank=abc: soc\.memories\[1\]\.device\.arraysPerBank: expected an integer/);
  });
  it('bad input exits 2 with file:line', async () => {
    const { code, err } = await cli(['run', qmc, '--set', 'workload.contextLength=-5']);
    expect(code).toBe(2);
    expect(err).toMatch(/contextLength/);
  });
});

describe('qmcsim run CLI', () => {
  it('prints the report and writes result.json + resolved.json with --out', async () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'qmcsim-run-'));
    try {
      const { code, out } = await cli(['run', qmc, '--layer-reuse', '--set', 'model=smollm2-135m', '--out', dir]);
      expect(code).toBe(0);
      expect(out).toMatch(/latency per token/);
      expect(out).toMatch(/energy per token .* = device .* \+ interconnect/);
      expect(out).toMatch(/bit errors reram/);
      // per-tag bit errors, summed by role/part: the MLC inliers of each linear role are listed
      expect(out).toMatch(/bit errors by tag/);
      expect(out).toMatch(/reram\s+mlp_up\/inlier\s+≈\d+ of\s+\d+ bits \(BER [\d.e+-]+, expected [\d.]+, \d+ tensors\)/);
      // reused layers scale the counts: printed rounded and labelled, not as '694152.2500000002'
      expect(out).toMatch(/^bit errors reram\s+≈\d+ of \d+ bits read \(scaled estimate, BER /m);
      expect(out).toMatch(/^bit errors by tag \(.*≈ scaled estimates/m);
      expect(out).not.toMatch(/\d\.\d+ of /);
      expect(out).not.toMatch(/mram\s+\S+\/outlier/); // error-free MRAM tags are not listed
      const res = JSON.parse(readFileSync(resolve(dir, 'result.json'), 'utf8')) as { metrics: Record<string, number> };
      expect(res.metrics.latencyPerTokenPs).toBeGreaterThan(0);
      // the model is recorded by content (hashed); the name it was given is provenance (meta)
      const resolved = JSON.parse(readFileSync(resolve(dir, 'resolved.json'), 'utf8')) as { meta: { model: string }; config: { model: { name: string } } };
      expect(resolved.config.model.name).toBe('SmolLM2-135M');
      expect(resolved.meta.model).toBe('smollm2-135m');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('validate knows kind: run and kind: soc', async () => {
    const { code, out } = await cli(['validate', qmc, resolve(root, 'configs/soc/orin-agx-qmc.yaml'), resolve(root, 'configs/runs/fp16-hymba.yaml')]);
    expect(code).toBe(0);
    expect(out).toMatch(/valid run configuration/);
    expect(out).toMatch(/valid soc configuration/);
  });
});
