// `reproduce --model` with a name the catalogue lacks is one line naming the option the user typed,
// '--model: unknown model …' with a did-you-mean, exit 2, nothing on stdout; it said 'model: …', which
// reads as a key of the study file. A model file's own errors keep their file:line.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('reproduce --model', () => {
  it('an unknown name is one line naming --model, with a did-you-mean (exit 2)', async () => {
    const r = await cli(['reproduce', 'qmc', '--model', 'smollm2-13', '--no-rho', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^--model: unknown model 'smollm2-13' \(did you mean 'smollm2-135m'\?\); available: hymba-1\.5b, .* \(or a model YAML path\)\n$/);
  });
  it('a missing model file is named by its path, as before', async () => {
    const r = await cli(['reproduce', 'qmc', '--model', '/nonexistent/qmcsim-model.yaml', '--no-rho', '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('/nonexistent/qmcsim-model.yaml: cannot read configuration file (no such file)\n');
  });
});
