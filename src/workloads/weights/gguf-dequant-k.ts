/**
 * Dequantization of ggml's K-quant super-blocks (256 elements; ggml-common.h block_q2_K..block_q8_K),
 * exact: half super-block scales d/dmin, per-sub-block scales (and mins) packed in 4, 6 or 8 bits.
 * Each decoder writes `blocks` super-blocks of `src` (from byte 0) into `out` from index `at`.
 */
import { f16BitsToF32 } from '../quant/float16.js';

/** IEEE half bits → float32, via a table built on first use (every one of the 65536 patterns). */
let HALF: Float32Array | undefined;
export function halfTable(): Float32Array {
  if (HALF === undefined) {
    HALF = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) HALF[h] = f16BitsToF32(h);
  }
  return HALF;
}

const half = (h: Float32Array, s: Uint8Array, p: number): number => h[s[p]! | (s[p + 1]! << 8)]!;

/**
 * The 6-bit scale of sub-block j (0..7) of Q4_K/Q5_K from the 12 packed bytes at `p`:
 * j < 4: scale = low 6 bits of byte j, min = low 6 bits of byte j+4; j ≥ 4: low 4 bits from
 * byte j+4 (scale: its low nibble, min: its high nibble), high 2 bits from the top bits of byte j−4
 * (scale) or byte j (min).
 */
export function scaleK4(s: Uint8Array, p: number, j: number): number {
  return j < 4 ? s[p + j]! & 63 : (s[p + j + 4]! & 15) | ((s[p + j - 4]! >> 6) << 4);
}
/** The 6-bit min of sub-block j of Q4_K/Q5_K (see scaleK4). */
export function minK4(s: Uint8Array, p: number, j: number): number {
  return j < 4 ? s[p + j + 4]! & 63 : (s[p + j + 4]! >> 4) | ((s[p + j]! >> 6) << 4);
}

/** Q4_K {half d; half dmin; u8 scales[12]; u8 qs[128]}: 8 sub-blocks of 32; 64 elements per 32 qs bytes (low nibbles, then high). */
export function dequantQ4K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 144, o += 256) {
    const d = half(h, src, p), dmin = half(h, src, p + 2);
    for (let g = 0; g < 4; g++) {
      const s1 = scaleK4(src, p + 4, 2 * g), m1 = minK4(src, p + 4, 2 * g);
      const s2 = scaleK4(src, p + 4, 2 * g + 1), m2 = minK4(src, p + 4, 2 * g + 1);
      const q = p + 16 + 32 * g, y = o + 64 * g;
      for (let l = 0; l < 32; l++) {
        out[y + l] = d * s1 * (src[q + l]! & 15) - dmin * m1;
        out[y + 32 + l] = d * s2 * (src[q + l]! >> 4) - dmin * m2;
      }
    }
  }
}

/** Q5_K {half d; half dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]}: Q4_K plus a 5th bit: bit 2g (low nibbles) and 2g+1 (high) of qh[l]. */
export function dequantQ5K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 176, o += 256) {
    const d = half(h, src, p), dmin = half(h, src, p + 2);
    for (let g = 0; g < 4; g++) {
      const s1 = scaleK4(src, p + 4, 2 * g), m1 = minK4(src, p + 4, 2 * g);
      const s2 = scaleK4(src, p + 4, 2 * g + 1), m2 = minK4(src, p + 4, 2 * g + 1);
      const q = p + 48 + 32 * g, y = o + 64 * g;
      for (let l = 0; l < 32; l++) {
        const hb = src[p + 16 + l]!;
        out[y + l] = d * s1 * ((src[q + l]! & 15) | (((hb >> (2 * g)) & 1) << 4)) - dmin * m1;
        out[y + 32 + l] = d * s2 * ((src[q + l]! >> 4) | (((hb >> (2 * g + 1)) & 1) << 4)) - dmin * m2;
      }
    }
  }
}

/**
 * Q6_K {u8 ql[128]; u8 qh[64]; i8 scales[16]; half d}: two halves of 128; in half n, for l < 32,
 * elements l, l+32, l+64, l+96 take low nibble of ql[l], low of ql[l+32], high of ql[l], high of
 * ql[l+32], with 2 high bits from qh[l] bits 0-1, 2-3, 4-5, 6-7; value d·scale·(q − 32), scale
 * index 8n + l/16 + 0, 2, 4, 6.
 */
