/**
 * Trace files (docs/workload-trace-format.md): JSON lines, first line a header {format:
 * 'qmcsim-trace', version, model, quantizer, phase, ...}, then one TraceRecord per line. Written
 * in chunks to a temp file and renamed; read back lazily with line-numbered errors.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { TraceRecord } from './types.js';
import { UserError } from '../../config/errors.js';
import { openErrorText } from '../../config/open-error.js';

/** A trace file that cannot be read or written: one line naming the file (and line), a UserError (CLI exit 2). */
export class TraceFileError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFileError';
  }
}

export const TRACE_FORMAT = 'qmcsim-trace';
export const TRACE_VERSION = 1;

/** First line of a trace file. */
export interface TraceHeader {
  readonly format: typeof TRACE_FORMAT;
  readonly version: number;
  readonly model: string;
  readonly quantizer: string;
  readonly phase: 'decode' | 'prefill';
  readonly batch: number;
  readonly contextLength?: number;
  readonly promptLength?: number;
  readonly metadata: 'paper' | 'honest';
  /** Free-form provenance (seed, config hash, generator version). */
  readonly notes?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Write `records` after `header`; returns the number of records. All or nothing: the file appears
 * (by rename) only once every record is written; if the records or a write fail, the temp file is removed.
 */
export function writeTraceFile(file: string, header: Omit<TraceHeader, 'format' | 'version'>, records: Iterable<TraceRecord>): number {
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    throw new TraceFileError(`${file}: cannot write (${openErrorText(e)}); nothing was written`);
  }
  let n = 0;
  let done = false;
  try {
    let buf = JSON.stringify({ format: TRACE_FORMAT, version: TRACE_VERSION, ...header }) + '\n';
    for (const r of records) {
      buf += JSON.stringify(r) + '\n';
      n++;
      if (buf.length > 1 << 20) { writeSync(fd, buf); buf = ''; }
    }
    writeSync(fd, buf);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, file);
    done = true;
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string') throw new TraceFileError(`${file}: cannot write (${openErrorText(e)}); nothing was written`);
    throw e;
  } finally {
    if (fd >= 0) closeSync(fd);
    if (!done) rmSync(tmp, { force: true });
  }
  return n;
}

const KINDS = new Set(['weightRead', 'kvRead', 'kvWrite', 'stateRead', 'stateWrite', 'actRead', 'actWrite', 'compute', 'layerEnd']);

function* lines(file: string): Generator<[number, string]> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new TraceFileError(`${file}: cannot open (${openErrorText(e)})`);
  }
  try {
    const chunk = Buffer.alloc(1 << 20);
    let rest = '';
    let no = 0;
    for (;;) {
      let got: number;
      try {
        got = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw new TraceFileError(`${file}: cannot read (${openErrorText(e)}); expected a trace file`);
      }
      if (got === 0) break;
      rest += chunk.toString('utf8', 0, got);
      let i: number;
      while ((i = rest.indexOf('\n')) >= 0) {
        yield [++no, rest.slice(0, i)];
        rest = rest.slice(i + 1);
      }
    }
    if (rest.length > 0) yield [++no, rest];
  } finally {
    closeSync(fd);
  }
}

function check(file: string, no: number, r: Record<string, unknown>): TraceRecord {
  const bad = (m: string) => new TraceFileError(`${file}:${no}: ${m}`);
  if (!KINDS.has(r.kind as string)) throw bad(`unknown record kind ${JSON.stringify(r.kind)}`);
  if (!Number.isInteger(r.layer)) throw bad(`'layer' must be an integer, found ${JSON.stringify(r.layer)}`);
  if (r.kind !== 'layerEnd') {
    if (typeof r.bytes !== 'number' || !(r.bytes >= 0)) throw bad(`'bytes' must be a non-negative number, found ${JSON.stringify(r.bytes)}`);
    if (r.kind === 'compute') {
      if (typeof r.op !== 'string' || typeof r.flops !== 'number') throw bad("compute records need 'op' and 'flops'");
    } else if (typeof r.tensor !== 'string' || typeof r.role !== 'string') throw bad(`${String(r.kind)} records need 'tensor' and 'role'`);
    if (r.kind === 'weightRead' && typeof r.part !== 'string') throw bad("weightRead records need 'part'");
  }
  return r as unknown as TraceRecord;
}

/** Open a trace file: the header now, the records lazily. */
export function readTraceFile(file: string): { header: TraceHeader; records: Generator<TraceRecord> } {
  const it = lines(file);
  const first = it.next();
  const fail = (m: string): never => {
    it.return(undefined);
    throw new TraceFileError(`${file}:1: ${m}`);
  };
  if (first.done) fail('empty trace file (expected a header line)');
  let h: TraceHeader;
  try {
    h = JSON.parse(first.value![1]) as TraceHeader;
  } catch {
    return fail('header is not JSON');
  }
  if (h === null || typeof h !== 'object' || Array.isArray(h)) return fail(`expected a header object {format: '${TRACE_FORMAT}', …}, found ${JSON.stringify(h)}`);
  if (h.format !== TRACE_FORMAT) fail(`format is ${JSON.stringify(h.format)}, expected '${TRACE_FORMAT}'`);
  if (h.version !== TRACE_VERSION) fail(`version ${h.version} is not supported (this reader: ${TRACE_VERSION})`);
  const hr = h as unknown as Record<string, unknown>;
  for (const [key, ok, expected] of [
    ['model', typeof hr.model === 'string', 'a model name'],
    ['quantizer', typeof hr.quantizer === 'string', 'a quantizer label'],
    ['phase', hr.phase === 'decode' || hr.phase === 'prefill', "'decode' or 'prefill'"],
    ['batch', Number.isInteger(hr.batch) && (hr.batch as number) >= 1, 'a positive integer'],
    ['metadata', hr.metadata === 'paper' || hr.metadata === 'honest', "'paper' or 'honest'"],
  ] as const) {
    if (!ok) fail(`header '${key}': expected ${expected}, found ${hr[key] === undefined ? 'nothing (the key is missing)' : JSON.stringify(hr[key])}`);
  }
  function* records(): Generator<TraceRecord> {
    for (const [no, line] of it) {
      if (line.trim() === '') continue;
      let r: unknown;
      try {
        r = JSON.parse(line);
      } catch {
        throw new TraceFileError(`${file}:${no}: not a JSON record`);
      }
      if (!r || typeof r !== 'object' || Array.isArray(r)) throw new TraceFileError(`${file}:${no}: not a JSON object`);
      yield check(file, no, r as Record<string, unknown>);
    }
  }
  return { header: h, records: records() };
}
