/**
 * IEEE binary16 and bfloat16 conversions with round-to-nearest-even (exact bit-level emulation of
 * a cast from float32). Used by the FP16/BF16 quantizers and the safetensors reader/writer.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 → bfloat16 bits (round to nearest even; NaN stays NaN). */
export function f32ToBf16Bits(x: number): number {
  f32[0] = x;
  const u = u32[0]!;
  if ((u & 0x7f800000) === 0x7f800000 && (u & 0x7fffff) !== 0) return ((u >>> 16) | 0x40) & 0xffff;
  return ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) & 0xffff;
}

/** bfloat16 bits → float32 value. */
export function bf16BitsToF32(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

/** float32 → IEEE half bits (round to nearest even, overflow → ±Inf, subnormals kept). */
export function f32ToF16Bits(x: number): number {
  f32[0] = x;
  const u = u32[0]!;
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  let mant = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rem = mant & ((1 << shift) - 1);
    let r = mant >>> shift;
    if (rem > half || (rem === half && (r & 1) === 1)) r++;
    return sign | r;
  }
  const rem = mant & 0x1fff;
  let r = (e << 10) | (mant >>> 13);
  if (rem > 0x1000 || (rem === 0x1000 && (r & 1) === 1)) r++;
  return sign | r;
}

/** IEEE half bits → float32 value. */
export function f16BitsToF32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Round every value through a 16-bit float format and back (the FP16/BF16 "quantizer"). */
export function roundTrip16(w: Float32Array, format: 'fp16' | 'bf16'): { bits: Uint16Array; values: Float32Array } {
  const bits = new Uint16Array(w.length);
  const values = new Float32Array(w.length);
  const enc = format === 'fp16' ? f32ToF16Bits : f32ToBf16Bits;
  const dec = format === 'fp16' ? f16BitsToF32 : bf16BitsToF32;
  for (let i = 0; i < w.length; i++) {
    const b = enc(w[i]!);
    bits[i] = b;
    values[i] = dec(b);
  }
  return { bits, values };
}
