// `qmcsim validate`: the acceptance cases of issue 2 (misspelt key, unitless and wrong-dimension
// quantities, negative size, broken YAML) exit 2 with one located line per problem and no stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { q, registerConfigKind, registerDescriptors, strictObject } from '../../src/config/index.js';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

const memSchema = strictObject({
  memory: z.array(strictObject({ id: z.string(), programPulse: q.time(), capacity: q.size(), bandwidth: q.bandwidth().optional() })),
});
registerConfigKind('test-memory', memSchema, { description: 'test kind' });
registerDescriptors([{
  interface: 'MemoryDevice', type: 'cli-test-nvm', summary: 'an NVM array used by the CLI tests',
  params: [
    { name: 'readLatency', kind: 'time', description: 'array read latency', default: '10 ns', source: 'test table 1' },
    { name: 'writeEnergy', kind: 'energyPerBit', description: 'write energy', default: '1.5 pJ/bit', estimate: true, source: 'estimate' },
    { name: 'capacity', kind: 'size', description: 'capacity' },
  ],
  presets: { tiny: { source: 'test' } },
}]);

let t: TempDir;
beforeAll(() => { t = tempDir(); });
afterAll(() => t.remove());

const valid = `kind: test-memory
memory:
  - id: nvm
    programPulse: 50 ns
    capacity: 64 MiB
`;

function expectNoStack(s: string): void {
  expect(s).not.toContain('    at ');
}

