// Keys named __proto__ / constructor in YAML, extends and --set are data: reported as unknown keys at
// their source, never turned into a prototype (key lost) or onto Object.prototype (every object polluted).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfigFile, strictObject } from '../../src/config/index.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const schema = strictObject({ name: z.string(), opts: strictObject({ depth: z.number() }).optional() });

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => {
  t.remove();
  delete (Object.prototype as Record<string, unknown>).polluted;
});

const messages = (fn: () => unknown): string => configErrorsOf(fn).format();

describe('prototype-named keys', () => {
  it('--set __proto__.polluted=1 is an unknown key of the override and pollutes nothing', () => {
    const f = t.write('a.yaml', 'name: a\n');
    const msg = messages(() => loadConfigFile(f, schema, { overrides: ['__proto__.polluted=1'] }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(msg).toContain("--set __proto__.polluted=1: __proto__: expected a key allowed at the top level");
    expect(msg).toContain("unknown key '__proto__'");
  });

  it('--set constructor.x=1 is an unknown key, not "expected a map at constructor, found a map"', () => {
    const f = t.write('a.yaml', 'name: a\n');
    const msg = messages(() => loadConfigFile(f, schema, { overrides: ['constructor.x=1'] }));
    expect(msg).toContain("--set constructor.x=1: constructor:");
    expect(msg).toContain("unknown key 'constructor'");
  });

  it('a map created by --set foo.bar=1 is blamed on the override, not on the file', () => {
    const f = t.write('a.yaml', 'name: a\n');
    const msg = messages(() => loadConfigFile(f, schema, { overrides: ['opts.foo.bar=1'] }));
    expect(msg).toMatch(/^--set opts\.foo\.bar=1: opts\.foo: .*unknown key 'foo'/m);
  });

  it('a __proto__ key in a file that extends another is reported, not dropped by the merge', () => {
    t.write('base.yaml', 'name: base\n');
    const f = t.write('a.yaml', 'extends: base.yaml\n__proto__: {polluted: 1}\n');
    const msg = messages(() => loadConfigFile(f, schema));
    expect(msg).toMatch(/a\.yaml:2:1: __proto__: .*unknown key '__proto__'/);
  });
});
