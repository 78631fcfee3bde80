/**
 * A metric compared with a quantity string: `metrics.latencyPerTokenPs < '300 us'` passed validate
 * and then stopped the sweep after the plan ('cannot order 794091904 and "300 us"'). A metric's
 * unit is the one its name ends in (Ps, Pj, Mm2, W, Bytes), so the bound is converted to it when the
 * file is loaded; a bound of another dimension, a quantity compared with a metric without a unit or
 * with a computed number is refused at load time (validate), located.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExpr, metricUnit } from '../../src/sweep/expression.js';
import { main } from '../../src/cli/main.js';
import { tempDir, writeToySweep } from './helpers.js';

const at = (src: string, metrics: Record<string, number>, config: unknown = {}): unknown => compileExpr(src).evaluate({ config, metrics });

describe('a metric compared with a quantity string', () => {
  it('compares in the unit the metric name ends in, on either side', () => {
    expect(at("metrics.latencyPerTokenPs < '300 us'", { latencyPerTokenPs: 794091904 })).toBe(false);
    expect(at("metrics.latencyPerTokenPs < '300 us'", { latencyPerTokenPs: 2.99e8 })).toBe(true);
    expect(at("'1 W' > metrics.memoryReadPowerW", { memoryReadPowerW: 0.5 })).toBe(true);
    expect(at("metrics.energyDevicePjByMemory.mram <= '2 nJ'", { 'energyDevicePjByMemory.mram': 2000 })).toBe(true);
    expect(at("metrics.memoryAreaMm2 > '0.1 cm^2'", { memoryAreaMm2: 9 })).toBe(false);
    expect(at('metrics.latencyPerTokenPs < config.t', { latencyPerTokenPs: 999 }, { t: '1 ns' })).toBe(true);
    expect(metricUnit('weightBytes')).toEqual({ dim: 'size', unit: 'B' });
    expect(metricUnit('bitErrors')).toBeUndefined();
  });

  it('refuses what cannot be compared when the expression is compiled', () => {
    expect(() => compileExpr("metrics.latencyPerTokenPs < '3 pJ'")).toThrow("metrics.latencyPerTokenPs is in ps: expected a time such as '3.5 ns', found '3 pJ' (an energy)");
    expect(() => compileExpr("metrics.bitErrors < '3 ns'")).toThrow("metrics.bitErrors is a plain number (its name ends in no unit: Ps, Pj, Mm2, W, Bytes), found the string '3 ns'");
    expect(() => compileExpr("metrics.mramTimePs + 1 < '1 us'")).toThrow(/^cannot compare a computed number with the string '1 us'/);
  });

  it('validate refuses a bound of the wrong dimension; sweep runs a quantity bound', async () => {
    const dir = tempDir();
    const bad = writeToySweep(dir, "axes:\n  - quantizer.rho: [0.1, 0.5]\nconstraints:\n  - name: c\n    expr: \"metrics.latencyPerTokenPs < '3 pJ'\"\n", 'bad.yaml');
    let stderr = '';
    expect(await main(['validate', bad], { stdout: () => {}, stderr: (t) => { stderr += t; } })).toBe(2);
    expect(stderr).toContain(`${bad}:9:11: constraints[0].expr: expected a valid constraint expression, found 'metrics.latencyPerTokenPs < '3 pJ'' (metrics.latencyPerTokenPs is in ps`);
    const statuses = async (bound: string): Promise<string[]> => {
      const file = join(dir, 'q.yaml');
      writeFileSync(file, "kind: sweep\n" + `name: q\nbase: ${join(import.meta.dirname, 'fixtures', 'toy-base.yaml')}\nevaluator: ${join(import.meta.dirname, 'fixtures', 'toy-evaluator.ts')}\naxes:\n  - quantizer.rho: [0.1, 0.5]\nconstraints:\n  - name: c\n    expr: "metrics.latencyPerTokenPs < ${bound}"\n`);
      let out = '';
      expect(await main(['sweep', file, '--workers', '0', '--no-progress', '--json', '--out', join(dir, 'o')], { stdout: (t) => { out += t; }, stderr: () => {} })).toBe(0);
      return (JSON.parse(out) as { points: { status: string }[] }).points.map((p) => p.status);
    };
    const withUnit = await statuses("'5 us'");
    expect(withUnit).toEqual(await statuses('5e6'));
    expect(withUnit).toContain('infeasible');
    expect(withUnit).toContain('ok');
  }, 60_000);
});
