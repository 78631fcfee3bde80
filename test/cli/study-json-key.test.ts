// `qmcsim study noise`: --json named the study file `study` while the result.json it wrote named the
// same value `file`. Both use `study` now, as README documents for --json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeTinyNoiseStudy } from './cli-helpers.js';

describe('study noise: --json and result.json name the study file alike', () => {
  it('both say study, neither file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-noise-key-'));
    try {
      const file = writeTinyNoiseStudy(dir);
      let out = '';
      const code = await main(['study', 'noise', file, '--json', '--out', join(dir, 'o'), '--no-progress'], { stdout: (t) => { out += t; }, stderr: () => {} });
      expect(code).toBe(0);
      const printed = JSON.parse(out) as Record<string, unknown>;
      const saved = JSON.parse(readFileSync(join(dir, 'o', 'result.json'), 'utf8')) as Record<string, unknown>;
      expect(printed.study).toBe(file);
      expect(saved.study).toBe(printed.study);
      expect(Object.keys(printed)).not.toContain('file');
      expect(Object.keys(saved)).not.toContain('file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
