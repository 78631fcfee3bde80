// Regression: yaml 2 only warns about a tag it cannot resolve and keeps the plain text, so
// `readLatency: !mytag 7 ns` and `readLatency: !!float 3.5 ns` validated as '7 ns' / '3.5 ns'.
// Each is now one located line at the tag; core-schema tags on values they fit still load.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile, q, strictObject } from '../../src/config/index.js';
import { z } from 'zod';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const schema = strictObject({ readLatency: q.time(), n: z.number().optional(), list: z.array(z.number()).optional() });

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

const lines = (f: string): string[] => configErrorsOf(() => loadConfigFile(f, schema)).format().split('\n');

describe('YAML tags', () => {
  it('an unknown tag is a located error, not ignored', () => {
    const f = t.write('a.yaml', 'n: 1\nreadLatency: !mytag 7 ns\n');
    expect(lines(f)).toEqual([
      `${f}:2:14: readLatency: expected no YAML tag, or one of '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq' (or '!replace' on a map), found the tag '!mytag' (on '7 ns'; unknown, so the value would be read as if untagged)`,
    ]);
  });
  it('!!float or !!int on a quantity is a located error', () => {
    const f = t.write('b.yaml', 'readLatency: !!float 3.5 ns\nn: !!int 7 ns\n');
    expect(lines(f)).toEqual([
      `${f}:1:14: readLatency: expected a number with a '.' or an exponent (2.0, 3.5e-9) after '!!float' (a quantity such as '3.5 ns' takes no tag), found '3.5 ns' tagged '!!float'`,
      `${f}:2:4: n: expected an integer after '!!int' (a quantity such as '3.5 ns' takes no tag), found '7 ns' tagged '!!int'`,
    ]);
  });
  it("'!!float 2' is 2.0, as YAML 1.2's core schema resolves it (yaml alone would read the text '2')", () => {
    const f = t.write('f.yaml', 'readLatency: 3 ns\nn: !!float -32\n');
    expect(loadConfigFile(f, schema)).toMatchObject({ n: -32 });
    expect(loadConfigFile(f, schema, { overrides: ['n=!!float 32'] })).toMatchObject({ n: 32 }); // and in a --set value
  });
  it('a tag on a collection, and YAML 1.1 types (!!binary) yaml would decode, are located too', () => {
    const f = t.write('c.yaml', 'readLatency: 3 ns\nlist: !mytag\n  - 1\nn: !!binary aGVsbG8=\n');
    expect(lines(f)).toEqual([
      `${f}:2:7: list: expected no YAML tag, or one of '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq' (or '!replace' on a map), found the tag '!mytag' (on a list; unknown, so the value would be read as if untagged)`,
      `${f}:4:4: n: expected no YAML tag, or one of '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq' (or '!replace' on a map), found the tag '!!binary' (on 'aGVsbG8='; a YAML 1.1 type no configuration value has)`,
    ]);
  });
  it('an unknown tag in a --set value is reported too', () => {
    const f = t.write('e.yaml', 'readLatency: 3 ns\n');
    const e = configErrorsOf(() => loadConfigFile(f, schema, { overrides: ['readLatency=!mytag 7 ns'] }));
    expect(e.format()).toBe("--set readLatency=!mytag 7 ns: readLatency: expected no YAML tag, or one of '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq' (or '!replace' on a map), found the tag '!mytag' (on '7 ns'; unknown, so the value would be read as if untagged)");
  });
  it('core tags on values they fit still load', () => {
    const f = t.write('d.yaml', "readLatency: !!str 3.5 ns\nn: !!float 2.0\nlist: !!seq [!!int '3']\n");
    expect(loadConfigFile(f, schema)).toMatchObject({ n: 2, list: [3] });
  });
});
