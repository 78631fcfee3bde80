// An empty configuration file (nothing, only comments, a bare '---') says so, instead of
// 'expected a map, found null'.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigErrors, loadConfigFile, strictObject } from '../../src/config/index.js';
import { tempDir, type TempDir } from './helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

const schema = strictObject({ name: z.string() });

describe('an empty configuration file', () => {
  for (const [what, text, col] of [['empty', '', 1], ['only comments', '# nothing here\n', 1], ['a bare document marker', '---\n', 4]] as const) {
    it(`${what}: one line saying the document is empty`, () => {
      const f = t.write('e.yaml', text);
      let msg = '';
      try {
        loadConfigFile(f, schema);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigErrors);
        msg = (e as Error).message;
      }
      expect(msg).toBe(`${f}:1:${col}: expected a map, found an empty document (no keys; the file is empty or only comments)`);
    });
  }
  it('a key without a value is still reported as null at that key', () => {
    const f = t.write('n.yaml', 'name:\n');
    expect(() => loadConfigFile(f, schema)).toThrow(/n\.yaml:1:\d+: name: expected a string, found null$/);
  });
});
