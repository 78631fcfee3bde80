// Regression: axis values written with units ('10 %', '3.5 ns') were exported as the text written, so
// points.csv columns were text, mixed spellings and sorted alphabetically; a --resume run whose file
// spelt the same points otherwise (0.1, '3500 ps') failed on every export ("Could not convert string
// '10 %' to DOUBLE"). Quantity axes are now numeric columns in canonical units, the unit in the header.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, tempDir } from './helpers.js';

const BASE = join(ROOT, 'configs', 'runs', 'qmc-hymba.yaml');

function sweepFile(dir: string, name: string, rho: string, latency: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, [
    'kind: sweep', `name: ${name}`, `base: ${BASE}`, 'seed: 7', 'evaluator: analytic',
    'set:', '  model: smollm2-135m', '  workload.contextLength: 128',
    'axes:', `  - quant.rho: ${rho}`, `  - soc.memories[0].link.latency: ${latency}`,
    'metrics: [latencyPerTokenPs, energyPerTokenPj]', '',
  ].join('\n'));
  return file;
}

async function sweep(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(['sweep', ...args, '--workers', '0', '--no-progress'], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

/** The CSV as header → column values (no quoted commas in these columns). */
function columns(csv: string): Map<string, string[]> {
  const [head, ...rows] = csv.trim().split('\n');
  const names = head!.split(',');
  return new Map(names.map((n, i) => [n, rows.map((r) => r.split(',')[i]!)]));
}

describe('points.csv quantity axes', () => {
  it('are numbers in canonical units whichever spelling stored a point, and a --resume with another spelling exports', async () => {
    const dir = tempDir();
    const db = join(dir, 'results.duckdb');
    const first = await sweep([sweepFile(dir, 'a', "['10 %', '30 %']", "['3.5 ns', '10 ns', '800 ps']"), '--db', db, '--out', join(dir, 'a')]);
    expect(first.code, first.stderr).toBe(0);
    const a = columns(readFileSync(join(dir, 'a', 'points.csv'), 'utf8'));
    expect(a.get('quant.rho [ratio]')).toEqual(['0.1', '0.1', '0.1', '0.3', '0.3', '0.3']);
    expect(a.get('soc.memories[0].link.latency [ps]')).toEqual(['3500', '10000', '800', '3500', '10000', '800']);
    // the same points spelt otherwise (a bare ratio beside a percentage, ps for ns) are reused and export
    const second = await sweep([sweepFile(dir, 'b', "[0.1, '30 %']", "['3500 ps', '10 ns', '0.8 ns']"), '--db', db, '--out', join(dir, 'b'), '--resume', '--json']);
    expect(second.code, second.stderr).toBe(0);
    const summary = JSON.parse(second.stdout) as { reused: number; ran: number; points: { axes: Record<string, unknown> }[] };
    expect([summary.reused, summary.ran]).toEqual([6, 0]);
    // the JSON shows this file's spelling of each point
    expect(summary.points[0]!.axes).toEqual({ 'quant.rho': 0.1, 'soc.memories[0].link.latency': '3500 ps' });
    const b = columns(readFileSync(join(dir, 'b', 'points.csv'), 'utf8'));
    expect(b.get('quant.rho [ratio]')).toEqual(a.get('quant.rho [ratio]'));
    expect(b.get('soc.memories[0].link.latency [ps]')).toEqual(a.get('soc.memories[0].link.latency [ps]'));
    // an axis of bare numbers reads a point stored as '10 %' as its number
    const third = await sweep([sweepFile(dir, 'c', '[0.1, 0.3]', "['3.5 ns']"), '--db', db, '--out', join(dir, 'c'), '--resume']);
    expect(third.code, third.stderr).toBe(0);
    expect(columns(readFileSync(join(dir, 'c', 'points.csv'), 'utf8')).get('quant.rho')).toEqual(['0.1', '0.3']);
  }, 180_000);
});
