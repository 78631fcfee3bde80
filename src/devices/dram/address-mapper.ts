/**
 * Bit-slice address mapping (Ramulator-style names, most significant field first): a physical
 * address is split into a 64-B block offset and the fields of the declared order. Exact integer
 * arithmetic on addresses up to 2^53 (floor/modulo by powers of two, no 32-bit bit operations).
 */
import { DeviceParamError } from '../param-error.js';

/** Address fields: Ro(w), Ra(nk), Bg (bank group), Ba(nk in group), Co(lumn block), Ch(annel). */
export const ADDRESS_FIELDS = ['Ro', 'Ra', 'Bg', 'Ba', 'Co', 'Ch'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** Named field orders, MSB first. Any other permutation of the six fields may be given as a string. */
export const ADDRESS_MAPPINGS: Readonly<Record<string, readonly AddressField[]>> = {
  RoCoBaBgCh: ['Ro', 'Ra', 'Co', 'Ba', 'Bg', 'Ch'],
  RoBaBgCoCh: ['Ro', 'Ra', 'Ba', 'Bg', 'Co', 'Ch'],
  RoBaCoBgCh: ['Ro', 'Ra', 'Ba', 'Co', 'Bg', 'Ch'],
  RoRaBaBgCoCh: ['Ro', 'Ra', 'Ba', 'Bg', 'Co', 'Ch'],
  RoCoRaBaBgCh: ['Ro', 'Co', 'Ra', 'Ba', 'Bg', 'Ch'],
  ChRaBaBgRoCo: ['Ch', 'Ra', 'Ba', 'Bg', 'Ro', 'Co'],
};

/** Parses 'RoCoBaBgCh'-style names: a named order, or a permutation (Ra may be omitted: placed first). */
export function parseMappingOrder(name: string): readonly AddressField[] {
  const named = ADDRESS_MAPPINGS[name];
  if (named) return named;
  const fields: AddressField[] = [];
  for (let i = 0; i < name.length; i += 2) {
    const f = name.slice(i, i + 2) as AddressField;
    if (!ADDRESS_FIELDS.includes(f) || fields.includes(f)) {
      throw new DeviceParamError('addressMapping', `lpddr5 addressMapping '${name}': expected a permutation of ${ADDRESS_FIELDS.join(', ')} (e.g. 'RoCoBaBgCh'), found '${f}' at position ${i}`);
    }
    fields.push(f);
  }
  if (!fields.includes('Ra')) fields.unshift('Ra');
  for (const f of ADDRESS_FIELDS) if (!fields.includes(f)) throw new DeviceParamError('addressMapping', `lpddr5 addressMapping '${name}': field '${f}' is missing`);
  return fields;
}

export interface MapperGeometry {
  readonly channels: number;
  readonly ranks: number;
  readonly bankGroups: number;
  readonly banksPerGroup: number;
  readonly rows: number;
  /** 64-B column blocks per row. */
  readonly blocksPerRow: number;
}

/** The lpddr5 parameter that sets each field's count (bank groups, banks and columns follow bankMode). */
const PARAM_OF_FIELD: Record<AddressField, string> = { Ch: 'channels', Ra: 'ranks', Ro: 'density', Bg: 'bankMode', Ba: 'bankMode', Co: 'bankMode' };

/** Decoded coordinates of one 64-B block (reused output fields: no allocation per call). */
export class AddressMapper {
  readonly order: readonly AddressField[];
  readonly blockBytes = 64;
  ch = 0;
  ra = 0;
  bg = 0;
  ba = 0;
  ro = 0;
  co = 0;
  /** Divisor (2^bits below the field) and size per field, in order LSB → MSB. */
  private readonly div: Float64Array;
  private readonly size: Float64Array;
  private readonly which: Int8Array;
  /** Fast path (whole block index fits 31 bits): shift and mask of each field, in ADDRESS_FIELDS order. */
  private readonly fast: boolean;
  private readonly sh: Int32Array;
  private readonly mk: Int32Array;

  constructor(order: readonly AddressField[], g: MapperGeometry) {
    this.order = order;
    const sizes: Record<AddressField, number> = { Ch: g.channels, Ra: g.ranks, Bg: g.bankGroups, Ba: g.banksPerGroup, Ro: g.rows, Co: g.blocksPerRow };
    for (const [f, n] of Object.entries(sizes)) {
      if (!Number.isInteger(Math.log2(n))) throw new DeviceParamError(PARAM_OF_FIELD[f as AddressField], `lpddr5 address mapping: ${f} count ${n} is not a power of two`);
    }
    const lsbFirst = [...order].reverse();
    this.div = new Float64Array(lsbFirst.length);
    this.size = new Float64Array(lsbFirst.length);
    this.which = new Int8Array(lsbFirst.length);
    let d = this.blockBytes;
    lsbFirst.forEach((f, i) => {
      this.div[i] = d;
      this.size[i] = sizes[f];
      this.which[i] = ADDRESS_FIELDS.indexOf(f);
      d *= sizes[f];
    });
    this.sh = new Int32Array(ADDRESS_FIELDS.length);
    this.mk = new Int32Array(ADDRESS_FIELDS.length);
    let bits = 0;
    for (const f of lsbFirst) {
      const i = ADDRESS_FIELDS.indexOf(f);
      this.sh[i] = bits;
      this.mk[i] = sizes[f] - 1;
      bits += Math.log2(sizes[f]);
    }
    this.fast = bits <= 31;
  }

  /** Decodes `addr` (byte address) into the public fields. */
  map(addr: number): void {
    // Every field size is a power of two, so floor(addr / div) % size is a bit field of the block index.
    const blk = Math.floor(addr / this.blockBytes);
    if (this.fast && blk < 2 ** 31) {
      const sh = this.sh, mk = this.mk;
      this.ro = (blk >>> sh[0]!) & mk[0]!;
      this.ra = (blk >>> sh[1]!) & mk[1]!;
      this.bg = (blk >>> sh[2]!) & mk[2]!;
      this.ba = (blk >>> sh[3]!) & mk[3]!;
      this.co = (blk >>> sh[4]!) & mk[4]!;
      this.ch = (blk >>> sh[5]!) & mk[5]!;
      return;
    }
    const n = this.div.length;
    for (let i = 0; i < n; i++) {
      const v = Math.floor(addr / this.div[i]!) % this.size[i]!;
      switch (this.which[i]) {
        case 0: this.ro = v; break;
        case 1: this.ra = v; break;
        case 2: this.bg = v; break;
        case 3: this.ba = v; break;
        case 4: this.co = v; break;
        default: this.ch = v;
      }
    }
  }
}
