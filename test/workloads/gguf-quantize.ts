// Test-side GGML quantizers, written from the block layouts (ggml-common.h structs) independently of
// src/workloads/weights/gguf-dequant*.ts: each packs the bytes of a format and returns the values
// those bytes stand for, computed from the integer codes and rounded scales it chose (not from the
// bytes), plus a per-element bound on |value − source|. A reader that unpacks a nibble, a high bit or
// a packed scale differently disagrees with `expected`.
import { f16BitsToF32, f32ToBf16Bits, bf16BitsToF32, f32ToF16Bits } from '../../src/workloads/quant/float16.js';

export interface Quantized {
  readonly bytes: Uint8Array;
  /** Values the bytes encode (from the chosen codes and scales). */
  readonly expected: Float32Array;
  /** Per-element bound on |expected − source| (the format's rounding error for this block). */
  readonly bound: Float32Array;
}

/** GGML type ids (ggml_type). */
export const GGML = { F32: 0, F16: 1, Q4_0: 2, Q4_1: 3, Q5_0: 6, Q5_1: 7, Q8_0: 8, Q8_1: 9, Q2_K: 10, Q3_K: 11, Q4_K: 12, Q5_K: 13, Q6_K: 14, Q8_K: 15, IQ2_XXS: 16, BF16: 30 } as const;
export type GgmlName = keyof typeof GGML;

const half = (x: number): { bits: number; v: number } => { const bits = f32ToF16Bits(x); return { bits, v: f16BitsToF32(bits) }; };
const put16 = (b: Uint8Array, p: number, v: number): void => { b[p] = v & 255; b[p + 1] = (v >> 8) & 255; };
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
const EPS = 1e-6;

function blocks(x: Float32Array, size: number, bytes: number, one: (x: Float32Array, b: Uint8Array, e: Float32Array, bound: Float32Array) => void): Quantized {
  const n = x.length / size;
  const out = new Uint8Array(n * bytes), expected = new Float32Array(x.length), bound = new Float32Array(x.length);
  for (let i = 0; i < n; i++) {
    one(x.subarray(i * size, (i + 1) * size), out.subarray(i * bytes, (i + 1) * bytes), expected.subarray(i * size, (i + 1) * size), bound.subarray(i * size, (i + 1) * size));
  }
  return { bytes: out, expected, bound };
}

/** Symmetric 32-blocks (Q4_0: 4 bits, Q5_0: 5 bits, Q8_0: 8 bits; Q8_1: 8 bits with the half sum s = d·Σq after d). */
function symmetric(x: Float32Array, bits: 4 | 5 | 8, withSum = false): Quantized {
  const size = bits === 4 ? 18 : bits === 5 ? 22 : withSum ? 36 : 34;
  const top = 2 ** (bits - 1);
  return blocks(x, 32, size, (v, b, e, bound) => {
    let amax = 0;
    for (const w of v) amax = Math.max(amax, Math.abs(w));
    const d = amax / (top - 1);
    const dh = half(d);
    put16(b, 0, dh.bits);
    const q = Array.from(v, (w) => (d === 0 ? 0 : clamp(Math.round(w / d), -top, top - 1)));
    for (let j = 0; j < 32; j++) { e[j] = q[j]! * dh.v; bound[j] = d / 2 + top * Math.abs(d - dh.v) + EPS; }
    if (bits === 8) {
      const qs = withSum ? 4 : 2;
      if (withSum) put16(b, 2, half(d * q.reduce((a, c) => a + c, 0)).bits);
      for (let j = 0; j < 32; j++) b[qs + j] = q[j]! & 255;
      return;
    }
    const u = q.map((c) => c + top); // stored unsigned; value (u − top)·d
    const qs = bits === 4 ? 2 : 6;
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      b[qs + j] = (u[j]! & 15) | ((u[j + 16]! & 15) << 4);
      if (bits === 5) qh |= ((u[j]! >> 4) << j) | ((u[j + 16]! >> 4) << (j + 16));
    }
    if (bits === 5) for (let k = 0; k < 4; k++) b[2 + k] = (qh >>> (8 * k)) & 255;
  });
}

/** Asymmetric 32-blocks with a min (Q4_1: 4 bits, Q5_1: 5 bits). */
function withMin(x: Float32Array, bits: 4 | 5): Quantized {
  const levels = 2 ** bits - 1;
  return blocks(x, 32, bits === 4 ? 20 : 24, (v, b, e, bound) => {
    const mn = Math.min(...v), mx = Math.max(...v);
    const d = (mx - mn) / levels;
    const dh = half(d), mh = half(mn);
    put16(b, 0, dh.bits); put16(b, 2, mh.bits);
    const q = Array.from(v, (w) => (d === 0 ? 0 : clamp(Math.round((w - mn) / d), 0, levels)));
    for (let j = 0; j < 32; j++) { e[j] = q[j]! * dh.v + mh.v; bound[j] = d / 2 + levels * Math.abs(d - dh.v) + Math.abs(mn - mh.v) + EPS; }
    const qs = bits === 4 ? 4 : 8;
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      b[qs + j] = (q[j]! & 15) | ((q[j + 16]! & 15) << 4);
      qh |= ((q[j]! >> 4) << j) | ((q[j + 16]! >> 4) << (j + 16));
    }
    if (bits === 5) for (let k = 0; k < 4; k++) b[4 + k] = (qh >>> (8 * k)) & 255;
  });
}

import { kQuant } from './gguf-quantize-k.js';

/** Quantizes `x` (a whole number of blocks) to GGML type `t`. */
export function quantize(t: GgmlName, x: Float32Array): Quantized {
  const zero = new Float32Array(x.length);
  switch (t) {
    case 'F32': return { bytes: new Uint8Array(Float32Array.from(x).buffer), expected: Float32Array.from(x), bound: zero };
    case 'F16': case 'BF16': {
      const enc = t === 'F16' ? f32ToF16Bits : f32ToBf16Bits, dec = t === 'F16' ? f16BitsToF32 : bf16BitsToF32;
      const b = new Uint8Array(2 * x.length), e = new Float32Array(x.length), bound = new Float32Array(x.length);
      x.forEach((w, i) => { const h = enc(w); put16(b, 2 * i, h); e[i] = dec(h); bound[i] = Math.abs(w) * (t === 'F16' ? 2 ** -11 : 2 ** -8) + 2 ** -24; });
      return { bytes: b, expected: e, bound };
    }
    case 'Q4_0': return symmetric(x, 4);
    case 'Q5_0': return symmetric(x, 5);
    case 'Q8_0': return symmetric(x, 8);
    case 'Q8_1': return symmetric(x, 8, true);
    case 'Q4_1': return withMin(x, 4);
    case 'Q5_1': return withMin(x, 5);
    default: return kQuant(t, x);
  }
}
