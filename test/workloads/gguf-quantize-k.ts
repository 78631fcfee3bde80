// Test-side K-quant quantizers (256-element super-blocks), written from ggml-common.h's block structs
// and the documented packing (6-bit scales/mins of Q4_K/Q5_K, 6-bit signed scales of Q3_K, 4-bit
// scale|min bytes of Q2_K, 8-bit scales of Q6_K), independently of src/workloads/weights/gguf-dequant-k.ts.
import { f16BitsToF32, f32ToF16Bits } from '../../src/workloads/quant/float16.js';
import type { GgmlName, Quantized } from './gguf-quantize.js';

const half = (x: number): { bits: number; v: number } => { const bits = f32ToF16Bits(x); return { bits, v: f16BitsToF32(bits) }; };
const put16 = (b: Uint8Array, p: number, v: number): void => { b[p] = v & 255; b[p + 1] = (v >> 8) & 255; };
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
const EPS = 1e-6;

const SIZE: Record<string, number> = { Q2_K: 84, Q3_K: 110, Q4_K: 144, Q5_K: 176, Q6_K: 210, Q8_K: 292 };

/** One super-block's quantization: sub-blocks of `sub` elements, each with a step and an offset (value = step·q − off). */
interface Sub { step: number; off: number; q: number[] }

/** Affine sub-blocks: codes 0..levels, scale and min stored as `sbits`-bit multiples of half super-scales d, dmin. */
function affine(v: Float32Array, sub: number, levels: number, sbits: number, e: Float32Array, bound: Float32Array): { d: number; dmin: number; sc: number[]; mn: number[]; q: number[] } {
  const smax = 2 ** sbits - 1;
  const n = 256 / sub;
  const scale: number[] = [], min: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = v.subarray(i * sub, (i + 1) * sub);
    const lo = Math.min(0, ...s), hi = Math.max(...s);
    scale.push((hi - lo) / levels);
    min.push(-lo);
  }
  const dh = half(Math.max(...scale) / smax), mh = half(Math.max(...min) / smax);
  const sc = scale.map((s) => (dh.v === 0 ? 0 : clamp(Math.round(s / dh.v), 0, smax)));
  const mn = min.map((m) => (mh.v === 0 ? 0 : clamp(Math.round(m / mh.v), 0, smax)));
  const q: number[] = [];
  for (let i = 0; i < n; i++) {
    const step = dh.v * sc[i]!, off = mh.v * mn[i]!;
    for (let j = 0; j < sub; j++) {
      const x = v[i * sub + j]!;
      const c = step === 0 ? 0 : clamp(Math.round((x + off) / step), 0, levels);
      q.push(c);
      e[i * sub + j] = step * c - off;
      bound[i * sub + j] = step / 2 + Math.abs(off - min[i]!) + levels * Math.abs(step - scale[i]!) + EPS;
    }
  }
  return { d: dh.bits, dmin: mh.bits, sc, mn, q };
}

/** Symmetric sub-blocks: codes lo..hi, scales stored as signed multiples (|·| ≤ smax) of a super-scale d. */
function symmetric(v: Float32Array, sub: number, lo: number, hi: number, smax: number, e: Float32Array, bound: Float32Array): { d: number; sc: number[]; q: number[] } {
  const n = 256 / sub;
  const scale: number[] = [];
  for (let i = 0; i < n; i++) scale.push(Math.max(...Array.from(v.subarray(i * sub, (i + 1) * sub), Math.abs)) / hi);
  const dh = half(Math.max(...scale) / smax);
  // negative scales are allowed by the formats: use one for odd sub-blocks to exercise the sign
  const sc = scale.map((s, i) => (dh.v === 0 ? 0 : clamp(Math.round(s / dh.v), 0, smax) * (i % 2 === 1 ? -1 : 1)));
  const q: number[] = [];
  for (let i = 0; i < n; i++) {
    const step = dh.v * sc[i]!;
    for (let j = 0; j < sub; j++) {
      const x = v[i * sub + j]!;
      const c = step === 0 ? 0 : clamp(Math.round(x / step), lo, hi);
      q.push(c);
      e[i * sub + j] = step * c;
      bound[i * sub + j] = Math.abs(step) / 2 + hi * Math.abs(Math.abs(step) - scale[i]!) + EPS;
    }
  }
  return { d: dh.bits, sc, q };
}

/** Packs 6-bit scales and mins of 8 sub-blocks into Q4_K/Q5_K's 12 bytes. */
function pack6(b: Uint8Array, p: number, sc: number[], mn: number[]): void {
  for (let j = 0; j < 4; j++) {
    b[p + j] = sc[j]! | ((sc[j + 4]! >> 4) << 6);
    b[p + j + 4] = mn[j]! | ((mn[j + 4]! >> 4) << 6);
    b[p + j + 8] = (sc[j + 4]! & 15) | ((mn[j + 4]! & 15) << 4);
  }
}

