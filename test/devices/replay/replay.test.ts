import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { replayTrace } from '../../../src/devices/trace-replay/replay.js';
import { openTraceBuffer } from '../../../src/devices/trace-replay/open-trace.js';
import { formatReplayJson, formatReplayText } from '../../../src/devices/trace-replay/format-report.js';
import { BinaryTraceWriter } from '../../../src/devices/trace-replay/binary-trace.js';
import { bitFlipAccessNoise } from '../../../src/devices/noise/access-noise.js';
import { deviceCatalog, findDevicePreset } from '../../../src/devices/index.js';
import { sumParts } from '../../../src/devices/energy/energy-table.js';

function mixedTrace(n: number, seed: number): Buffer {
  const lines: string[] = ['# mixed reads and writes'];
  let x = seed * 2654435761 % 2 ** 32;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    lines.push(`${i * 2000} ${x % 5 === 0 ? 'W' : 'R'} 0x${((x % 65536) * 64).toString(16)} 64 ${x % 3}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}
const buf = (name: string, data: Buffer) => ({ name, data });

describe('replay driver', () => {
  it('unloaded timed reads on MRAM: every latency equals 3.5 ns + transfer', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i * 100000} R 0x${(i * 64).toString(16)} 64`).join('\n');
    const r = runReplay({ device: 'qmc-mram', trace: buf('u.trc', Buffer.from(lines)) }).result;
    const xfer = Math.ceil((64 / (36.57 * 2 ** 30)) * 1e12);
    expect(r.readLatency.count).toBe(50);
    expect(r.readLatency.minPs).toBe(3500 + xfer);
    expect(r.readLatency.maxPs).toBe(3500 + xfer);
    expect(r.rowBuffer).toBeNull();
  });

  it('untimed (Ramulator) streaming reads reach the ReRAM aggregate bandwidth within 1%', () => {
    const lines = Array.from({ length: 170 * 100 }, (_, i) => `LD 0x${(i * 64).toString(16)}`).join('\n');
    const r = runReplay({ device: 'qmc-reram-3bit', trace: buf('s.trace', Buffer.from(lines)), maxOutstanding: 1024 }).result;
    expect(Math.abs(r.bandwidth - 170 * 1.8 * 2 ** 30) / (170 * 1.8 * 2 ** 30)).toBeLessThan(0.01);
  });

  it('queueing raises latency when arrivals outpace one channel (timed trace keeps arrival times)', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `0 R 0x${(i * 64 * 6).toString(16)} 64`).join('\n'); // all on channel 0
    const r = runReplay({ device: 'qmc-mram', trace: buf('q.trc', Buffer.from(lines)) }).result;
    expect(r.readLatency.p99Ps).toBeGreaterThan(r.readLatency.p50Ps);
    expect(r.readLatency.maxPs).toBeGreaterThan(150 * 1630);
  });

  it('same trace + seed → byte-identical text and JSON; text and binary encodings agree', () => {
    const t = mixedTrace(3000, 7);
    const noise = () => bitFlipAccessNoise(1e-4);
    const a = runReplay({ device: 'qmc-reram-3bit', trace: buf('m.trc', t), seed: 11, noise: noise() });
    const b = runReplay({ device: 'qmc-reram-3bit', trace: buf('m.trc', t), seed: 11, noise: noise() });
    expect(formatReplayJson(a)).toBe(formatReplayJson(b));
    expect(formatReplayText(a)).toBe(formatReplayText(b));
    const c = runReplay({ device: 'qmc-reram-3bit', trace: buf('m.trc', t), seed: 12, noise: noise() });
    expect(formatReplayJson(c)).not.toBe(formatReplayJson(a));
    expect(a.result.errors.byTag.map((s) => s.tag)).toEqual([0, 1, 2]);
    const tot = a.result.errors.byTag.reduce((s, x) => s + x.bitErrors, 0);
    const exp = a.result.errors.byTag.reduce((s, x) => s + x.expectedBitErrors, 0);
    expect(Math.abs(tot - exp)).toBeLessThan(6 * Math.sqrt(exp));
    // The binary encoding of the same records gives the same result.
    const w = new BinaryTraceWriter();
    const cur = openTraceBuffer(t, { granuleBytes: 64 });
    while (cur.next()) w.add(cur.timePs, cur.isWrite, cur.addr, cur.sizeBytes, cur.tag);
    const d = runReplay({ device: 'qmc-reram-3bit', trace: buf('m.trc', w.finish()), seed: 11, noise: noise() });
    expect(d.result.traceFormat).toBe('qmcsim-binary');
    expect(JSON.stringify({ ...d.result, traceFormat: '' })).toBe(JSON.stringify({ ...a.result, traceFormat: '' }));
  });

  it('energy breakdowns sum exactly and LPDDR5 reports row-buffer outcomes, priced two ways', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i % 7 === 0 ? 'ST' : 'LD'} 0x${(((i * 2654435761) % 2 ** 26) * 64).toString(16)}`).join('\n');
    const r = runReplay({ device: 'orin-lpddr5-6400', trace: buf('l.trace', Buffer.from(lines)) }).result;
    expect(r.rowBuffer).not.toBeNull();
    expect(r.rowBuffer!.hits + r.rowBuffer!.misses + r.rowBuffer!.conflicts).toBeGreaterThan(0);
    expect(r.energy.map((e) => e.table)).toEqual(['lpddr5/idd-micron-8gb', 'qmc-table1/lpddr5']);
    for (const e of r.energy) {
      expect(e.totalPj).toBe(sumParts(e.parts));
      expect(e.unpriced).toEqual([]);
    }
    expect(r.energy[1]!.parts.readBits).toBe(r.bytesRead * 8 * 3.5);
  });

  it('refusals are retried: a window larger than the device queue still completes every access', () => {
    const e = new Engine();
    const entry = findDevicePreset('qmc-mram');
    if (!entry.ok) throw new Error(entry.message);
    const d = entry.preset.create(e, 'm', { overrides: { queueDepth: 1, channels: 1 } });
    const lines = Array.from({ length: 500 }, (_, i) => `LD 0x${(i * 64).toString(16)}`).join('\n');
    const r = replayTrace(d, e, openTraceBuffer(Buffer.from(lines), { granuleBytes: 64 }), { maxOutstanding: 64 });
    expect(r.reads).toBe(500);
    expect(r.readLatency.count).toBe(500);
  });

  it('every catalogue preset builds, replays a small trace and lists its estimates', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${i * 1000} ${i % 4 === 0 ? 'W' : 'R'} 0x${(i * 4096).toString(16)} 64`).join('\n');
    for (const entry of deviceCatalog) {
      const run = runReplay({ device: entry.name, trace: buf('p.trc', Buffer.from(lines)) });
      expect(run.result.reads + run.result.writes).toBe(40);
      expect(run.result.energy.length).toBeGreaterThan(0);
      expect(Array.isArray(run.estimates)).toBe(true);
    }
  });
});
