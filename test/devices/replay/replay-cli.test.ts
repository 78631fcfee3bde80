import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/cli-helpers.js';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'qmcsim-replay-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('qmcsim replay', () => {
  it('prints a report; --json is valid JSON; same seed twice → identical bytes', async () => {
    const f = file('ok.trc', '0 R 0x0 64 1\n1000 W 0x40 64 2\n2000 R 0x80 128 1\n');
    const a = await runCli('replay', '--device', 'qmc-reram-3bit', '--trace', f, '--seed', '3', '--json');
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout) as { reads: number; writes: number; preset: string; estimates: string[] };
    expect([doc.reads, doc.writes, doc.preset]).toEqual([2, 1, 'qmc-reram-3bit']);
    expect(doc.estimates.length).toBeGreaterThan(0);
    const b = await runCli('replay', '--device', 'qmc-reram-3bit', '--trace', f, '--seed', '3', '--json');
    expect(b.stdout).toBe(a.stdout);
    const t = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/read latency: 2 accesses/);
    expect(t.stdout).toMatch(/estimates behind these numbers: /);
  });

  it('--json: a trace with no reads gives read-latency statistics of null with count 0, not zeros', async () => {
    const f = file('writes-only.trc', 'ST 0x0\nST 0x40\n');
    const r = await runCli('replay', '--device', 'orin-agx', '--trace', f, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { readLatency: Record<string, unknown>; writeLatency: { count: number; p50Ps: number } };
    expect(doc.readLatency).toEqual({ count: 0, meanPs: null, p50Ps: null, p99Ps: null, minPs: null, maxPs: null });
    expect(doc.writeLatency.count).toBe(2);
    expect(doc.writeLatency.p50Ps).toBeGreaterThan(0);
  });

  it("--device FILE# (no id) lists the file's ids; a devices file without .yaml is read as one", async () => {
    const body = 'kind: devices\ndevices:\n  - type: stt-mram\n    id: m1\n    preset: qmc-mram\n  - type: stt-mram\n    id: m2\n    preset: qmc-mram\n';
    const y = file('ids.yaml', body);
    const f = file('one-read.trc', '0 R 0x0 64\n');
    const r = await runCli('replay', '--device', `${y}#`, '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`qmcsim replay: --device ${y}#: expected FILE#ID with an id after '#'; ids in ${y}: m1, m2`);
    const bare = file('devices-no-ext', body);
    const ok = await runCli('replay', '--device', `${bare}#m2`, '--trace', f);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ on m2 \[stt-mram\]/);
  });

  it('accesses past an NVM capacity are folded and counted in the report (text and JSON)', async () => {
    const f = file('far.trc', '0 R 0x40000000000 64\n10 R 0x0 64\n');
    const t = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^addresses: 1 of 2 accesses reach past the capacity \(288 MiB\) and were folded into it/m);
    const j = JSON.parse((await runCli('replay', '--device', 'qmc-mram', '--trace', f, '--json')).stdout) as { foldedAccesses: number; capacityBytes: number };
    expect([j.foldedAccesses, j.capacityBytes]).toEqual([1, 288 * 2 ** 20]);
    const near = await runCli('replay', '--device', 'qmc-mram', '--trace', file('near.trc', '0 R 0x0 64\n'));
    expect(near.stdout).not.toMatch(/^addresses:/m);
  });

  it('unknown preset → exit 2, one line with a did-you-mean', async () => {
    const f = file('ok2.trc', '0 R 0x0 64\n');
    const r = await runCli('replay', '--device', 'qmc-rerm-3bit', '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown device preset 'qmc-rerm-3bit'; did you mean 'qmc-reram-3bit'\?/);
  });

  it('a device type for a preset (--device lpddr5) lists the presets of that family', async () => {
    const f = file('ok3.trc', '0 R 0x0 64\n');
    const r = await runCli('replay', '--device', 'lpddr5', '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown device preset 'lpddr5'; presets with 'lpddr5' in their name: qmc-lpddr5, orin-lpddr5-6400, lpddr5-6400-x16 \(known: /);
  });

  it('malformed trace line → exit 2 naming file:line:col', async () => {
    const f = file('bad.trc', '0 R 0x0 64\n10 R 0x40 sixty-four\n');
    const r = await runCli('replay', '--device', 'qmc-mram', '--trace', f);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${f}:2:11: expected a size in bytes, found 'sixty-four'`);
  });

  it('bad option values and a missing file → exit 2 without a stack', async () => {
    const f = file('ok3.trc', '0 R 0x0 64\n');
    expect((await runCli('replay', '--device', 'qmc-mram', '--trace', f, '--seed', '-1')).code).toBe(2);
    const noisy = await runCli('replay', '--device', 'qmc-mram', '--trace', f, '--bit-error-rate', '0.5');
    expect(noisy.code).toBe(0);
    expect(noisy.stdout).toMatch(/bit errors tag 0: \d+ sampled in 512 bits \(expected 256\)/);
    const mlc = await runCli('replay', '--device', 'qmc-reram-3bit', '--trace', f, '--noise', 'nvmexplorer-3bit', '--json');
    expect(mlc.code).toBe(0);
    const byTag = (JSON.parse(mlc.stdout) as { bitErrors: { expectedBitErrors: number }[] }).bitErrors;
    expect(byTag[0]!.expectedBitErrors).toBeGreaterThan(0);
    const typo = await runCli('replay', '--device', 'qmc-reram-3bit', '--trace', f, '--noise', 'nvmexplorer-3bt');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean 'nvmexplorer-3bit'/);
    const m = await runCli('replay', '--device', 'qmc-mram', '--trace', join(dir, 'nope.trc'));
    expect(m.code).toBe(2);
    expect(m.stderr).not.toMatch(/\n\s+at /);
  });

  it('--device FILE.yaml#id replays a kind: devices entry (preset + override); estimates drop overridden keys', async () => {
    const t = file('y.trc', '0 R 0x0 64\n');
    const y = file('devs.yaml', 'kind: devices\ndevices:\n  - type: stt-mram\n    id: slow\n    preset: qmc-mram\n    readLatency: 10 ns\n    writeLatency: 20 ns\n  - type: reram\n    id: r3\n    preset: qmc-reram-3bit\n');
    const r = await runCli('replay', '--device', `${y}#slow`, '--trace', t, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { preset: string; readLatency: { p50Ps: number }; estimates: string[] };
    expect(doc.preset).toBe('slow');
    expect(doc.readLatency.p50Ps).toBe(10000 + Math.ceil((64 / (36.57 * 2 ** 30)) * 1e12));
    expect(doc.estimates).not.toContain('writeLatency');
    expect(doc.estimates).toContain('channels');
    const many = await runCli('replay', '--device', y, '--trace', t);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/several devices; use --device .*#ID with ID one of slow, r3/);
    const bad = file('bad.yaml', 'kind: devices\ndevices:\n  - type: stt-mram\n    preset: qmc-mram\n    readLatncy: 10 ns\n');
    const b = await runCli('replay', '--device', bad, '--trace', t);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad\.yaml:5/);
  });

  it('parameter combinations no single key check sees are one-line bad input (exit 2), not internal errors', async () => {
    const t = file('c.trc', '0 R 0x0 64\n10 W 0x40 64\n');
    const iter = file('iter.yaml', 'kind: devices\ndevices:\n  - type: reram\n    id: r1\n    preset: qmc-reram-3bit\n    iterationsMin: 5\n    iterationsMax: 3\n');
    const a = await runCli('replay', '--device', iter, '--trace', t);
    expect(a.code).toBe(2);
    // located at the key as validate reports it (file:line:col: devices[i].key: …)
    expect(a.stderr).toMatch(/^\S*iter\.yaml:7:20: devices\[0\]\.iterationsMax: expected parameters the device can be built with, found reram 'r1': iterationsMax must be ≥ iterationsMin \(5\), got 3\n$/);
    const clk = file('clk.yaml', 'kind: devices\ndevices:\n  - type: sram\n    id: s1\n    preset: nvmexplorer-sram-2mb\n    clock: 3 THz\n');
    const b = await runCli('replay', '--device', clk, '--trace', t);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^\S*clk\.yaml:6:12: devices\[0\]\.clock: expected parameters the device can be built with, found sram 's1': clock must be at most 2 THz[^\n]*\n$/);
  });

  it('LPDDR5 takes a per-bit noise model (dram-retention, --bit-error-rate) and reports its bit errors; a multi-level model is one line, exit 2', async () => {
    const f = file('lp.trc', '0 R 0x0 64\n100 R 0x40 64\n200 W 0x80 64\n');
    const ret = await runCli('replay', '--device', 'orin-lpddr5-6400', '--trace', f, '--noise', 'lpddr5-retention', '--json');
    expect(ret.stderr).toBe('');
    expect(ret.code).toBe(0);
    const doc = JSON.parse(ret.stdout) as { noiseModel: string; bitErrors: { tag: number; bitsRead: number; expectedBitErrors: number }[]; estimates: string[] };
    expect(doc.noiseModel).toMatch(/^dram-retention p=/);
    expect(doc.bitErrors).toHaveLength(1);
    expect(doc.bitErrors[0]!.bitsRead).toBe(1024);
    expect(doc.bitErrors[0]!.expectedBitErrors).toBeGreaterThan(0);
    expect(doc.estimates).toEqual(expect.arrayContaining(['noise.medianRetention', 'noise.sigmaLn']));
    const ber = await runCli('replay', '--device', 'orin-lpddr5-6400', '--trace', f, '--bit-error-rate', '0.5');
    expect(ber.code).toBe(0);
    expect(ber.stdout).toMatch(/bit errors tag 0: [1-9]\d* sampled in 1024 bits \(expected 512\)/);
    const mlc = await runCli('replay', '--device', 'orin-lpddr5-6400', '--trace', f, '--noise', 'nvmexplorer-2bit');
    expect(mlc.code).toBe(2);
    expect(mlc.stderr).toMatch(/^qmcsim replay: --noise nvmexplorer-2bit: \S+: the noise model is defined for 2-bit cells \(4 levels\) but this \S+ device stores 1 bit per cell[^\n]*\n$/);
  });
});
