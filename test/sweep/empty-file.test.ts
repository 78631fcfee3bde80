// Audit: an empty sweep file gave '…:1:1: expected a map with kind: sweep, found null'; it is now
// named as validate names it: 'an empty document (the file is empty or only comments)'.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from './helpers.js';

describe('sweep of an empty file', () => {
  it.each([['empty', ''], ['only comments', '# nothing here\n']])('%s: one line naming an empty document, exit 2', async (_, text) => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, text);
    let stderr = '';
    expect(await main(['sweep', file, '--workers', '0', '--out', join(dir, 'out'), '--no-progress'], { stdout: () => {}, stderr: (t) => { stderr += t; } })).toBe(2);
    expect(stderr).toBe(`${file}:1:1: expected a map with kind: sweep, found an empty document (the file is empty or only comments)\n`);
  });
});
