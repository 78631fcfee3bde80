/**
 * Dequantization of GGML tensor data to float32, exact (bit-level) for the block layouts of ggml's
 * block structs (ggml-common.h): floats F32/F16/BF16, the 32-element legacy blocks Q4_0, Q4_1, Q5_0,
 * Q5_1, Q8_0, Q8_1, and (gguf-dequant-k.ts) the 256-element K-quants Q2_K..Q8_K. Little-endian data.
 */
import { GGMLQuantizationType as T } from '@huggingface/gguf';
import { bf16BitsToF32 } from '../quant/float16.js';
import { dequantQ2K, dequantQ3K, dequantQ4K, dequantQ5K, dequantQ6K, dequantQ8K, halfTable } from './gguf-dequant-k.js';

/** Decodes `blocks` blocks of `src` (starting at byte 0) into `out` from index `at`. */
type Dequant = (src: Uint8Array, blocks: number, out: Float32Array, at: number) => void;

/** Q4_0 {half d; u8 qs[16]}: element j = (low nibble of qs[j] − 8)·d, element j+16 = (high nibble − 8)·d. */
function q4_0(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 18, o += 32) {
    const d = h[src[p]! | (src[p + 1]! << 8)]!;
    for (let j = 0; j < 16; j++) {
      const q = src[p + 2 + j]!;
      out[o + j] = ((q & 15) - 8) * d;
      out[o + j + 16] = ((q >> 4) - 8) * d;
    }
  }
}

/** Q4_1 {half d; half m; u8 qs[16]}: nibbles as Q4_0, value = q·d + m. */
function q4_1(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 20, o += 32) {
    const d = h[src[p]! | (src[p + 1]! << 8)]!;
    const m = h[src[p + 2]! | (src[p + 3]! << 8)]!;
    for (let j = 0; j < 16; j++) {
      const q = src[p + 4 + j]!;
      out[o + j] = (q & 15) * d + m;
      out[o + j + 16] = (q >> 4) * d + m;
    }
  }
}

/**
 * Q5_0 {half d; u8 qh[4]; u8 qs[16]} and Q5_1 {half d; half m; u8 qh[4]; u8 qs[16]}: a 5th bit per
 * element from the 32-bit little-endian qh (bit j for element j); Q5_0 value (q − 16)·d, Q5_1 q·d + m.
 */
function q5(withMin: boolean): Dequant {
  const size = withMin ? 24 : 22;
  return (src, blocks, out, at) => {
    const h = halfTable();
    for (let b = 0, p = 0, o = at; b < blocks; b++, p += size, o += 32) {
      const d = h[src[p]! | (src[p + 1]! << 8)]!;
      const m = withMin ? h[src[p + 2]! | (src[p + 3]! << 8)]! : 0;
      const hp = p + (withMin ? 4 : 2);
      const qh = (src[hp]! | (src[hp + 1]! << 8) | (src[hp + 2]! << 16) | (src[hp + 3]! << 24)) >>> 0;
      const off = withMin ? 0 : 16;
      for (let j = 0; j < 16; j++) {
        const q = src[hp + 4 + j]!;
        const lo = (q & 15) | (((qh >>> j) & 1) << 4);
        const hi = (q >> 4) | (((qh >>> (j + 16)) & 1) << 4);
        out[o + j] = (lo - off) * d + m;
        out[o + j + 16] = (hi - off) * d + m;
      }
    }
  };
}

/** Q8_0 {half d; i8 qs[32]} and Q8_1 {half d; half s; i8 qs[32]} (s, the sum, is not needed): value q·d. */
function q8(headBytes: number): Dequant {
  const size = headBytes + 32;
  return (src, blocks, out, at) => {
    const h = halfTable();
    for (let b = 0, p = 0, o = at; b < blocks; b++, p += size, o += 32) {
      const d = h[src[p]! | (src[p + 1]! << 8)]!;
      for (let j = 0; j < 32; j++) out[o + j] = ((src[p + headBytes + j]! << 24) >> 24) * d;
    }
  };
}

function f32(src: Uint8Array, n: number, out: Float32Array, at: number): void {
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  for (let i = 0; i < n; i++) out[at + i] = dv.getFloat32(i * 4, true);
}
function f16(src: Uint8Array, n: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let i = 0; i < n; i++) out[at + i] = h[src[2 * i]! | (src[2 * i + 1]! << 8)]!;
}
function bf16(src: Uint8Array, n: number, out: Float32Array, at: number): void {
  for (let i = 0; i < n; i++) out[at + i] = bf16BitsToF32(src[2 * i]! | (src[2 * i + 1]! << 8));
}

/** A readable GGML type: elements and bytes per block, and its decoder (`blocks` blocks at a time). */
export interface GgmlFormat {
  readonly blockElems: number;
  readonly blockBytes: number;
  readonly decode: Dequant;
}

/** The GGML types this reader dequantizes, by type id. */
export const GGML_FORMATS: Readonly<Partial<Record<number, GgmlFormat>>> = {
  [T.F32]: { blockElems: 1, blockBytes: 4, decode: f32 },
  [T.F16]: { blockElems: 1, blockBytes: 2, decode: f16 },
  [T.BF16]: { blockElems: 1, blockBytes: 2, decode: bf16 },
  [T.Q4_0]: { blockElems: 32, blockBytes: 18, decode: q4_0 },
  [T.Q4_1]: { blockElems: 32, blockBytes: 20, decode: q4_1 },
  [T.Q5_0]: { blockElems: 32, blockBytes: 22, decode: q5(false) },
  [T.Q5_1]: { blockElems: 32, blockBytes: 24, decode: q5(true) },
  [T.Q8_0]: { blockElems: 32, blockBytes: 34, decode: q8(2) },
  [T.Q8_1]: { blockElems: 32, blockBytes: 36, decode: q8(4) },
  [T.Q2_K]: { blockElems: 256, blockBytes: 84, decode: dequantQ2K },
  [T.Q3_K]: { blockElems: 256, blockBytes: 110, decode: dequantQ3K },
  [T.Q4_K]: { blockElems: 256, blockBytes: 144, decode: dequantQ4K },
  [T.Q5_K]: { blockElems: 256, blockBytes: 176, decode: dequantQ5K },
  [T.Q6_K]: { blockElems: 256, blockBytes: 210, decode: dequantQ6K },
  [T.Q8_K]: { blockElems: 256, blockBytes: 292, decode: dequantQ8K },
};

/** Names of the readable types, for messages ('F32, F16, ...'). */
export function readableTypeNames(): string {
  return Object.keys(GGML_FORMATS).map((k) => T[Number(k)]).join(', ');
}

/**
 * Dequantizes `n` elements (a whole number of blocks) of GGML type `type` from `src` into a new
 * Float32Array. Throws a plain Error for an unknown type; callers check GGML_FORMATS first.
 */
export function dequantize(type: number, src: Uint8Array, n: number): Float32Array {
  const f = GGML_FORMATS[type];
  if (f === undefined) throw new Error(`dequantize: GGML type ${T[type] ?? type} is not readable`);
  const blocks = n / f.blockElems;
  if (!Number.isInteger(blocks) || src.length < blocks * f.blockBytes) throw new Error(`dequantize: ${src.length} bytes do not hold ${n} ${T[type]} elements`);
  const out = new Float32Array(n);
  f.decode(src, blocks, out, 0);
  return out;
}
