import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpr, ExprError } from '../../src/sweep/expression.js';

describe('constraint expressions', () => {
  it('evaluates arithmetic with the usual precedence (property: matches JS on integers)', () => {
    fc.assert(fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 50 }), (a, b, c) => {
      const e = compileExpr(`metrics.a + metrics.b * ${c} - (metrics.a - metrics.b) / ${c}`);
      expect(e.evaluate({ config: {}, metrics: { a, b } })).toBe(a + b * c - (a - b) / c);
    }));
  });

  it('reads config and metrics, compares strings, combines with && || !', () => {
    const e = compileExpr("config.soc.mode == 'mlc3' && !(metrics.p > 15) || max(metrics.p, 1) < 0");
    expect(e.usesMetrics).toBe(true);
    expect(e.names).toEqual(['config.soc.mode', 'metrics.p', 'metrics.p']);
    expect(e.evaluate({ config: { soc: { mode: 'mlc3' } }, metrics: { p: 10 } })).toBe(true);
    expect(e.evaluate({ config: { soc: { mode: 'mlc3' } }, metrics: { p: 20 } })).toBe(false);
    expect(compileExpr('config.a.b >= 2').usesMetrics).toBe(false);
  });

  it('rejects anything that is not the language (no eval, no globals)', () => {
    for (const src of ['process.exit(1)', 'metrics.x <= (3', "require('fs')", 'metrics.x ; 1', 'constructor', 'metrics.a ** 2']) {
      expect(() => compileExpr(src), src).toThrow(ExprError);
    }
  });

  it('reports a missing metric or a mistyped operand when evaluated', () => {
    expect(() => compileExpr('metrics.nope < 1').evaluate({ config: {}, metrics: {} })).toThrow(/no metric 'nope'/);
    expect(() => compileExpr("config.a + 1 > 2").evaluate({ config: { a: 'x' } })).toThrow(/expected a number/);
  });
});

describe('sum()', () => {
  it('adds every metric with the prefix; absent ones count zero', () => {
    const e = compileExpr("sum('area.') * 2");
    expect(e.usesMetrics).toBe(true);
    expect(e.evaluate({ config: {}, metrics: { 'area.a': 1.5, 'area.b': 2, other: 100 } })).toBe(7);
    expect(e.evaluate({ config: {}, metrics: {} })).toBe(0);
    expect(() => compileExpr('sum(metrics.x)')).toThrow(ExprError);
  });
});
