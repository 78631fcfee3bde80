// Regression: when a tensor's producer threw (or gave the wrong byte count), writeSafetensors left
// its '<file>.tmp-<pid>' behind in the output folder (e.g. study noise --export). Nothing is left now.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-st-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSafetensors failure', () => {
  it('a producer that throws or gives the wrong size leaves neither the file nor a temp file', () => {
    const f = join(dir, 'w.safetensors');
    const t = [{ name: 'a', dtype: 'F32', shape: [2, 2] }, { name: 'b', dtype: 'F32', shape: [2] }];
    expect(() => writeSafetensors(f, t, (_, i) => { if (i === 1) throw new Error('boom'); return new Uint8Array(16); })).toThrow('boom');
    expect(() => writeSafetensors(f, t, () => new Uint8Array(3))).toThrow(/producer gave 3 bytes for 'a', expected 16/);
    expect(existsSync(f)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
