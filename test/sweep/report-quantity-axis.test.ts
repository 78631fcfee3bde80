// A sweep axis of quantities ('2 ns', '10 ns', '5 ns') is plotted in report.html on a numeric axis in
// canonical units (ps), in value order (as text categories '10 ns' sorted before '2 ns'), and in the
// 'Per axis' section even when the sweep has one objective (no Pareto plot).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepHtml, type ReportPoint } from '../../src/sweep/report.js';
import { loadSweepSpec } from '../../src/sweep/spec.js';
import { ROOT, tempDir } from './helpers.js';

const BASE = join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml');
const AXIS = 'soc.memories[0].device.readLatency';

describe('sweep report: quantity axes', () => {
  it('are numeric, titled with the canonical unit, ticks in value order', async () => {
    const file = join(tempDir(), 's.yaml');
    writeFileSync(file, `kind: sweep\nname: q\nbase: ${BASE}\naxes:\n  - ${AXIS}: ['10 ns', '2 ns', '5 ns']\nmetrics: [latencyPerTokenPs]\nreport: { pareto: [latencyPerTokenPs] }\n`);
    const spec = loadSweepSpec(file);
    const report: ReportPoint[] = ['10 ns', '2 ns', '5 ns'].map((v, index) => ({
      id: `p${index}`, index, status: 'ok', axes: { [AXIS]: v }, metrics: { latencyPerTokenPs: 1000 + index }, pareto: false,
    }));
    const html = await sweepHtml(spec, report, []);
    const plot = html.slice(html.indexOf('Per axis'), html.indexOf('All points'));
    expect(plot).toContain(`${AXIS} (ps)`);
    // numeric ticks in ps (2 ns .. 10 ns: 2,000 .. 10,000), not the three text labels
    expect(plot).not.toMatch(/>10 ns</);
    expect(plot).toMatch(/>10,000</);
  }, 60_000);
});
