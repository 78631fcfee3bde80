// GGUF tensor data → float32: every readable GGML type read back from a GGUF file written with a
// test-side quantizer (test/workloads/gguf-quantize*.ts) gives exactly the values its codes and
// scales stand for, within the format's rounding bound of the source; floats round-trip exactly;
// and hand-computed blocks of Q4_0, Q8_0, Q4_K and Q6_K pin nibble order and scale unpacking.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dequantize } from '../../src/workloads/weights/gguf-dequant.js';
import { GgufTensorFile } from '../../src/workloads/weights/gguf-tensors.js';
import { writeGguf } from './gguf-model-file.js';
import { GGML, quantize, type GgmlName } from './gguf-quantize.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-gguf-dequant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Heavy-ish tailed deterministic weights with a few outliers and an all-zero stretch. */
function source(n: number, seed: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => {
    if (i >= 512 && i < 544) return 0;
    const u = Math.sin(i * 12.9898 + seed * 78.233) * 43758.5453;
    const f = u - Math.floor(u);
    return Math.fround((f - 0.5) * 0.1 * (i % 97 === 3 ? 20 : 1));
  });
}
const plain = (a: Float32Array): number[] => Array.from(a, (v) => v + 0); // -0 → 0

async function readBack(type: GgmlName, rows: number, cols: number, x: Float32Array, alignment = 32): Promise<Float32Array> {
  const q = quantize(type, x);
  const file = join(dir, `${type}-${alignment}.gguf`);
  // a small F32 tensor first, so the tensor under test starts at a non-zero, aligned offset
  writeGguf(file, [['general.architecture', { t: 'str', v: 'llama' }]], [
    { name: 'first', shape: [3], type: GGML.F32, bytes: new Uint8Array(new Float32Array([1, 2, 3]).buffer) },
    { name: 't', shape: [rows, cols], type: GGML[type], bytes: q.bytes },
  ], alignment);
  const f = await GgufTensorFile.open(file);
  try {
    expect(f.find('t')!.offset % alignment).toBe(0);
    expect(plain(f.readRows('first', 0, 1))).toEqual([1, 2, 3]);
    return f.readRows('t', 0, rows);
  } finally {
    f.close();
  }
}

describe('GGUF dequantization of every readable type', () => {
  const types: GgmlName[] = ['F32', 'F16', 'BF16', 'Q4_0', 'Q4_1', 'Q5_0', 'Q5_1', 'Q8_0', 'Q8_1', 'Q2_K', 'Q3_K', 'Q4_K', 'Q5_K', 'Q6_K', 'Q8_K'];
  it.each(types)('%s: the coded values exactly, within the rounding bound of the source', async (type) => {
    const rows = 4, cols = 512;
    const x = source(rows * cols, type.length);
    const q = quantize(type, x);
    const got = await readBack(type, rows, cols, x);
    expect(plain(got)).toEqual(plain(q.expected));
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(got[i]! - x[i]!) - q.bound[i]!);
    expect(worst).toBeLessThanOrEqual(0);
  });

  it.each(['F32', 'F16', 'BF16'] as const)('%s: representable values round-trip exactly', async (type) => {
    const x = quantize(type, source(256, 9)).expected; // values the format holds exactly
    expect(plain(await readBack(type, 2, 128, x))).toEqual(plain(x));
  });

  it('rows are read from the offset general.alignment puts them at (64 here), and a row range reads only those rows', async () => {
    const x = source(4 * 256, 3);
    const q = quantize('Q6_K', x);
    expect(plain(await readBack('Q6_K', 4, 256, x, 64))).toEqual(plain(q.expected));
    const f = await GgufTensorFile.open(join(dir, 'Q6_K-64.gguf'));
    try {
      expect(plain(f.readRows('t', 2, 1))).toEqual(plain(q.expected.subarray(512, 768)));
    } finally {
      f.close();
    }
  });
});

