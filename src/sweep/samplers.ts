/**
 * Draws sweep points from axis groups: grid (every combination, last axis fastest), seeded uniform
 * random, and Latin hypercube (one sample per stratum per group). Randomness only from rngFor.
 */
import { rngFor, type Rng } from '../engine/rng.js';
import { axisLength } from './spec.js';
import type { AxisGroup, AxisKey, Sampler } from './spec-types.js';

/** One drawn point: the swept key → value pairs in axis order. */
export type Assignment = readonly (readonly [string, unknown])[];

/** Draws the points of `axes` with `sampler`; `stream` names the random stream (e.g. the sweep name). */
export function samplePoints(axes: readonly AxisGroup[], sampler: Sampler, stream: string): Assignment[] {
  if (sampler.type === 'grid') return gridPoints(axes);
  const rng = rngFor(sampler.seed, `sweep.${stream}.${sampler.type}`);
  const n = sampler.count;
  // Per group, n numbers in [0, 1): independent uniforms, or one per stratum in shuffled order.
  const us = axes.map(() => (sampler.type === 'random' ? uniforms(rng, n) : latinColumn(rng, n)));
  const out: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    const a: (readonly [string, unknown])[] = [];
    axes.forEach((g, gi) => {
      const u = us[gi]![i]!;
      for (const k of g.keys) a.push([k.key, valueAtFraction(k, u)]);
    });
    out.push(a);
  }
  return out;
}

function uniforms(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.next());
}

/** n values, one uniformly inside each of the n strata [j/n, (j+1)/n), in a random order. */
function latinColumn(rng: Rng, n: number): number[] {
  const perm = Array.from({ length: n }, (_, j) => j);
  for (let j = n - 1; j > 0; j--) {
    const r = rng.int(j + 1);
    const t = perm[j]!;
    perm[j] = perm[r]!;
    perm[r] = t;
  }
  return perm.map((s) => (s + rng.next()) / n);
}

function gridPoints(axes: readonly AxisGroup[]): Assignment[] {
  const lens = axes.map((g) => axisLength(g.keys[0]!) ?? 1);
  const total = lens.reduce((a, b) => a * b, 1);
  const out: Assignment[] = [];
  for (let p = 0; p < total; p++) {
    const idx = new Array<number>(axes.length);
    let rest = p;
    for (let gi = axes.length - 1; gi >= 0; gi--) {
      idx[gi] = rest % lens[gi]!;
      rest = Math.floor(rest / lens[gi]!);
    }
    const a: (readonly [string, unknown])[] = [];
    axes.forEach((g, gi) => {
      for (const k of g.keys) a.push([k.key, valueAtIndex(k, idx[gi]!)]);
    });
    out.push(a);
  }
  return out;
}

/** Value number `i` of a discrete axis or a stepped range. */
export function valueAtIndex(k: AxisKey, i: number): unknown {
  const d = k.domain;
  if (d.kind === 'values') return d.values[i];
  const steps = d.steps ?? 1;
  return rangeValue(k, steps === 1 ? 0 : i / (steps - 1));
}

/** Maps u in [0, 1) to a value: an index for discrete axes and stepped ranges, else a point of the range. */
export function valueAtFraction(k: AxisKey, u: number): unknown {
  const len = axisLength(k);
  if (len !== undefined) return valueAtIndex(k, Math.min(len - 1, Math.floor(u * len)));
  return rangeValue(k, u);
}

function rangeValue(k: AxisKey, t: number): unknown {
  const d = k.domain;
  if (d.kind !== 'range') throw new Error('rangeValue on a discrete axis');
  let v = d.scale === 'log'
    ? Math.exp(Math.log(d.from) + t * (Math.log(d.to) - Math.log(d.from)))
    : d.from + t * (d.to - d.from);
  // 12 significant digits: grid values print as written (0.3, not 0.30000000000000004).
  v = d.integer ? Math.round(v) : Number(v.toPrecision(12));
  return d.unit === '' ? v : `${v} ${d.unit}`;
}
