// `kind: devices` files get the same parameter bounds as the device plug-ins (channels ≥ 1, times
// and sizes > 0), unique ids and every parameter when no preset is named — so `validate` and
// `replay --device FILE#ID` reject them with located lines (exit 2) instead of accepting them or
// failing inside the device (exit 3) or simulating a 0 ns memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const file = (name: string, text: string): string => t.write(name, text);
const TRACE = '0 R 0x0 64 1\n1000 R 0x40 64 1\n';

describe('kind: devices entries', () => {
  it.each([
    ['channels: 0', /devices\[0\]\.channels: expected an integer ≥ 1, found 0$/],
    ['readLatency: 0 ns', /devices\[0\]\.readLatency: expected a time such as '3\.5 ns' \(> 0\), found '0 ns' \(zero\)$/],
    ['granule: 0 B', /devices\[0\]\.granule: expected a size such as '64 B' or '16 Gb' \(> 0\), found '0 B' \(zero\)$/],
  ])('%s is rejected by validate and replay with a located line (exit 2)', async (line, msg) => {
    const f = file('bad.yaml', `kind: devices\ndevices:\n  - type: stt-mram\n    id: m\n    preset: qmc-mram\n    ${line}\n`);
    const trace = file('t.trc', TRACE);
    for (const argv of [['validate', f], ['replay', '--device', `${f}#m`, '--trace', trace]]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/bad\.yaml:6:\d+: /);
      expect(lines[0]).toMatch(msg);
    }
  });

  it('duplicate ids and an entry without preset or parameters are located', async () => {
    const f = file('dup.yaml', 'kind: devices\ndevices:\n  - { type: stt-mram, id: m, preset: qmc-mram }\n  - { type: stt-mram, id: m, readLatency: 3 ns }\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dup\.yaml:4:\d+: devices\[1\]\.channels: expected a value \(required unless 'preset' is given: qmc-mram, .*\), found nothing/);
    expect(r.stderr).not.toMatch(/devices\[1\]\.readLatency/);
    expect(r.stderr).toMatch(/dup\.yaml:4:\d+: devices\[1\]\.id: expected a unique device id, found 'm' \(defined twice\)/);
  });

  it('missing parameters are reported in the same pass as wrong and unknown keys', async () => {
    const f = file('onepass.yaml', 'kind: devices\ndevices:\n  - type: stt-mram\n    id: m\n    readLatency: 3.5\n    writeEnergie: 1 pJ/bit\n');
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/onepass\.yaml:5:\d+: devices\[0\]\.readLatency: expected a time such as '3\.5 ns', found 3\.5/);
    expect(r.stderr).toMatch(/onepass\.yaml:6:\d+: devices\[0\]\.writeEnergie: .*did you mean 'writeEnergy'\?/);
    expect(r.stderr).toMatch(/onepass\.yaml:3:\d+: devices\[0\]\.capacity: expected a value \(required unless 'preset' is given: /);
    expect(r.stderr).not.toMatch(/devices\[0\]\.readLatency: expected a value/);
  });

  it('validate builds each entry as replay does: combined-parameter errors are one located line, exit 2 (validate said valid)', async () => {
    const trace = file('c.trc', TRACE);
    const cases: [string, string, RegExp][] = [
      ['iter.yaml', 'kind: devices\ndevices:\n  - type: reram\n    id: r1\n    preset: qmc-reram-3bit\n    iterationsMin: 5\n    iterationsMax: 3\n',
        /^\S*iter\.yaml:7:20: devices\[0\]\.iterationsMax: expected parameters the device can be built with, found reram 'r1': iterationsMax must be ≥ iterationsMin \(5\), got 3\n$/],
      ['clk.yaml', 'kind: devices\ndevices:\n  - { type: stt-mram, id: m, preset: qmc-mram }\n  - type: sram\n    id: s1\n    preset: nvmexplorer-sram-2mb\n    clock: 3 THz\n',
        /^\S*clk\.yaml:7:12: devices\[1\]\.clock: expected parameters the device can be built with, found sram 's1': clock must be at most 2 THz[^\n]*\n$/],
    ];
    for (const [name, text, re] of cases) {
      const f = file(name, text);
      const v = await runCli('validate', f);
      expect(v.code, name).toBe(2);
      expect(v.stdout, name).toBe('');
      expect(v.stderr, name).toMatch(re);
      // replay rejects the same file at load, so the two agree
      const id = name === 'iter.yaml' ? 'r1' : 's1';
      const r = await runCli('replay', '--device', `${f}#${id}`, '--trace', trace);
      expect(r.code, name).toBe(2);
    }
  });

  it('validate reports an entry\'s build error in the same pass as another entry\'s schema error', async () => {
    const f = file('both.yaml', 'kind: devices\ndevices:\n  - { type: stt-mram, id: m, preset: qmc-mram, redLatency: 3 ns }\n  - type: reram\n    id: r1\n    preset: qmc-reram-3bit\n    iterationsMin: 5\n    iterationsMax: 3\n');
    const v = await runCli('validate', f);
    expect(v.code).toBe(2);
    const lines = v.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/both\.yaml:3:\d+: devices\[0\]\.redLatency: .*found unknown key 'redLatency'; did you mean 'readLatency'\?$/);
    expect(lines[1]).toMatch(/both\.yaml:8:20: devices\[1\]\.iterationsMax: expected parameters the device can be built with, found reram 'r1': iterationsMax must be ≥ iterationsMin \(5\), got 3$/);
  });

  it('the shipped device files stay valid', async () => {
    const r = await runCli('validate', 'configs/devices/qmc-table1.yaml', 'configs/devices/qmc-reram-modes.yaml', 'configs/devices/nvmexplorer-tentpoles.yaml', 'configs/devices/sram.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('kind: devices LPDDR5 timing overrides', () => {
  it('timing.tRCD in a devices file changes the replay (it was accepted and silently ignored)', async () => {
    const trace = t.write('lp.trc', '0 R 0x0 64 1\n1000 R 0x100000 64 1\n2000 R 0x200000 64 1\n');
    const base = t.write('lp0.yaml', 'kind: devices\ndevices:\n  - { type: lpddr5, id: d, preset: orin-agx }\n');
    const slow = t.write('lp1.yaml', "kind: devices\ndevices:\n  - { type: lpddr5, id: d, preset: orin-agx, 'timing.tRCD': 200 ns }\n");
    const mean = async (f: string): Promise<number> => {
      const r = await runCli('replay', '--device', f, '--trace', trace, '--json');
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { readLatency: { meanPs: number } }).readLatency.meanPs;
    };
    const a = await mean(base);
    const b = await mean(slow);
    expect(b - a).toBeGreaterThan(150_000); // every read pays the longer tRCD (ps)
  });
});
