// loadConfigFile: strict validation with located errors, extends, overrides, kinds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, loadConfigFile, q, strictObject, int, oneOf, provenance, reportIssue } from '../../src/config/index.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const memory = strictObject({
  id: z.string(),
  readLatency: q.time(),
  capacity: q.size({ positive: true }),
  readEnergy: q.energyPerBit().optional(),
  mode: oneOf(['open', 'closed']).optional(),
});
const schema = strictObject({
  soc: strictObject({ clock: q.frequency(), banks: int({ min: 1 }).optional(), memory: z.array(memory) }),
}).superRefine((v, ctx) => {
  if (v.soc.memory.length > 1 && v.soc.memory[0]?.id === v.soc.memory[1]?.id) {
    reportIssue(ctx, 'a unique id', `'${v.soc.memory[1]?.id}' (also used by soc.memory[0])`, ['soc', 'memory', 1, 'id']);
  }
});


let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

const good = `soc:
  clock: 1 GHz
  memory:
    - id: dram
      readLatency: 20 ns
      capacity: 16 Gb
`;

describe('loadConfigFile', () => {
  it('returns canonical numbers for a valid file', () => {
    const v = loadConfigFile(t.write('a.yaml', good), schema);
    expect(v).toEqual({ soc: { clock: 1e9, memory: [{ id: 'dram', readLatency: 20_000, capacity: 2e9 }] } });
  });

  it('reports every problem with file:line:col, path, expected, found and a did-you-mean', () => {
    const f = t.write('bad.yaml', `soc:
  clock: 1 GHz
  memory:
    - id: nvm
      readLatency: 50
      capacity: -4 MB
      readEnergie: 1 pJ/bit
      mode: opne
    - id: x
      readLatency: 5 pJ
      capacity: 1 kB
`);
    const lines = configErrorsOf(() => loadConfigFile(f, schema)).format().split('\n');
    expect(lines).toEqual([
      `${f}:5:20: soc.memory[0].readLatency: expected a time such as '3.5 ns', found 50`,
      `${f}:6:17: soc.memory[0].capacity: expected a size such as '64 B' or '16 Gb' (> 0), found '-4 MB' (negative)`,
      `${f}:7:7: soc.memory[0].readEnergie: expected a key allowed at 'soc.memory[0]' ('id', 'readLatency', 'capacity', 'readEnergy', 'mode'), found unknown key 'readEnergie'; did you mean 'readEnergy'?`,
      `${f}:8:13: soc.memory[0].mode: expected one of 'open', 'closed', found 'opne'; did you mean 'open'?`,
      `${f}:10:20: soc.memory[1].readLatency: expected a time such as '3.5 ns', found '5 pJ' (an energy)`,
    ]);
  });

  it('a missing required key points at the key of its parent map', () => {
    const f = t.write('m.yaml', 'soc:\n  memory: []\n');
    expect(configErrorsOf(() => loadConfigFile(f, schema)).problems).toMatchObject([
      { line: 1, col: 1, path: 'soc.clock', expected: "a frequency such as '3.3 GHz'", found: 'nothing (the key is missing)' },
    ]);
  });

  it('runs cross-field checks once the shape is valid', () => {
    const f = t.write('dup.yaml', `${good}    - id: dram\n      readLatency: 1 ns\n      capacity: 1 kB\n`);
    expect(configErrorsOf(() => loadConfigFile(f, schema)).format()).toBe(`${f}:7:11: soc.memory[1].id: expected a unique id, found 'dram' (also used by soc.memory[0])`);
  });

  it('reports broken YAML and duplicate keys with positions', () => {
    const f = t.write('broken.yaml', 'soc:\n  clock: 1 GHz\n   memory: [\n');
    const e = configErrorsOf(() => loadConfigFile(f, schema));
    expect(e.problems[0]).toMatchObject({ file: f, expected: 'valid YAML' });
    expect(e.problems[0]?.line).toBeGreaterThan(0);
    expect(e.format()).toMatch(new RegExp(`^${f}:\\d+:\\d+: expected valid YAML, found a syntax error \\(.+\\)`));
    const d = t.write('dupkey.yaml', 'soc:\n  clock: 1 GHz\n  clock: 2 GHz\n');
    expect(configErrorsOf(() => loadConfigFile(d, schema)).format()).toBe(`${d}:3:3: soc.clock: expected each key once per map, found 'clock' a second time (first at line 2)`);
  });

  it('a second YAML document is one located line in the user\'s terms (no yaml API advice)', () => {
    const f = t.write('two-docs.yaml', 'soc:\n  clock: 1 GHz\n---\nsoc:\n  clock: 2 GHz\n');
    expect(configErrorsOf(() => loadConfigFile(f, schema)).format()).toBe(`${f}:3:1: expected one YAML document per configuration file, found a second document (after '---'); put it in its own file`);
  });

  it('an alias without an anchor before it is located at the alias, with its key path', () => {
    const f = t.write('alias.yaml', 'soc:\n  clock: *clk\n  memory:\n    - &m { id: dram }\n    - *mem\n');
    expect(configErrorsOf(() => loadConfigFile(f, schema)).format()).toBe([
      `${f}:2:10: soc.clock: expected an alias to an anchor set above it ('&clk'), found '*clk' with no such anchor before it`,
      `${f}:5:7: soc.memory[1]: expected an alias to an anchor set above it ('&mem'), found '*mem' with no such anchor before it`,
    ].join('\n'));
  });

  it('a repeated key inside a list item or a flow map names its key path', () => {
    const d = t.write('dupkey2.yaml', 'soc:\n  clock: 1 GHz\n  memory:\n    - id: dram\n      readLatency: 1 ns\n      id: sram\n    - { id: a, capacity: 1 kB, capacity: 2 kB }\n');
    expect(configErrorsOf(() => loadConfigFile(d, schema)).format()).toBe([
      `${d}:6:7: soc.memory[0].id: expected each key once per map, found 'id' a second time (first at line 4)`,
      `${d}:7:32: soc.memory[1].capacity: expected each key once per map, found 'capacity' a second time (first at line 7)`,
    ].join('\n'));
  });

  it('a list or map used as a key is a located problem, without a process warning', () => {
    const warnings: unknown[] = [];
    const onWarning = (w: unknown): void => { warnings.push(w); };
    process.on('warning', onWarning);
    try {
      const f = t.write('complex.yaml', 'soc:\n  clock: 1 GHz\n[1, 2]: x\n');
      expect(configErrorsOf(() => loadConfigFile(f, schema)).format()).toBe(`${f}:3:1: expected a plain key (a name such as readLatency), found a list used as a key`);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('a missing file is a one-line UserError', () => {
    expect(() => loadConfigFile(`${t.dir}/nope.yaml`, schema)).toThrow(/nope\.yaml: cannot read configuration file \(no such file\)/);
  });
});

describe('extends', () => {
  it('deep-merges maps, replaces lists, and locates errors in the file that wrote the value', () => {
    t.write('base/soc.yaml', `soc:\n  clock: 1 GHz\n  banks: 8\n  memory:\n    - id: a\n      readLatency: 5\n      capacity: 1 kB\n`);
    const child = t.write('child.yaml', 'extends: base/soc.yaml\nsoc:\n  banks: 16\n');
    const e = configErrorsOf(() => loadConfigFile(child, schema));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ line: 6, col: 20, path: 'soc.memory[0].readLatency' });
    expect(e.problems[0]?.file).toMatch(/base\/soc\.yaml$/);
    const fixed = t.write('fixed.yaml', 'extends: [base/soc.yaml]\nsoc:\n  memory:\n    - { id: b, readLatency: 2 ns, capacity: 2 kB }\n');
    const r = loadConfig(fixed, schema);
    expect(r.value.soc).toEqual({ clock: 1e9, banks: 8, memory: [{ id: 'b', readLatency: 2000, capacity: 2000 }] });
    expect(r.files).toHaveLength(2);
  });

  it('detects cycles and missing bases', () => {
    t.write('a.yaml', 'extends: b.yaml\nsoc: {}\n');
    const b = t.write('b.yaml', 'extends: a.yaml\n');
    expect(configErrorsOf(() => loadConfigFile(b, schema)).format()).toMatch(/a\.yaml:1:10: extends: expected a file that does not extend itself, found a cycle .*b\.yaml → .*a\.yaml → .*b\.yaml/);
    const m = t.write('m.yaml', 'extends: gone.yaml\n');
    expect(configErrorsOf(() => loadConfigFile(m, schema)).format()).toMatch(/m\.yaml:1:10: extends: expected an existing YAML file .*found 'gone\.yaml'/);
  });
});

describe('--set overrides', () => {
  it('sets nested keys and list items, parsed as YAML', () => {
    const f = t.write('o.yaml', good);
    const v = loadConfigFile(f, schema, { overrides: ['soc.memory[0].readLatency=7 ns', 'soc.banks=4', 'soc.memory[1]={id: b, readLatency: 1 ns, capacity: 1 kB}'] });
    expect(v.soc.banks).toBe(4);
    expect(v.soc.memory.map((m) => m.readLatency)).toEqual([7000, 1000]);
  });

  it('errors name the override', () => {
    const f = t.write('o.yaml', good);
    expect(configErrorsOf(() => loadConfigFile(f, schema, { overrides: ['soc.memory[0].readLatency=7'] })).format())
      .toBe("--set soc.memory[0].readLatency=7: soc.memory[0].readLatency: expected a time such as '3.5 ns', found 7");
    expect(configErrorsOf(() => loadConfigFile(f, schema, { overrides: ['soc..x=1'] })).format()).toMatch(/^--set soc\.\.x=1: expected an override such as/);
    expect(configErrorsOf(() => loadConfigFile(f, schema, { overrides: ['soc.memory[5].id=x'] })).format()).toMatch(/expected a list at 'soc.memory' with an item 5, found a list of 1 items/);
  });
});

describe('kind', () => {
  it('is consumed by the loader and checked when the caller names one', () => {
    const f = t.write('k.yaml', `kind: soc\n${good}`);
    expect(loadConfig(f, schema, { kind: 'soc' }).kind).toBe('soc');
    expect(configErrorsOf(() => loadConfigFile(f, schema, { kind: 'run' })).format()).toBe(`${f}:1:7: kind: expected 'run', found 'soc'`);
  });
});

describe('provenance', () => {
  it('names the file position, the override, or default for every leaf', () => {
    t.write('base.yaml', 'soc:\n  clock: 1 GHz\n  memory:\n    - { id: a, readLatency: 1 ns, capacity: 1 kB }\n');
    const f = t.write('p.yaml', 'extends: base.yaml\nsoc:\n  clock: 2 GHz\n');
    const withDefault = strictObject({ soc: strictObject({ clock: q.frequency(), banks: int({ min: 1 }).default(4), memory: z.array(memory) }) });
    const r = loadConfig(f, withDefault, { overrides: ['soc.memory[0].capacity=2 kB'] });
    const p = provenance(r.value, r.sources);
    expect(p).toEqual({
      'soc.banks': 'default',
      'soc.clock': `${f}:3:10`,
      'soc.memory[0].capacity': '--set soc.memory[0].capacity=2 kB',
      'soc.memory[0].id': expect.stringMatching(/base\.yaml:4:13$/),
      'soc.memory[0].readLatency': expect.stringMatching(/base\.yaml:4:29$/),
    });
  });
});