describe('GGUF data offsets', () => {
  it('a tensor offset that is not a multiple of general.alignment is refused naming file and tensor', async () => {
    const file = join(dir, 'misaligned.gguf');
    // general.alignment says 64, the tensors are laid out at multiples of 32: 't' starts at data byte 32
    writeGguf(file, [['general.architecture', { t: 'str', v: 'llama' }], ['general.alignment', { t: 'u32', v: 64 }]], [
      { name: 'first', shape: [3], type: GGML.F32, bytes: new Uint8Array(12) },
      { name: 't', shape: [32], type: GGML.F32, bytes: new Uint8Array(128) },
    ], 32);
    const f = await GgufTensorFile.open(file);
    try {
      expect(() => f.readRows('t', 0, 1)).toThrow(/misaligned\.gguf: malformed tensor 't': its data offset 32 is not a multiple of general\.alignment 64$/);
    } finally {
      f.close();
    }
  });
});

describe('hand-computed blocks', () => {
  const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);

  it('Q4_0: element j is the low nibble of qs[j], element j+16 its high nibble, both minus 8, times d', () => {
    const b = new Uint8Array(18).fill(0x88);
    b[0] = 0x00; b[1] = 0x38; // d = 0.5
    b[2] = 0x9f; b[3] = 0x30;
    const want = zeros(32);
    want[0] = 3.5; want[16] = 0.5; want[1] = -4; want[17] = -2.5;
    expect(plain(dequantize(GGML.Q4_0, b, 32))).toEqual(want);
  });

  it('Q8_0: signed bytes times d', () => {
    const b = new Uint8Array(34);
    b[0] = 0x00; b[1] = 0x34; // d = 0.25
    b[2] = 0x7f; b[3] = 0x80; b[33] = 0xff;
    const want = zeros(32);
    want[0] = 31.75; want[1] = -32; want[31] = -0.25;
    expect(plain(dequantize(GGML.Q8_0, b, 32))).toEqual(want);
  });

  it('Q4_K: 6-bit scales/mins of sub-blocks 0-3 in bytes 0-7, of 4-7 split over bytes 8-11 and the top bits of 0-7', () => {
    const b = new Uint8Array(144);
    b[0] = 0x00; b[1] = 0x3c; // d = 1
    b[2] = 0x00; b[3] = 0x38; // dmin = 0.5
    const s = 4; // scales[12]
    b[s + 0] = 2; b[s + 4] = 1; // sub-block 0: scale 2, min 1
    b[s + 1] = 0xc0; // top bits: scale of sub-block 5 = 0b11xxxx
    b[s + 5] = 0x40; // top bits: min of sub-block 5 = 0b01xxxx
    b[s + 9] = 0x23; // sub-block 5: scale low nibble 3 (→ 51), min low nibble 2 (→ 18)
    b[16] = 0x05; // element 0 (sub-block 0): code 5; element 32 (sub-block 1, scale 0): code 0
    b[16 + 64] = 0x7a; // element 128 (sub-block 4, scale 0): code 10; element 160 (sub-block 5): code 7
    const want = zeros(256);
    want[0] = 9.5; // 1·2·5 − 0.5·1
    for (let i = 1; i < 32; i++) want[i] = -0.5;
    want[160] = 348; // 1·51·7 − 0.5·18
    for (let i = 161; i < 192; i++) want[i] = -9;
    expect(plain(dequantize(GGML.Q4_K, b, 256))).toEqual(want);
  });

  it('Q6_K: low 4 bits from ql, high 2 bits from qh, signed 8-bit scales, code − 32', () => {
    const b = new Uint8Array(210);
    b[208] = 0x00; b[209] = 0x38; // d = 0.5
    b[192 + 0] = 2; b[192 + 2] = 0xfd; b[192 + 13] = 4; // scales 0, 2, 13: 2, −3, 4
    b[0] = 0x05; b[128] = 0x02; // element 0: code 0b10_0101 = 37 → 5
    b[32] = 0x01; // element 32 (sub-block 2): code 1 → −31
    b[64 + 16] = 0xf0; b[128 + 32 + 16] = 0x30; // element 208 (second half, third quarter, l = 16; sub-block 13): code 63 → 31
    const want = zeros(256);
    want[0] = 5;
    for (let i = 1; i < 16; i++) want[i] = -32; // 0.5·2·(0 − 32)
    want[32] = 46.5; // 0.5·(−3)·(−31)
    for (let i = 33; i < 48; i++) want[i] = 48;
    want[208] = 62;
    for (let i = 209; i < 224; i++) want[i] = -64;
    expect(plain(dequantize(GGML.Q6_K, b, 256))).toEqual(want);
  });
});
