/**
 * Streaming gzip decompression for trace files, read synchronously: a worker thread pipes the file
 * (or an in-memory buffer) through node:zlib createGunzip into a ring of shared 1 MiB slots, and the
 * trace parser's ByteSource pulls bytes from the ring, blocking with Atomics.wait while a slot fills.
 * The replay stays synchronous and memory stays bounded (two slots plus the stream buffers).
 */
import { closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const SLOTS = 2;
const SLOT_BYTES = 1 << 20;
const MSG_BYTES = 1024;
// ctrl[i] for slot i: EMPTY (the worker may fill it), > 0 bytes of data, END, or FAILED.
const EMPTY = -1, END = 0, FAILED = -2;
const MSG_LEN = SLOTS, CLOSED = SLOTS + 1;
/** No decompressed byte for this long means the worker died (it signals every failure it can see). */
const STALL_MS = 120_000;

// The worker is plain CommonJS run with `eval: true`, so it loads the same way under tsx, vitest
// and node; it blocks itself (Atomics.wait) while both slots are full, which is the back-pressure.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createReadStream } = require('node:fs');
const { Readable, pipeline } = require('node:stream');
const { createGunzip } = require('node:zlib');
const { path, head, data, ctrlBuf, slotBuf, msgBuf, slots: SLOTS, slotBytes: SLOT_BYTES } = workerData;
const ctrl = new Int32Array(ctrlBuf), ring = new Uint8Array(slotBuf), msg = new Uint8Array(msgBuf);
const STOP = {};
let slot = 0, fill = 0;
function waitFree() {
  for (;;) {
    if (Atomics.load(ctrl, ${CLOSED}) === 1) throw STOP;
    const v = Atomics.load(ctrl, slot);
    if (v === ${EMPTY}) return;
    Atomics.wait(ctrl, slot, v);
  }
}
function publish(v) {
  Atomics.store(ctrl, slot, v);
  Atomics.notify(ctrl, slot);
  slot = (slot + 1) % SLOTS;
}
function put(chunk) {
  if (Atomics.load(ctrl, ${CLOSED}) === 1) throw STOP; // the reader closed early
  let off = 0;
  while (off < chunk.length) {
    if (fill === 0) waitFree();
    const n = Math.min(chunk.length - off, SLOT_BYTES - fill);
    ring.set(chunk.subarray(off, off + n), slot * SLOT_BYTES + fill);
    fill += n; off += n;
    if (fill === SLOT_BYTES) { publish(fill); fill = 0; }
  }
}
function finish(v) {
  if (fill > 0) { publish(fill); fill = 0; }
  waitFree();
  publish(v);
}
// From a pipe, the first bytes were consumed by the opener (it sniffs the magic): they go in first.
const input = path !== undefined ? createReadStream(path) : Readable.from([Buffer.from(data)]);
const gz = createGunzip();
if (head !== undefined) gz.write(Buffer.from(head));
pipeline(input, gz, () => {});
(async () => {
  for await (const chunk of gz) put(chunk);
  finish(${END});
})().catch((e) => {
  if (e !== STOP) {
    const text = Buffer.from(String((e && e.code) || '') + '|' + String((e && e.message) || e)).subarray(0, msg.length);
    msg.set(text);
    Atomics.store(ctrl, ${MSG_LEN}, text.length);
    try { finish(${FAILED}); } catch (s) { if (s !== STOP) throw s; }
  }
  input.destroy(); // closes the file
  gz.destroy();
});
`;

/** True when `b` starts with the gzip magic bytes 1f 8b (RFC 1952 §2.3.1). */
export function isGzip(b: Uint8Array, from = 0, to = b.length): boolean {
  return to - from >= 2 && b[from] === 0x1f && b[from + 1] === 0x8b;
}

/** Pulls decompressed bytes; `read` returns 0 at the end of the data or on failure (then `failure` says why). */
export class GunzipReader {
  /** Why decompression stopped early ('truncated gzip data (…)' / 'corrupt gzip data (…)'), else undefined. */
  failure: string | undefined;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer((SLOTS + 2) * 4));
  private readonly ring = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  private readonly msg = new Uint8Array(new SharedArrayBuffer(MSG_BYTES));
  private readonly worker: Worker;
  private holdFd: number | undefined;
  private slot = 0;
  private slotOff = 0;
  private done = false;

  /**
   * Decompresses the file at `path` (the worker opens it), or the gzip bytes `data`. For a pipe,
   * `head` holds the bytes the opener already consumed, and `holdFd` the opener's descriptor,
   * kept open until close() so the writer never sees the pipe without a reader.
   */
  constructor(input: { readonly path: string; readonly head?: Uint8Array; readonly holdFd?: number } | { readonly data: Uint8Array }) {
    this.holdFd = 'path' in input ? input.holdFd : undefined;
    this.ctrl.fill(EMPTY, 0, SLOTS);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true, execArgv: [], stdout: false, stderr: false,
      workerData: {
        // exact copies, not the Buffer pool
        ...('path' in input ? { path: input.path, ...(input.head ? { head: new Uint8Array(input.head) } : {}) } : { data: new Uint8Array(input.data) }),
        ctrlBuf: this.ctrl.buffer, slotBuf: this.ring.buffer, msgBuf: this.msg.buffer, slots: SLOTS, slotBytes: SLOT_BYTES,
      },
    });
    this.worker.on('error', () => { /* every failure the worker can catch arrives through the ring */ });
    this.worker.unref();
  }

  /** Copies up to `len` decompressed bytes into `dst` at `off`; 0 at the end (or on failure). */
  read(dst: Buffer, off: number, len: number): number {
    while (!this.done) {
      const v = Atomics.load(this.ctrl, this.slot);
      if (v === EMPTY) {
        if (Atomics.wait(this.ctrl, this.slot, EMPTY, STALL_MS) === 'timed-out') {
          this.fail(`no decompressed data for ${STALL_MS / 1000} s (the gzip reader stopped)`);
        }
        continue;
      }
      if (v === END) break;
      if (v === FAILED) {
        this.fail(describe(Buffer.from(this.msg.subarray(0, Atomics.load(this.ctrl, MSG_LEN))).toString()));
        break;
      }
      const n = Math.min(len, v - this.slotOff);
      const base = this.slot * SLOT_BYTES + this.slotOff;
      dst.set(this.ring.subarray(base, base + n), off);
      this.slotOff += n;
      if (this.slotOff === v) {
        Atomics.store(this.ctrl, this.slot, EMPTY);
        Atomics.notify(this.ctrl, this.slot);
        this.slot = (this.slot + 1) % SLOTS;
        this.slotOff = 0;
      }
      return n;
    }
    this.close();
    return 0;
  }

  /**
   * Stops the worker (safe to call twice): it wakes, closes its file and exits on its own (it is
   * unref'd, so it never keeps the process alive).
   */
  close(): void {
    if (this.done) return;
    this.done = true;
    Atomics.store(this.ctrl, CLOSED, 1);
    for (let i = 0; i < SLOTS; i++) Atomics.notify(this.ctrl, i);
    if (this.holdFd !== undefined) closeSync(this.holdFd);
    this.holdFd = undefined;
  }

  private fail(why: string): void {
    this.failure = why;
    this.close();
  }
}

/** 'Z_BUF_ERROR|unexpected end of file' → 'truncated gzip data (unexpected end of file)'. */
function describe(codeAndMessage: string): string {
  const bar = codeAndMessage.indexOf('|');
  const code = codeAndMessage.slice(0, bar), message = codeAndMessage.slice(bar + 1).replace(/\s+/g, ' ').trim();
  if (code === 'Z_BUF_ERROR') return `truncated gzip data (${message})`;
  if (code.startsWith('Z_')) return `corrupt gzip data (${message})`;
  return `unreadable gzip data (${message})`;
}
