// Regression: a safetensors header length of 2^62 was quoted as 4611686018427388000 (the 64-bit
// value rounded through a JS number). It is read as a BigInt and quoted exactly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-st-hdr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('safetensors header length', () => {
  it.each([2n ** 62n, 2n ** 64n - 1n, 2n ** 53n + 1n])('%s is quoted exactly', (len) => {
    const f = join(dir, `h${len}.safetensors`);
    const b = Buffer.alloc(64);
    b.writeBigUInt64LE(len, 0);
    writeFileSync(f, b);
    expect(() => Checkpoint.open(f)).toThrow(`${f}: malformed: header length ${len} bytes exceeds the 104857600-byte limit (not a safetensors file?)`);
  });
});
