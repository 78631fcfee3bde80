// A missing or malformed --weights checkpoint is bad input: one line naming the file, exit 2 —
// not "qmcsim: internal error: SafetensorsError …" (exit 3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusal } from './cli-refusal.js';
import { isUserError } from '../../src/config/errors.js';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';
import { checkpointSource } from '../../src/workloads/weights/source.js';
import type { TensorSpec } from '../../src/workloads/tensor.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-ckpt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's exit code and stderr for the error f throws, which must be a user error (exit 2, not 3). */
function cliLines(f: () => unknown): { code: number; stderr: string } {
  return refusal(() => {
    try {
      f();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      throw e;
    }
  });
}

describe('bad checkpoints', () => {
  it('a missing file, a non-safetensors file and an empty directory exit 2 with one line', () => {
    const junk = join(dir, 'junk.safetensors');
    writeFileSync(junk, 'this is not a checkpoint at all');
    for (const [path, msg] of [
      [join(dir, 'nope.safetensors'), /nope\.safetensors: cannot open/],
      [junk, /junk\.safetensors: malformed/],
      [dir, /neither model\.safetensors\.index\.json nor model\.safetensors/],
    ] as const) {
      const r = cliLines(() => Checkpoint.open(path));
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });
});

describe('a checkpoint tensor of another shape', () => {
  // Regression: `study noise --weights` with a tensor whose shape differs from the model's ended in
  // "qmcsim: internal error: Error: … the model shape says …" (exit 3); it is bad input (exit 2).
  it('is one line naming the checkpoint, the tensor and both shapes, exit 2', () => {
    const ck = join(dir, 'shape.safetensors');
    writeSafetensors(ck, [{ name: 'w', dtype: 'F32', shape: [2, 3] }], () => encodeFloat(new Float32Array(6), 'F32'));
    const spec = { id: 'w', shape: [3, 2], numel: 6 } as unknown as TensorSpec;
    const r = cliLines(() => checkpointSource(ck, [spec]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${ck}: tensor 'w' has shape [2, 3], the model shape says [3, 2]\n`);
  });
});