describe('qmcsim validate', () => {
  it('exits 0 for a valid file', async () => {
    const r = await runCli('validate', t.write('ok.yaml', valid));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok\.yaml: valid test-memory configuration \(1 file, hash [0-9a-f]{12}\)/);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['misspelt key', 'memory:\n  - id: nvm\n    progamPulse: 50 ns\n    capacity: 64 MiB\n', ':3:5: memory[0].progamPulse: expected a key allowed at \'memory[0]\'', "found unknown key 'progamPulse'; did you mean 'programPulse'?"],
    ['unitless quantity', 'memory:\n  - id: nvm\n    programPulse: 50\n    capacity: 64 MiB\n', ":3:19: memory[0].programPulse: expected a time such as '3.5 ns'", 'found 50'],
    ['wrong-dimension quantity', 'memory:\n  - id: nvm\n    programPulse: 5 pJ\n    capacity: 64 MiB\n', ":3:19: memory[0].programPulse: expected a time such as '3.5 ns'", "found '5 pJ' (an energy)"],
    ['negative size', 'memory:\n  - id: nvm\n    programPulse: 5 ns\n    capacity: -64 MiB\n', ":4:15: memory[0].capacity: expected a size such as '64 B' or '16 Gb' (≥ 0)", "found '-64 MiB' (negative)"],
    ['broken YAML', 'memory:\n  - id: nvm\n    programPulse: [5 ns\n    capacity: 1\n', ': expected valid YAML', 'found a syntax error ('],
  ])('%s → exit 2 with file:line:col, path, expected, found', async (_name, body, where, found) => {
    const f = t.write(`case-${_name.replace(/\W/g, '-')}.yaml`, `kind: test-memory\n${body}`.replace(/^kind: test-memory\n/, 'kind: test-memory\n'));
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    const line = lines[0] as string;
    expect(line.startsWith(f)).toBe(true);
    expect(line).toMatch(/^[^:]+:\d+:\d+: /);
    // the test bodies start on line 2 (after `kind:`), so shift the expected line by one
    const shifted = where.replace(/^:(\d+):/, (_m, n: string) => `:${Number(n) + 1}:`);
    if (!where.startsWith(': ')) expect(line).toContain(shifted);
    else expect(line).toContain(where.slice(2));
    expect(line).toContain(found);
    expectNoStack(r.stderr);
  });

  it('reports all problems of several files and exits 2 if any is bad', async () => {
    const good = t.write('g.yaml', valid);
    const bad = t.write('b.yaml', 'kind: test-memory\nmemory:\n  - id: 1\n    programPulse: 3\n    capacity: 2 GHz\n');
    const r = await runCli('validate', good, bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('g.yaml: valid');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${bad}:3:9: memory[0].id: expected a string, found 1`,
      `${bad}:4:19: memory[0].programPulse: expected a time such as '3.5 ns', found 3`,
      `${bad}:5:15: memory[0].capacity: expected a size such as '64 B' or '16 Gb', found '2 GHz' (a frequency)`,
    ]);
  });

  it('--print and --provenance show the resolved values and where each came from', async () => {
    const f = t.write('pp.yaml', valid);
    const r = await runCli('validate', f, '--print', '--provenance', '--set', 'memory[0].capacity=1 KiB');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"programPulse": 50000');
    expect(r.stdout).toMatch(new RegExp(`memory\\[0\\]\\.programPulse\\s+${f}:4:19`));
    expect(r.stdout).toMatch(/memory\[0\]\.capacity\s+--set memory\[0\]\.capacity=1 KiB/);
  });

  it('--set overrides are applied and validated', async () => {
    const f = t.write('s.yaml', valid);
    expect((await runCli('validate', f, '--set', 'memory[0].programPulse=20 ns')).code).toBe(0);
    const r = await runCli('validate', f, '--set', 'memory[0].programPulse=20');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("--set memory[0].programPulse=20: memory[0].programPulse: expected a time such as '3.5 ns', found 20\n");
  });

  it('unknown or missing kind, missing file → exit 2 with a suggestion', async () => {
    const r1 = await runCli('validate', t.write('k.yaml', 'kind: test-memroy\nmemory: []\n'));
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/k\.yaml:1:7: kind: expected a known configuration kind \(.*test-memory.*\), found 'test-memroy'; did you mean 'test-memory'\?/);
    const r2 = await runCli('validate', t.write('nokind.yaml', 'memory: []\n'));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/nokind\.yaml:1:1: kind: expected a top-level 'kind:'/);
    const r3 = await runCli('validate', `${t.dir}/missing.yaml`);
    expect(r3).toMatchObject({ code: 2, stderr: `${t.dir}/missing.yaml: cannot read configuration file (no such file)\n` });
  });

  it('kind: devices checks each device against its registered descriptor', async () => {
    const ok = t.write('dev.yaml', 'kind: devices\ndevices:\n  - type: cli-test-nvm\n    capacity: 4 MiB\n  - { type: cli-test-nvm, preset: tiny }\n');
    expect((await runCli('validate', ok)).code).toBe(0);
    const bad = t.write('devbad.yaml', 'kind: devices\ndevices:\n  - type: cli-test-nvn\n  - type: cli-test-nvm\n    capacity: 4 MiB\n    writeEnergy: 2 pJ\n');
    const r = await runCli('validate', bad);
    expect(r.code).toBe(2);
    const [first] = r.stderr.split('\n');
    expect(first?.startsWith(`${bad}:3:11: devices[0].type: expected one of 'cli-test-nvm'`)).toBe(true);
    expect(first?.endsWith("found 'cli-test-nvn'; did you mean 'cli-test-nvm'?")).toBe(true);
    expect(r.stderr).toContain(`${bad}:6:18: devices[1].writeEnergy: expected an energy per bit such as '1.56 pJ/bit', found '2 pJ' (an energy)`);
  });

  it('usage errors exit 2 without a stack', async () => {
    for (const argv of [['valdate', 'x'], ['validate'], ['validate', '--nope', 'x'], []]) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expectNoStack(r.stderr);
    }
    expect((await runCli('valdate')).stderr).toContain('Did you mean validate?');
    expect((await runCli('--help')).code).toBe(0);
  });

  it('as a real process: bad input exits 2 with the located line and no stack', () => {
    const f = t.write('proc.yaml', 'kind: test-memory\nmemory:\n  - id: nvm\n    programPulse: 50\n    capacity: 1 kB\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'validate', f, '--kind', 'devices'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f}:\\d+:\\d+: `));
    expectNoStack(r.stderr);
  });
});
