/**
 * Opens a --weights checkpoint as a WeightSource, choosing the reader by the file: a `.gguf` file or
 * one starting with the GGUF magic → gguf-source.ts; anything else (a .safetensors file, an index,
 * a directory) → the safetensors reader (source.ts checkpointSource).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { TensorSpec } from '../tensor.js';
import { ggufSource } from './gguf-source.js';
import { checkpointSource, type WeightSource } from './source.js';

/** Whether `path` names a GGUF file: by its extension, or by its first 4 bytes ('GGUF'). */
export function isGgufPath(path: string): boolean {
  if (/\.gguf$/i.test(path)) return true;
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(4);
      return readSync(fd, b, 0, 4, 0) === 4 && b.toString('latin1') === 'GGUF';
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // missing or unreadable: the safetensors reader reports it
  }
}

/** Tensors of `specs` from the checkpoint at `path` (GGUF or safetensors), optionally only the first `maxRows` rows of each. */
export async function openWeightSource(path: string, specs: readonly TensorSpec[], maxRows?: number): Promise<WeightSource> {
  return isGgufPath(path) ? ggufSource(path, specs, maxRows) : checkpointSource(path, specs, maxRows);
}
