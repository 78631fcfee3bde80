// Posted writes (replay.ts): an accepted write leaves the driver's in-flight window at once, as a
// write buffer acknowledges it, so buffered writes never hold back reads. Before, a write held its
// slot until its data was written: random 64-B traffic with 30 % writes on the Orin preset reached
// 44.6 GB/s with 256 in flight (reads alone: 121.9), because starved writes filled the window.
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { formatReplayJson, formatReplayText } from '../../../src/devices/trace-replay/format-report.js';

function ldst(n: number, writeEvery: number): Buffer {
  const lines: string[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    lines.push(`${i % writeEvery === writeEvery - 1 ? 'ST' : 'LD'} 0x${((x % 2 ** 24) * 64).toString(16)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}
const run = (data: Buffer, postedWrites?: boolean, maxOutstanding = 64) =>
  runReplay({ device: 'orin-lpddr5-6400', trace: { name: 't.ram', data }, maxOutstanding, ...(postedWrites === undefined ? {} : { postedWrites }) });

describe('posted writes', () => {
  it('are the default; buffered writes no longer starve the read window', () => {
    const data = ldst(20_000, 3);
    const posted = run(data).result, held = run(data, false).result;
    expect(posted.postedWrites).toBe(true);
    expect(held.postedWrites).toBe(false);
    for (const r of [posted, held]) {
      expect(r.reads + r.writes).toBe(20_000);
      expect(r.writeLatency.count).toBe(r.writes);
    }
    expect(posted.bandwidth).toBeGreaterThan(1.5 * held.bandwidth);
  });

  it('change nothing for a trace without writes', () => {
    const data = ldst(5_000, 1e9);
    expect(formatReplayJson(run(data)).replace(/"postedWrites": true/, '')).toBe(formatReplayJson(run(data, false)).replace(/"postedWrites": false/, ''));
  });

  it('with one slot, writes still go in together while a read waits for its own completion', () => {
    const data = Buffer.from('ST 0x0\nST 0x40000\nST 0x80000\nLD 0xc0000\n');
    const posted = run(data, true, 1).result, held = run(data, false, 1).result;
    expect(posted.spanPs).toBeLessThan(held.spanPs);
    expect(formatReplayText(run(data, true, 1))).toContain('in flight: at most 1 read; writes posted');
    expect(formatReplayText(run(data, false, 1))).toContain('in flight: at most 1 read and write (writes held until they complete)');
  });
});
