/**
 * Hand-written byte parsers for the two text trace formats (docs/trace-format.md):
 *   qmcsim text:  `<time_ps> <R|W> <hexaddr> <size_bytes> [tag]`, '#' comments, blank lines;
 *   Ramulator 2:  `LD <addr>` / `ST <addr>` (its `LoadStoreTrace` frontend's format; addresses hex with 0x or decimal),
 *                 untimed, each access the device granule holding the address.
 * Parsing works on the Buffer directly (no readline, no strings per line).
 */
import type { ByteSource } from './byte-source.js';
import { capacityText, showBytes, TraceParseError, type TraceCursor } from './trace-cursor.js';

const SP = 32, TAB = 9, CR = 13, HASH = 35, X = 120, XU = 88;
/** Largest size (u32) and tag (u16) a record may carry, as the binary format's fields. */
const MAX_SIZE = 0xffffffff, MAX_TAG = 0xffff;

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

abstract class TextCursor implements TraceCursor {
  timePs = 0;
  isWrite = false;
  addr = 0;
  sizeBytes = 0;
  tag = 0;
  line = 0;
  abstract readonly timed: boolean;
  abstract readonly format: string;
  protected p = 0;
  protected e = 0;
  protected lineStart = 0;

  constructor(protected readonly src: ByteSource, protected readonly file: string, protected readonly addressLimit = Infinity) {}

  next(): boolean {
    const s = this.src;
    for (;;) {
      const nl = s.lineEnd();
      if (nl === -1) return false;
      this.line++;
      const buf = s.buf;
      this.lineStart = s.pos;
      this.p = s.pos;
      this.e = nl > s.pos && buf[nl - 1] === CR ? nl - 1 : nl;
      s.pos = nl + 1;
      this.skipWs();
      if (this.p === this.e || buf[this.p] === HASH) continue;
      this.parseRecord(buf);
      return true;
    }
  }

  protected abstract parseRecord(buf: Buffer): void;

  protected skipWs(): number {
    const buf = this.src.buf;
    const start = this.p;
    while (this.p < this.e && (buf[this.p] === SP || buf[this.p] === TAB)) this.p++;
    return this.p - start;
  }

  protected fail(expected: string): never {
    throw new TraceParseError(this.file, this.line, this.p - this.lineStart + 1, expected, showBytes(this.src.buf, this.p, this.e));
  }

  protected needWs(expected: string): void {
    if (this.skipWs() === 0 || this.p === this.e) this.fail(expected);
  }

  /** A decimal field; `tooLarge` is what to expect when it has too many digits for a safe integer. */
  protected decimal(what: string, tooLarge = `${what} below 2^53`): number {
    const buf = this.src.buf;
    let v = 0, n = 0;
    while (this.p < this.e) {
      const c = buf[this.p] as number;
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      this.p++;
      n++;
    }
    if (n === 0 || (this.p < this.e && buf[this.p] !== SP && buf[this.p] !== TAB)) {
      if (n > 0) this.p -= n;
      this.fail(what);
    }
    if (!Number.isSafeInteger(v)) { this.p -= n; this.fail(tooLarge); }
    return v;
  }

  /** Hex with optional 0x prefix (requirePrefix=false) or, for Ramulator, 0x-hex or decimal. */
  protected address(decimalWithoutPrefix: boolean): number {
    const buf = this.src.buf;
    const start = this.p;
    let hex = !decimalWithoutPrefix;
    if (this.p + 1 < this.e && buf[this.p] === 48 && (buf[this.p + 1] === X || buf[this.p + 1] === XU)) {
      this.p += 2;
      hex = true;
    }
    let v = 0, n = 0;
    while (this.p < this.e) {
      const c = buf[this.p] as number;
      const d = hex ? hexVal(c) : c >= 48 && c <= 57 ? c - 48 : -1;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + d;
      this.p++;
      n++;
    }
    if (n === 0 || (this.p < this.e && buf[this.p] !== SP && buf[this.p] !== TAB)) {
      this.p = start;
      this.fail(decimalWithoutPrefix ? 'an address (0x-hex or decimal)' : 'a hex address such as 0x1f40');
    }
    if (!Number.isSafeInteger(v)) { this.p = start; this.fail('an address below 2^53'); }
    return v;
  }