function superBlock(t: GgmlName, v: Float32Array, b: Uint8Array, e: Float32Array, bound: Float32Array): void {
  if (t === 'Q4_K' || t === 'Q5_K') {
    const bits = t === 'Q4_K' ? 4 : 5;
    const r = affine(v, 32, 2 ** bits - 1, 6, e, bound);
    put16(b, 0, r.d); put16(b, 2, r.dmin); pack6(b, 4, r.sc, r.mn);
    const qs = bits === 4 ? 16 : 48;
    for (let g = 0; g < 4; g++) {
      for (let l = 0; l < 32; l++) {
        const a = r.q[64 * g + l]!, c = r.q[64 * g + 32 + l]!;
        b[qs + 32 * g + l] = (a & 15) | ((c & 15) << 4);
        if (bits === 5) b[16 + l]! |= ((a >> 4) << (2 * g)) | ((c >> 4) << (2 * g + 1));
      }
    }
  } else if (t === 'Q2_K') {
    const r = affine(v, 16, 3, 4, e, bound);
    for (let i = 0; i < 16; i++) b[i] = r.sc[i]! | (r.mn[i]! << 4);
    for (let el = 0; el < 256; el++) {
      const n = el >> 7, k = el & 127;
      b[16 + 32 * n + (k & 31)]! |= r.q[el]! << (2 * (k >> 5));
    }
    put16(b, 80, r.d); put16(b, 82, r.dmin);
  } else if (t === 'Q6_K') {
    const r = symmetric(v, 16, -32, 31, 127, e, bound);
    for (let el = 0; el < 256; el++) {
      const u = r.q[el]! + 32, n = el >> 7, k = el & 127, tq = k >> 5, l = k & 31;
      const ql = 64 * n + l + (tq & 1 ? 32 : 0);
      b[ql]! |= (u & 15) << (tq >= 2 ? 4 : 0);
      b[128 + 32 * n + l]! |= (u >> 4) << (2 * tq);
    }
    for (let i = 0; i < 16; i++) b[192 + i] = r.sc[i]! & 255;
    put16(b, 208, r.d);
  } else if (t === 'Q3_K') {
    const r = symmetric(v, 16, -4, 3, 31, e, bound);
    for (let el = 0; el < 256; el++) {
      const u = r.q[el]! + 4, n = el >> 7, k = el & 127, tq = k >> 5, l = k & 31;
      b[32 + 32 * n + l]! |= (u & 3) << (2 * tq);
      b[l]! |= (u >> 2) << (4 * n + tq);
    }
    for (let i = 0; i < 16; i++) {
      const u = r.sc[i]! + 32;
      b[96 + (i & 7)]! |= (u & 15) << (i < 8 ? 0 : 4);
      b[96 + 8 + (i & 3)]! |= (u >> 4) << (2 * (i >> 2));
    }
    put16(b, 108, r.d);
  } else if (t === 'Q8_K') {
    let amax = 0;
    for (const w of v) amax = Math.max(amax, Math.abs(w));
    const d = Math.fround(amax / 127);
    new DataView(b.buffer, b.byteOffset).setFloat32(0, d, true);
    for (let j = 0; j < 256; j++) {
      const q = d === 0 ? 0 : clamp(Math.round(v[j]! / d), -128, 127);
      b[4 + j] = q & 255;
      e[j] = d * q;
      bound[j] = d / 2 + EPS;
      const s = 260 + 2 * (j >> 4);
      put16(b, s, ((b[s]! | (b[s + 1]! << 8)) + q) & 0xffff); // bsums: int16 group sums
    }
  } else {
    throw new Error(`no test quantizer for ${t}`);
  }
}

/** Quantizes `x` (a whole number of 256-element super-blocks) to K-quant type `t`. */
export function kQuant(t: GgmlName, x: Float32Array): Quantized {
  const size = SIZE[t];
  if (size === undefined) throw new Error(`no test quantizer for ${t}`);
  const n = x.length / 256;
  const bytes = new Uint8Array(n * size), expected = new Float32Array(x.length), bound = new Float32Array(x.length);
  for (let i = 0; i < n; i++) {
    const r = [i * 256, (i + 1) * 256] as const;
    superBlock(t, x.subarray(...r), bytes.subarray(i * size, (i + 1) * size), expected.subarray(...r), bound.subarray(...r));
  }
  return { bytes, expected, bound };
}
