// Trace files: writing is all or nothing (a failing record source or an unwritable path leaves no
// temp file behind), and every unreadable file is one user-error line naming file:line (CLI exit 2),
// not a TypeError on a null header or a bare EISDIR without the file name (exit 3).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refusal } from './cli-refusal.js';
import { readTraceFile, writeTraceFile } from '../../src/workloads/trace/file.js';
import type { TraceRecord } from '../../src/workloads/trace/types.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-trace-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER = { model: 'm', quantizer: 'q', phase: 'decode', batch: 1, contextLength: 4, metadata: 'paper' } as const;


describe('writeTraceFile is all or nothing', () => {
  it('a record source that fails midway leaves neither the file nor a temp file', () => {
    const folder = join(dir, 'w1');
    mkdirSync(folder);
    function* records(): Generator<TraceRecord> {
      yield { kind: 'layerEnd', layer: 0 } as TraceRecord;
      throw new Error('source failed');
    }
    expect(() => writeTraceFile(join(folder, 'out.jsonl'), HEADER, records())).toThrow(/source failed/);
    expect(readdirSync(folder)).toEqual([]);
  });
  it('an unwritable path is one line naming the file, exit 2', () => {
    const f = join(dir, 'no-such-folder', 'out.jsonl');
    const r = refusal(() => writeTraceFile(f, HEADER, []));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${f}: cannot write`);
  });
});

describe('readTraceFile errors', () => {
  const good = JSON.stringify({ format: 'qmcsim-trace', version: 1, ...HEADER });
  const cases: [string, string, RegExp][] = [
    ['null.jsonl', 'null\n', /null\.jsonl:1: expected a header object .*found null/],
    ['list.jsonl', '[]\n', /list\.jsonl:1: expected a header object .*found \[\]/],
    ['no-model.jsonl', '{"format":"qmcsim-trace","version":1}\n', /no-model\.jsonl:1: header 'model': expected a model name, found nothing/],
    ['bad-phase.jsonl', good.replace('"decode"', '"train"') + '\n', /bad-phase\.jsonl:1: header 'phase': expected 'decode' or 'prefill', found "train"/],
    ['bad-batch.jsonl', good.replace('"batch":1', '"batch":0') + '\n', /bad-batch\.jsonl:1: header 'batch': expected a positive integer, found 0/],
    ['list-record.jsonl', `${good}\n[1]\n`, /list-record\.jsonl:2: not a JSON object/],
    ['neg.jsonl', `${good}\n{"kind":"kvRead","layer":0,"bytes":-1,"tensor":"t","role":"kv_cache"}\n`, /neg\.jsonl:2: 'bytes' must be a non-negative number/],
  ];
  for (const [name, text, msg] of cases) {
    it(`${name}: one line, exit 2`, () => {
      const f = join(dir, name);
      writeFileSync(f, text);
      const r = refusal(() => [...readTraceFile(f).records]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    });
  }
  it('a directory is named, one line, exit 2', () => {
    const r = refusal(() => readTraceFile(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: cannot read`);
  });
});