  /** Fails at column `col` (0-based offset in the line) when [addr, addr + size) passes the limit. */
  protected checkRange(addr: number, size: number, at: number): void {
    if (addr + size <= this.addressLimit) return;
    this.p = at;
    this.fail(`an access inside the device's ${capacityText(this.addressLimit)} (address + size ≤ capacity)`);
  }

  protected endOfLine(): void {
    this.skipWs();
    if (this.p !== this.e) this.fail('end of line');
  }

  close(): void {
    this.src.close();
  }
}

/** qmcsim's own text trace. Times must not decrease. */
const SIZE_BOUND = `a size of at most ${MAX_SIZE} B (2^32 - 1, as in the binary format)`;
const TAG_BOUND = `a tag of at most ${MAX_TAG} (as in the binary format)`;

export class QmcsimTextCursor extends TextCursor {
  readonly timed = true;
  readonly format = 'qmcsim-text';

  protected parseRecord(buf: Buffer): void {
    const t = this.decimal('a time in integer ps');
    if (t < this.timePs) { this.p = this.lineStart; this.skipWs(); this.fail(`a time ≥ ${this.timePs} ps (times must not decrease)`); }
    this.needWs('R or W');
    const c = buf[this.p];
    if ((c !== 82 && c !== 87 && c !== 114 && c !== 119) || (this.p + 1 < this.e && buf[this.p + 1] !== SP && buf[this.p + 1] !== TAB)) this.fail('R or W');
    this.p++;
    this.needWs('a hex address such as 0x1f40');
    const addrAt = this.p;
    const a = this.address(false);
    this.needWs('a size in bytes');
    const sizeAt = this.p;
    const size = this.decimal('a size in bytes', SIZE_BOUND);
    if (size === 0) { this.p--; this.fail('a size of at least 1 byte'); }
    // The binary format's bounds (u32 size, u16 tag): a larger size would run for hours (one piece
    // per granule), a larger tag would size the per-tag error arrays by it.
    if (size > MAX_SIZE) { this.p = sizeAt; this.fail(SIZE_BOUND); }
    this.checkRange(a, size, addrAt);
    let tag = 0;
    if (this.skipWs() > 0 && this.p < this.e) {
      const tagAt = this.p;
      tag = this.decimal('a tag (integer ≥ 0) or end of line', TAG_BOUND);
      if (tag > MAX_TAG) { this.p = tagAt; this.fail(TAG_BOUND); }
    }
    this.endOfLine();
    this.timePs = t;
    this.isWrite = c === 87 || c === 119;
    this.addr = a;
    this.sizeBytes = size;
    this.tag = tag;
  }
}

/** Ramulator 2 load/store trace (`LD addr` / `ST addr`, its `LoadStoreTrace` frontend), untimed, one granule per access. */
export class RamulatorCursor extends TextCursor {
  readonly timed = false;
  readonly format = 'ramulator2';
  constructor(src: ByteSource, file: string, private readonly granule: number, addressLimit = Infinity) {
    super(src, file, addressLimit);
  }

  protected parseRecord(buf: Buffer): void {
    const p = this.p;
    const isLd = this.p + 2 <= this.e && buf[p] === 76 && buf[p + 1] === 68;
    const isSt = this.p + 2 <= this.e && buf[p] === 83 && buf[p + 1] === 84;
    if (!(isLd || isSt) || (p + 2 < this.e && buf[p + 2] !== SP && buf[p + 2] !== TAB)) this.fail('LD or ST');
    this.p += 2;
    this.needWs('an address (0x-hex or decimal)');
    const addrAt = this.p;
    // The access is the granule holding the address: Ramulator 2's address mappers drop the low
    // tx_offset bits (addr >> m_tx_offset), so an unaligned LD is one transfer, not two half ones.
    const a = this.address(true);
    const aligned = a - (a % this.granule);
    this.endOfLine();
    this.checkRange(aligned, this.granule, addrAt);
    this.isWrite = isSt;
    this.addr = aligned;
    this.sizeBytes = this.granule;
    this.tag = 0;
    this.timePs = 0;
  }
}
