// Malformed GGUF files: @huggingface/gguf reads past the end of a short file as zeros, so a
// truncated header or tensor data used to come back as tensors named '' with zero dims, or as a
// million phantom tensors. Each case must be one line naming the file, exit 2 (a UserError).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusalAsync } from './cli-refusal.js';
import { readGgufHeader } from '../../src/workloads/weights/gguf.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-gguf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A v3 GGUF file with two F16 tensors (64x10 at 0, 64x32 at 1280) and 1280 + 4096 data bytes. */
function ggufFile(o: { tensorCount?: number; type0?: number; offset1?: number; innermost0?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); parts.push(b); };
  const u64 = (v: number) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); parts.push(b); };
  const str = (s: string) => { u64(Buffer.byteLength(s)); parts.push(Buffer.from(s)); };
  parts.push(Buffer.from('GGUF')); u32(3); u64(o.tensorCount ?? 2); u64(1);
  str('general.architecture'); u32(8); str('llama');
  str('token_embd.weight'); u32(2); u64(o.innermost0 ?? 64); u64(10); u32(o.type0 ?? 1); u64(0);
  str('blk.0.ffn_up.weight'); u32(2); u64(64); u64(32); u32(1); u64(o.offset1 ?? 1280);
  const b = Buffer.concat(parts);
  return Buffer.concat([b, Buffer.alloc((32 - (b.length % 32)) % 32), Buffer.alloc(1280 + 4096)]);
}

const failure = (file: string): Promise<{ code: number; stderr: string }> => refusalAsync(() => readGgufHeader(file), file);

describe('malformed GGUF files', () => {
  const good = ggufFile();
  const cases: [string, Buffer | 'dir', RegExp][] = [
    ['cut-in-tensor-infos.gguf', good.subarray(0, 100), /truncated: the header needs 160 bytes but the file has 100/],
    ['cut-in-fixed-header.gguf', good.subarray(0, 20), /truncated: 20 bytes, shorter than the 24-byte GGUF header start/],
    ['cut-in-data.gguf', good.subarray(0, 200), /truncated: tensor 'token_embd\.weight' ends at data byte 1280 but the file has only 8 data bytes/],
    ['many-tensors.gguf', ggufFile({ tensorCount: 1_000_000 }), /declares 1000000 tensors, which need at least 24000024 bytes, but the file has 5568/],
    ['unknown-type.gguf', ggufFile({ type0: 999 }), /malformed tensor 'token_embd\.weight': unknown GGML type 999/],
    ['offset-beyond.gguf', ggufFile({ offset1: 1e9 }), /truncated: tensor 'blk\.0\.ffn_up\.weight' ends at data byte 1000004096 but the file has only 5376 data bytes/],
    ['q4-partial-block.gguf', ggufFile({ type0: 2, innermost0: 48 }), /Q4_0 stores blocks of 32 elements, but the innermost dimension is 48/],
    ['folder.gguf', 'dir', /is a directory; expected a GGUF file/],
    ['safetensors.gguf', Buffer.from([8, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7d]), /not a GGUF file: expected the magic 'GGUF'/],
  ];
  for (const [name, content, msg] of cases) {
    it(`${name}: one line naming the file, exit 2`, async () => {
      const f = join(dir, name);
      if (content === 'dir') mkdirSync(f);
      else writeFileSync(f, content);
      const r = await failure(f);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${f}: `);
      expect(r.stderr).toMatch(msg);
    });
  }
  it('a missing file is a cannot-open line, exit 2', async () => {
    const r = await failure(join(dir, 'nope.gguf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.gguf: cannot open \(no such file\)/);
  });
  it('the well-formed file still reads, with sizes checked against its data', async () => {
    const f = join(dir, 'good.gguf');
    writeFileSync(f, good);
    const h = await readGgufHeader(f);
    expect(h.tensors.map((t) => [t.name, t.shape, t.numel, t.type])).toEqual([['token_embd.weight', [10, 64], 640, 'F16'], ['blk.0.ffn_up.weight', [32, 64], 2048, 'F16']]);
  });
});
