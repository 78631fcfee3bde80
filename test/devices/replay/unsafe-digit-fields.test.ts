// A size or tag with more digits than a safe integer holds names the field's real bound (2^32 - 1 B,
// 65535), as a merely too-large one does; it said 'a tag (integer ≥ 0) or end of line below 2^53'.
import { describe, expect, it } from 'vitest';
import { openTraceBuffer } from '../../../src/devices/trace-replay/open-trace.js';
import { traceParseError } from './helpers.js';

const parseError = (s: string) => traceParseError(() => {
  const c = openTraceBuffer(Buffer.from(s), { granuleBytes: 64, name: 't.trc' });
  while (c.next()) { /* read all */ }
});

describe('qmcsim-text fields beyond 2^53', () => {
  it.each([
    ['0 R 0x0 64 111111111111111111111111\n', 12, 'a tag of at most 65535 (as in the binary format)', "'111111111111111111111111'"],
    ['0 R 0x0 99999999999999999999 1\n', 9, 'a size of at most 4294967295 B (2^32 - 1, as in the binary format)', "'99999999999999999999'"],
  ])('%j → the field bound', (src, col, expected, found) => {
    const e = parseError(src);
    expect(e.message).toBe(`t.trc:1:${col}: expected ${expected}, found ${found}`);
  });
});
