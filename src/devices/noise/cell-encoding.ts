/**
 * How stored values map onto multi-level cells (NVMExplorer rep_conf made explicit): binary or Gray
 * level coding; values wider/narrower than a cell split over cells in groups (QMC's 3-bit values in
 * 2-bit cells: two values in three cells, qmc-paper.md §2). Exact bit bookkeeping, so an error in a
 * high-order cell becomes the corresponding larger value error.
 */

export type LevelCoding = 'binary' | 'gray';
/**
 * 'aligned': each value's high bits fill whole cells of its own; the leftover low bits of all values
 * in a group share cells (3-bit in 2-bit cells: [a2 a1] [b2 b1] [a0 b0]).
 * 'packed': values laid end to end as one bit stream (3-bit in 2-bit cells: [a2 a1] [a0 b2] [b1 b0]).
 */
export type CellLayout = 'aligned' | 'packed';
/**
 * How a code becomes its stored bit pattern. 'offset-binary' (code + 2^(b−1)) keeps pattern order =
 * code order for signed codes, so adjacent levels hold adjacent codes; 'twos-complement' does not.
 */
export type ValueCoding = 'unsigned' | 'twos-complement' | 'offset-binary';

export interface CellEncoding {
  readonly bitsPerCell: number;
  readonly levelCoding: LevelCoding;
  readonly layout: CellLayout;
}

/**
 * Default: aligned layout, binary level coding (level i holds pattern i, so with one value per cell
 * and offset-binary/unsigned codes a ±1-level error is a ±1 code step, QMC's ±Δ model).
 */
export function cellEncoding(bitsPerCell: number, levelCoding: LevelCoding = 'binary',
  layout: CellLayout = 'aligned'): CellEncoding {
  return { bitsPerCell, levelCoding, layout };
}

/** Bit pattern stored for cell level `level` (Gray: adjacent levels differ in one bit). */
export function levelToPattern(level: number, coding: LevelCoding): number {
  return coding === 'gray' ? level ^ (level >> 1) : level;
}

/** Cell level holding bit pattern `pattern`. */
export function patternToLevel(pattern: number, coding: LevelCoding): number {
  if (coding === 'binary') return pattern;
  let l = pattern;
  for (let s = pattern >> 1; s !== 0; s >>= 1) l ^= s;
  return l;
}

/** Number of set bits. */
export function popcount(x: number): number {
  let v = x >>> 0;
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Bit-exact map between a group of values and a group of cells. */
export interface ValueLayout {
  readonly bitsPerValue: number;
  readonly bitsPerCell: number;
  readonly valuesPerGroup: number;
  readonly cellsPerGroup: number;
  /** Cells per value (e.g. 1.5 for 3-bit values in 2-bit cells). */
  readonly cellsPerValue: number;
  /** Slot q = cell·bitsPerCell + i (i = 0 is the cell pattern's MSB): value index within the group. */
  readonly slotValue: Int32Array;
  /** Slot q: bit index within that value (bitsPerValue − 1 = MSB). */
  readonly slotBit: Int32Array;
}

/** Build the value↔cell layout for `bitsPerValue`-bit values in `enc.bitsPerCell`-bit cells. */
export function valueLayout(bitsPerValue: number, enc: CellEncoding): ValueLayout {
  const bv = bitsPerValue;
  const bc = enc.bitsPerCell;
  if (!Number.isInteger(bv) || bv < 1 || bv > 24) {
    throw new RangeError(`bitsPerValue: expected an integer in 1..24, found ${bv}`);
  }
  if (!Number.isInteger(bc) || bc < 1 || bc > 8) {
    throw new RangeError(`bitsPerCell: expected an integer in 1..8, found ${bc}`);
  }
  const lcm = (bv * bc) / gcd(bv, bc);
  const g = lcm / bv;
  const cells = lcm / bc;
  const slotValue = new Int32Array(lcm);
  const slotBit = new Int32Array(lcm);
  for (let k = 0; k < g; k++) {
    for (let pos = 0; pos < bv; pos++) {
      // pos 0 = the value's MSB
      let q: number;
      if (enc.layout === 'packed') {
        q = k * bv + pos;
      } else {
        const nFull = Math.floor(bv / bc);
        const r = bv - nFull * bc;
        q = pos < nFull * bc ? (k * nFull) * bc + pos : g * nFull * bc + k * r + (pos - nFull * bc);
      }
      slotValue[q] = k;
      slotBit[q] = bv - 1 - pos;
    }
  }
  return { bitsPerValue: bv, bitsPerCell: bc, valuesPerGroup: g, cellsPerGroup: cells,
    cellsPerValue: bv / bc, slotValue, slotBit };
}

/** Cell pattern of cell `c` of the group whose value patterns start at `patterns[base]`. */
export function cellPattern(lay: ValueLayout, patterns: ArrayLike<number>, base: number, c: number): number {
  const bc = lay.bitsPerCell;
  let pat = 0;
  for (let i = 0; i < bc; i++) {
    const q = c * bc + i;
    const v = patterns[base + (lay.slotValue[q] ?? 0)] ?? 0;
    pat = (pat << 1) | ((v >>> (lay.slotBit[q] ?? 0)) & 1);
  }
  return pat;
}

/** Range of codes representable with `bits` bits under `coding`. */
export function codeRange(bits: number, coding: ValueCoding): { min: number; max: number } {
  return coding === 'unsigned' ? { min: 0, max: 2 ** bits - 1 } : { min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 };
}

/** Stored bit pattern of code `v` (assumed in range). */
export function codeToPattern(v: number, bits: number, coding: ValueCoding): number {
  if (coding === 'offset-binary') return v + 2 ** (bits - 1);
  if (coding === 'twos-complement') return v < 0 ? v + 2 ** bits : v;
  return v;
}

/** Code stored as bit pattern `u`. */
export function patternToCode(u: number, bits: number, coding: ValueCoding): number {
  if (coding === 'offset-binary') return u - 2 ** (bits - 1);
  if (coding === 'twos-complement') return u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
  return u;
}

/** Signed value weight of bit `b` in a `bits`-bit pattern (the sign bit is negative in two's complement). */
export function bitWeight(b: number, bits: number, coding: ValueCoding): number {
  return coding === 'twos-complement' && b === bits - 1 ? -(2 ** b) : 2 ** b;
}
