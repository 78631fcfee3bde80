// validate on a file with no map at the top (empty, only comments, a list, a scalar) says what the file
// holds ('found none' for kind: read as if a map lacked the key); thousands of nested brackets are named
// as too deep, not as 'a syntax error (Maximum call stack size exceeded)'.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '../config/helpers.js';
import { runCli } from './cli-helpers.js';

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('validate on files that hold no configuration map', () => {
  it.each([
    ['', 'an empty document (the file is empty or only comments)'],
    ['# only a comment\n', 'an empty document (the file is empty or only comments)'],
    ['- 1\n- 2\n', 'a list at the top level'],
    ['hello\n', "'hello' at the top level"],
  ])('%j', async (text, found) => {
    const f = t.write('x.yaml', text);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:1: expected a map with a top-level 'kind:' \\(one of .*\\), found ${found.replace(/[().]/g, '\\$&')}\\n$`));
  });

  it('5000 nested brackets: too deep, one located line', async () => {
    const f = t.write('deep.yaml', `kind: devices\ndeep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const r = await runCli('validate', f);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.yaml:2:\d+: expected valid YAML, found collections nested too deeply for the YAML reader/);
    expect(r.stderr).not.toContain('Maximum call stack');
  });
});
