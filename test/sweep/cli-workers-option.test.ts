// Regression: `qmcsim sweep FILE --workers ''` ran the whole sweep in the main thread (Number('')
// is 0), a silent default; '1e1' or '0x2' passed the same way. Only digits are a worker count.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from './helpers.js';

describe('qmcsim sweep --workers', () => {
  it.each(['', ' ', '1e1', '0x2', '-1', '1.5', 'two'])('--workers %j is one line, exit 2, nothing written', async (value) => {
    const dir = tempDir();
    const errText: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => errText.push(t) };
    const out = join(dir, 'out');
    expect(await main(['sweep', join(FIXTURES, 'toy-sweep.yaml'), '--workers', value, '--out', out, '--no-progress'], io)).toBe(2);
    expect(errText.join('')).toBe(`qmcsim sweep: --workers: expected a whole number ≥ 0, found '${value}'\n`);
    expect(existsSync(join(out, 'points.csv'))).toBe(false);
  });
});
