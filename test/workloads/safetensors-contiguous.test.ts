// Safetensors data must be indexed in full: no bytes between tensors, before the first or after the
// last (the reference reader refuses such files). Each was read silently, e.g. a tensor whose
// offsets were shifted by a writer bug, or a file with bytes appended; now one line naming the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpoint, SafetensorsError } from '../../src/workloads/weights/safetensors.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-st-contig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file with the given header entries (name → data_offsets of an F32[2] tensor) and `data` bytes. */
function file(name: string, offsets: Readonly<Record<string, readonly [number, number]>>, data: number): string {
  const h: Record<string, unknown> = {};
  for (const [n, o] of Object.entries(offsets)) h[n] = { dtype: 'F32', shape: [2], data_offsets: o };
  const json = Buffer.from(JSON.stringify(h));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  const f = join(dir, name);
  writeFileSync(f, Buffer.concat([len, json, Buffer.alloc(data)]));
  return f;
}

describe('safetensors data is contiguous', () => {
  it('reads a contiguous file', () => {
    const cp = Checkpoint.open(file('ok.safetensors', { a: [0, 8], b: [8, 16] }, 16));
    expect(cp.names()).toEqual(['a', 'b']);
    cp.close();
  });
  for (const [name, offsets, data, msg] of [
    ['hole.safetensors', { a: [0, 8], b: [12, 20] }, 20, /data bytes 8\.\.12 before tensor 'b' belong to no tensor/],
    ['lead.safetensors', { a: [4, 12] }, 12, /data bytes 0\.\.4 before tensor 'a' belong to no tensor/],
    ['tail.safetensors', { a: [0, 8] }, 24, /16 bytes after the last tensor's data \(expected the data to end at byte 8 of 24\)/],
  ] as const) {
    it(`refuses ${name}`, () => {
      const f = file(name, offsets, data);
      expect(() => Checkpoint.open(f)).toThrow(SafetensorsError);
      expect(() => Checkpoint.open(f)).toThrow(msg);
      expect(() => Checkpoint.open(f)).toThrow(`${f}: malformed`);
    });
  }
});
