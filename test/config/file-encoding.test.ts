// Configuration files that are not UTF-8 text: a located one-line refusal, never a silent U+FFFD.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile } from '../../src/config/yaml.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

function bytesFile(name: string, bytes: number[] | string): string {
  const p = join(t.dir, name);
  writeFileSync(p, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes));
  return p;
}

const message = (fn: () => unknown): string => configErrorsOf(fn).message;

describe('readYamlFile on bytes that are not UTF-8 text', () => {
  it('locates a Latin-1 byte at its line and column', () => {
    const f = bytesFile('latin1.yaml', 'kind: soc\nname: caf\xe9\n');
    expect(message(() => readYamlFile(f))).toBe(`${f}:2:10: expected a UTF-8 YAML text file, found byte 0xe9, which is not UTF-8 (save the file as UTF-8)`);
  });

  it('skips a genuine U+FFFD written in the file and finds the bad byte after it', () => {
    const f = bytesFile('fffd.yaml', [...Buffer.from('a: \u{FFFD}\nb: x'), 0xff, 0x0a]);
    expect(message(() => readYamlFile(f))).toMatch(/:2:5: expected a UTF-8 YAML text file, found byte 0xff/);
  });

  it('refuses a binary file (NUL bytes) instead of reading it as a scalar', () => {
    const f = bytesFile('blob.yaml', [0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0x02]);
    expect(message(() => readYamlFile(f))).toBe(`${f}:1:5: expected a UTF-8 YAML text file, found a NUL byte (a binary file?)`);
  });

  it('still reads UTF-8 text with a byte-order mark and non-ASCII characters', () => {
    const f = t.write('ok.yaml', '\uFEFFname: café ρ\n');
    expect(readYamlFile(f).data).toEqual({ name: 'café ρ' });
  });
});
