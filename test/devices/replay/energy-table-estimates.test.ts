// Regression: `replay --device qmc-lpddr5` printed the IDD-based table's energies marked
// '(estimate)' but left them out of 'estimates behind these numbers' (only energy.writeBits).
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/devices/trace-replay/run-replay.js';
import { formatReplayJson, formatReplayText } from '../../../src/devices/trace-replay/format-report.js';

const trace = { name: 't.trc', data: Buffer.from('0 R 0x0 64 1\n1000 W 0x40 64 2\n') };

describe('replay lists the estimates of every energy table it prints', () => {
  it('qmc-lpddr5: the IDD table printed second names its estimated entries', () => {
    const run = runReplay({ device: 'qmc-lpddr5', trace });
    const idd = run.result.energy[1]!;
    expect(idd.estimates.length).toBeGreaterThan(0);
    for (const k of idd.estimates) expect(run.estimates).toContain(`energy[${idd.table}].${k}`);
    const text = formatReplayText(run);
    const listed = /estimates behind these numbers: (.*)\n/.exec(text)?.[1] ?? '';
    for (const line of text.split('\n')) {
      const m = /^ {2}(\w+): .* \(estimate\)$/.exec(line);
      if (m === null) continue;
      expect(listed).toMatch(new RegExp(`(^|, )(energy\\.|energy\\[[^\\]]+\\]\\.)?${m[1]}(,|$)`));
    }
    expect((JSON.parse(formatReplayJson(run)) as { estimates: string[] }).estimates).toEqual(run.estimates);
  });

  it('orin-lpddr5-6400: the QMC Table 1 table printed second names its estimated write energy', () => {
    const run = runReplay({ device: 'orin-lpddr5-6400', trace });
    expect(run.estimates).toContain('energy[qmc-table1/lpddr5].writeBits');
  });

  it('an estimated energy of an action the trace never caused is not listed (no write: no energy.wr)', () => {
    const readOnly = runReplay({ device: 'lpddr5-6400-x16', trace: { name: 'r.trc', data: Buffer.from('0 R 0x0 64\n') } });
    expect(readOnly.estimates).toContain('energy.rd');
    for (const k of ['energy.wr', 'energy.writeBits', 'energy.refab', 'energy.refpb']) expect(readOnly.estimates).not.toContain(k);
    const withWrite = runReplay({ device: 'lpddr5-6400-x16', trace });
    expect(withWrite.estimates).toContain('energy.wr');
  });

  it('single-table presets are unchanged', () => {
    const run = runReplay({ device: 'qmc-mram', trace });
    expect(run.estimates.some((e) => e.startsWith('energy['))).toBe(false);
  });
});