export function dequantQ6K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 210, o += 256) {
    const d = half(h, src, p + 208);
    for (let n = 0; n < 2; n++) {
      const ql = p + 64 * n, qh = p + 128 + 32 * n, sc = p + 192 + 8 * n, y = o + 128 * n;
      for (let l = 0; l < 32; l++) {
        const is = l >> 4;
        const a = src[ql + l]!, c = src[ql + l + 32]!, hb = src[qh + l]!;
        const s0 = (src[sc + is]! << 24) >> 24, s2 = (src[sc + is + 2]! << 24) >> 24;
        const s4 = (src[sc + is + 4]! << 24) >> 24, s6 = (src[sc + is + 6]! << 24) >> 24;
        out[y + l] = d * s0 * (((a & 15) | ((hb & 3) << 4)) - 32);
        out[y + l + 32] = d * s2 * (((c & 15) | (((hb >> 2) & 3) << 4)) - 32);
        out[y + l + 64] = d * s4 * (((a >> 4) | (((hb >> 4) & 3) << 4)) - 32);
        out[y + l + 96] = d * s6 * (((c >> 4) | (((hb >> 6) & 3) << 4)) - 32);
      }
    }
  }
}

/** Q8_K {f32 d; i8 qs[256]; i16 bsums[16]}: value d·q (bsums, the group sums, are not needed). */
export function dequantQ8K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 292, o += 256) {
    const d = dv.getFloat32(p, true);
    for (let j = 0; j < 256; j++) out[o + j] = d * ((src[p + 4 + j]! << 24) >> 24);
  }
}

/**
 * Q2_K {u8 scales[16]; u8 qs[64]; half d; half dmin}: 16 sub-blocks of 16; scales byte = 4-bit scale
 * (low) | 4-bit min (high); per 128-element half, 2-bit codes at shifts 0, 2, 4, 6 of qs[32n + l].
 */
export function dequantQ2K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 84, o += 256) {
    const d = half(h, src, p + 80), dmin = half(h, src, p + 82);
    let is = 0, y = o;
    for (let n = 0; n < 2; n++) {
      const q = p + 16 + 32 * n;
      for (let shift = 0; shift < 8; shift += 2) {
        for (let off = 0; off < 32; off += 16) {
          const sc = src[p + is++]!;
          const dl = d * (sc & 15), ml = dmin * (sc >> 4);
          for (let l = 0; l < 16; l++) out[y++] = dl * ((src[q + off + l]! >> shift) & 3) - ml;
        }
      }
    }
  }
}

/** The 6-bit scale i (0..15) of Q3_K from its 12 packed bytes at `p`, minus 32: low 4 bits from byte i or the high nibble of byte i−8, high 2 bits from byte 8 + i%4 at bit 2·⌊i/4⌋. */
export function scaleQ3K(s: Uint8Array, p: number, i: number): number {
  const lo = i < 8 ? s[p + i]! & 15 : s[p + i - 8]! >> 4;
  const hi = (s[p + 8 + (i & 3)]! >> (2 * (i >> 2))) & 3;
  return (lo | (hi << 4)) - 32;
}

/**
 * Q3_K {u8 hmask[32]; u8 qs[64]; u8 scales[12]; half d}: 16 sub-blocks of 16; 2-bit codes as Q2_K,
 * the 3rd bit from hmask[l] bit k for the k-th 32-element group: set → q, clear → q − 4; value d·scale·q.
 */
export function dequantQ3K(src: Uint8Array, blocks: number, out: Float32Array, at: number): void {
  const h = halfTable();
  for (let b = 0, p = 0, o = at; b < blocks; b++, p += 110, o += 256) {
    const d = half(h, src, p + 108);
    let is = 0, y = o, bit = 0;
    for (let n = 0; n < 2; n++) {
      const q = p + 32 + 32 * n;
      for (let shift = 0; shift < 8; shift += 2, bit++) {
        for (let off = 0; off < 32; off += 16) {
          const dl = d * scaleQ3K(src, p + 96, is++);
          for (let l = 0; l < 16; l++) {
            const code = (src[q + off + l]! >> shift) & 3;
            out[y++] = dl * (code - ((src[p + off + l]! >> bit) & 1 ? 0 : 4));
          }
        }
      }
    }
  }
}
