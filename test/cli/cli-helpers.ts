// Runs the CLI in-process with captured stdout/stderr; writes a tiny noise study for CLI tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, reportError } from '../../src/cli/main.js';
import { setIo } from '../../src/cli/io.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the CLI prints on stderr and returns as exit code for an error `e` (its global error policy). */
export function reported(e: unknown): { code: number; stderr: string } {
  let stderr = '';
  setIo({ stdout: () => {}, stderr: (s) => { stderr += s; } });
  try {
    return { code: reportError(e), stderr };
  } finally {
    setIo(undefined);
  }
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

/**
 * Writes `n.yaml` in `dir`: the small noise-study fixture cut down to one SmolLM2-135M tensor, one
 * 3-bit cell mode and zero noise (seconds to run), its run files pointing at experiments/qmc.
 */
export function writeTinyNoiseStudy(dir: string): string {
  const qmc = join(import.meta.dirname, '..', '..', 'experiments', 'qmc');
  const file = join(dir, 'n.yaml');
  writeFileSync(file, readFileSync(join(import.meta.dirname, '..', 'study', 'fixtures', 'noise-small.yaml'), 'utf8')
    .replace('model: hymba-1.5b', 'model: smollm2-135m')
    .replace(/tensors: \[.*\]/, 'tensors: [model.layers.0.mlp.up_proj.weight]')
    .replace('cellModes: [3, 2]', 'cellModes: [3]').replace('levelSpreadScale: [0, 1.5, 2.5]', 'levelSpreadScale: [0]')
    .replace('writeErrorRate: [0, 1.0e-3]', 'writeErrorRate: [0]')
    .replace(/\.\.\/\.\.\/\.\.\/experiments\/qmc\//g, `${qmc}/`));
  return file;
}
