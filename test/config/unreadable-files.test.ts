// Configuration files that are not one: a device (/dev/zero was read forever), a file too large for
// any configuration (600 MB ended in 'internal error: Cannot create a string longer…', exit 3), a
// path through a file (printed the raw code ENOTDIR). Each is one UserError naming the file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile, MAX_CONFIG_BYTES } from '../../src/config/yaml.js';
import { UserError } from '../../src/config/errors.js';
import { tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

function messageOf(file: string): string {
  try {
    readYamlFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('reading configuration files', () => {
  // in a child with a time limit: without the check the read never ends, and the test must fail, not hang
  it.runIf(existsSync('/dev/zero'))('refuses a character device at once', () => {
    const code = `import { readYamlFile } from './src/config/yaml.ts';
      try { readYamlFile('/dev/zero'); console.log('read'); } catch (e) { console.log(e.message); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 20 });
    expect(r.signal, 'the child was killed: reading /dev/zero never ended').toBeNull();
    expect(r.stdout.trim()).toBe('/dev/zero: cannot read configuration file (expected a regular file, found a character device)');
  });

  it('refuses a file larger than the limit without reading it into a string', () => {
    const f = join(t.dir, 'big.yaml');
    writeFileSync(f, Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x61));
    expect(messageOf(f)).toBe(`${f}: cannot read configuration file (expected at most ${MAX_CONFIG_BYTES} B (16 MiB) of YAML, found ${MAX_CONFIG_BYTES + 1} B)`);
  });

  it('names a path through a file in words', () => {
    const f = t.write('plain', 'x');
    expect(messageOf(join(f, 'a.yaml'))).toBe(`${join(f, 'a.yaml')}: cannot read configuration file (a path through a file, not a directory)`);
  });

  it('still reads a normal file', () => {
    expect(readYamlFile(t.write('a.yaml', 'a: 1\n')).data).toEqual({ a: 1 });
  });

  // `qmcsim validate <(…)`: validate reads the file for its kind, then its loader reads it again; the
  // second read of the pipe was empty ('found an empty document'). In a child with a time limit: a
  // second open of a named pipe without the fix waits for a writer forever.
  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)('reads a pipe twice as the same bytes', () => {
    const fifo = join(t.dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const code = `import { readYamlFile } from './src/config/yaml.ts';
      const a = JSON.stringify(readYamlFile(process.argv[1]).data); const b = JSON.stringify(readYamlFile(process.argv[1]).data);
      console.log(a + ' ' + b);`;
    const script = `printf 'kind: x\\na: 1\\n' > "$1" & exec "$2" --import tsx --input-type=module -e "$3" "$1"`;
    const r = spawnSync('sh', ['-c', script, 'sh', fifo, process.execPath, code], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'the child was killed: the second read of the pipe waited forever').toBeNull();
    expect(r.stdout.trim()).toBe('{"kind":"x","a":1} {"kind":"x","a":1}');
  });
});
