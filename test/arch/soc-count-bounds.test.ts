// Regression (review): `window: 1e12` passed validate and the run then crashed allocating the request
// pool ("internal error: RangeError: Invalid typed array length", exit 3); an ideal device's
// `channels: 1e12` failed with the same RangeError text. A link buffer smaller than one request
// (`buffer: 1 B`) was accepted although the buffer holds whole transfers. All are now located
// schema errors (exit 2) that say the bound and why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../cli/cli-helpers.js';
import { tempDir, type TempDir } from '../config/helpers.js';

const socText = readFileSync(resolve('configs/soc/orin-agx-qmc.yaml'), 'utf8');
const qmcRun = resolve('configs/runs/qmc-hymba.yaml');
let t: TempDir;
beforeAll(() => { t = tempDir('qmcsim-soc-bounds-'); });
afterAll(() => t.remove());

/** The SoC text with the first `from` replaced by `to`, written to a temp file, and the 1-based line of the change. */
function socWith(name: string, from: string, to: string): { file: string; line: number } {
  const at = socText.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const file = t.write(name, socText.slice(0, at) + to + socText.slice(at + from.length));
  return { file, line: socText.slice(0, at).split('\n').length };
}

describe('SoC integer counts and the link buffer are bounded at load', () => {
  it('a huge initiator window: refused by validate and run (exit 2), at its line', async () => {
    const { file, line } = socWith('big-window.yaml', 'window: 1024 ', 'window: 1e12 ');
    const v = await runCli('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr.trim()).toBe(`${file}:${line}:13: initiators[0].window: expected an integer from 1 to 1048576 (outstanding requests, one preallocated request-pool slot each; Little's law for 1 TB/s × 1 µs / 64 B needs ≈ 16384), found 1000000000000`);
    const run = t.write('big-window-run.yaml', `kind: run\nextends: ${qmcRun}\nsoc: ${file}\n`);
    const r = await runCli('run', run, '--set', 'model=smollm2-135m');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
    expect(r.stderr).toMatch(/initiators\[0\]\.window: expected an integer from 1 to 1048576/);
  });

  it('windows that are each allowed but sum past the pool bound', async () => {
    const sets = [0, 1, 2, 3, 4].flatMap((i) => ['--set', `soc.initiators[${i}].window=1000000`]);
    const r = await runCli('validate', qmcRun, ...sets);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--set soc.initiators[4].window=1000000: soc.initiators[4].window: expected windows summing to at most 4194304 over all initiators (the request pool preallocates a slot per outstanding request), found 1000000 + 1000000 + 1000000 + 1000000 + 1000000 = 5000000');
  });

  it('an ideal device with 1e12 channels and a 2 MiB request size', async () => {
    const r = await runCli('validate', qmcRun, '--set', 'soc.memories[0].requestSize=2 MiB', '--set',
      'soc.memories[3].device={type: ideal, capacity: 1 GiB, channels: 1e12, latency: 1 ns, channelBandwidth: 1 GB/s}');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/typed array/);
    expect(r.stderr).toMatch(/soc\.memories\[3\]\.device\.channels: expected an integer from 1 to 16777216 \(each channel is modelled individually\), found 1000000000000/);
    expect(r.stderr).toMatch(/soc\.memories\[0\]\.requestSize: expected a size such as '64 B' or '16 Gb' of at most 1 MiB, found '2 MiB'/);
  });

  it('a link buffer smaller than one request is refused at the buffer key', async () => {
    const { file, line } = socWith('tiny-buffer.yaml', 'buffer: 64 KiB', 'buffer: 1 B');
    const v = await runCli('validate', file);
    expect(v.code).toBe(2);
    expect(v.stderr.trim()).toBe(`${file}:${line}:15: memories[0].link.buffer: expected a buffer of at least one request, 64 B (the request size of memory 'mram'; the link buffer holds whole transfers), found 1 B`);
  });

  it('a request size above the default buffer: refused at the link, saying the buffer is the default', async () => {
    const { file } = socWith('no-buffer.yaml', '      buffer: 64 KiB\n', '');
    const r = await runCli('validate', file, '--set', 'memories[0].requestSize=128 KiB');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/memories\[0\]\.link: expected a buffer of at least one request, 131072 B = 128 KiB \(the request size of memory 'mram'; the link buffer holds whole transfers\), found 65536 B = 64 KiB \(the default; the key is missing\)/);
  });

  it('a shared bus buffer smaller than the largest request on the bus', async () => {
    const r = await runCli('validate', qmcRun, '--set', 'soc.interconnect.type=bus', '--set',
      'soc.interconnect.bus={transferRate: 1 GT/s, width: 64 B, latency: 1 ns, energyPerBit: 0 pJ/bit, buffer: 32 B}');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/: soc\.interconnect\.bus\.buffer: expected a buffer of at least one request, 64 B \(the request size of memory 'mram', the largest on the bus; the link buffer holds whole transfers\), found 32 B$/);
  });

  it('a buffer of exactly one request is accepted', async () => {
    const { file } = socWith('one-request-buffer.yaml', 'buffer: 64 KiB', 'buffer: 64 B');
    expect((await runCli('validate', file)).code).toBe(0);
  });
});
