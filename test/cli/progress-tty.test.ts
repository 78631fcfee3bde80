// reproduce's and study noise's progress bar (lazyProgress) appears only when stderr is a terminal:
// redirected (`npm start 2>log`) it wrote a redraw line every ~2 s into the log (about 30 per run).
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyProgress } from '../../src/cli/commands/reproduce.js';

/** A stream that records what is written, claiming to be a terminal or not. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const w = new Writable({ write(chunk: Buffer, _enc, cb) { text += chunk.toString(); cb(); } });
  Object.assign(w, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: w as unknown as NodeJS.WriteStream, written: () => text };
}

describe('lazyProgress', () => {
  const had = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  afterEach(() => {
    vi.restoreAllMocks();
    if (had) Object.defineProperty(process.stderr, 'isTTY', had);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  });

  it('writes nothing to a stderr that is not a terminal', () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true, writable: true });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const p = lazyProgress(true, 0);
    for (let i = 1; i <= 5; i++) p.update(i / 5, `run ${i}`);
    p.stop();
    expect(write).not.toHaveBeenCalled();
  });

  it('draws the bar on a terminal, and not with --no-progress', () => {
    const tty = fakeStream(true);
    const p = lazyProgress(true, 0, tty.stream);
    p.update(0.5, 'qmc-3bit');
    p.stop();
    expect(tty.written()).toContain('qmc-3bit');
    const off = fakeStream(true);
    const q = lazyProgress(false, 0, off.stream);
    q.update(0.5, 'qmc-3bit');
    q.stop();
    expect(off.written()).toBe('');
  });
});
