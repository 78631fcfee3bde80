/**
 * Seeded synthetic weights for when no checkpoint is given: Gaussian, Laplace or Student-t values
 * with a standard deviation per tensor role, one tensor (or row range) at a time. Each row has its
 * own stream rngFor(seed, 'weights/<tensor>/r<row>'), so any row range is reproducible alone.
 * Fidelity: distribution shape only (heavy tails as in trained SLMs); scales are estimates.
 */
import { rngFor, type Rng } from '../../engine/rng.js';
import { matrixDims, type TensorKind, type TensorSpec } from '../tensor.js';

export type WeightDistribution = 'gaussian' | 'laplace' | 'student-t';

export interface SyntheticOptions {
  readonly seed: number | string;
  readonly distribution: WeightDistribution;
  /** Degrees of freedom of Student-t (integer ≥ 3). Default 4. */
  readonly dof?: number;
  /** Multiplies the default standard deviation of a tensor kind. */
  readonly kindScale?: Partial<Record<TensorKind, number>>;
}

/**
 * Default standard deviation (estimate): linear 1/√fan_in (fan-in init, ≈ trained SLM weight
 * scale), embedding and meta tokens 0.02 (GPT-2/Llama init), conv 1/√kernel, bias 0.01;
 * norms and SSM parameters are offsets around their structural values (see structural()).
 */
export function defaultStd(t: TensorSpec): number {
  const { cols } = matrixDims(t);
  switch (t.kind) {
    case 'linear': return 1 / Math.sqrt(cols);
    case 'embedding': case 'meta_tokens': return 0.02;
    case 'conv': return 1 / Math.sqrt(t.shape[t.shape.length - 1] ?? 1);
    case 'bias': return 0.01;
    case 'norm': return 0.05;
    case 'ssm': return 0.05;
  }
}

/** Structural mean of element i: 1 for norm weights and D, log(1+state index) for A_log, else 0. */
function structural(t: TensorSpec, col: number): number {
  if (t.kind === 'norm') return t.id.endsWith('.bias') ? 0 : 1;
  if (t.kind === 'ssm') return t.id.includes('A_log') ? Math.log(1 + col) : 1;
  return 0;
}

/** One unit-variance draw. */
function draw(rng: Rng, dist: WeightDistribution, dof: number): number {
  switch (dist) {
    case 'gaussian': return rng.normal();
    case 'laplace': {
      const u = rng.next() - 0.5;
      return (-Math.sign(u) * Math.log(1 - 2 * Math.abs(u))) / Math.SQRT2;
    }
    case 'student-t': {
      let chi = 0;
      for (let k = 0; k < dof; k++) { const z = rng.normal(); chi += z * z; }
      return (rng.normal() / Math.sqrt(chi / dof)) * Math.sqrt((dof - 2) / dof);
    }
  }
}

/** Rows [start, end) of a tensor (as a [rows, cols] matrix), row-major. */
export function syntheticRows(t: TensorSpec, o: SyntheticOptions, start: number, end: number): Float32Array {
  const { rows, cols } = matrixDims(t);
  if (start < 0 || end > rows || start > end) throw new Error(`syntheticRows: rows [${start}, ${end}) outside [0, ${rows}) of ${t.id}`);
  const dof = o.dof ?? 4;
  if (o.distribution === 'student-t' && (!Number.isInteger(dof) || dof < 3)) throw new Error(`syntheticRows: Student-t dof must be an integer >= 3, got ${dof}`);
  const std = defaultStd(t) * (o.kindScale?.[t.kind] ?? 1);
  const out = new Float32Array((end - start) * cols);
  for (let r = start; r < end; r++) {
    const rng = rngFor(o.seed, `weights/${t.id}/r${r}`);
    const base = (r - start) * cols;
    if (t.kind === 'norm' || t.kind === 'ssm') {
      for (let c = 0; c < cols; c++) out[base + c] = structural(t, c) + std * draw(rng, o.distribution, dof);
    } else if (o.distribution === 'gaussian') {
      for (let c = 0; c < cols; c++) out[base + c] = std * rng.normal();
    } else {
      for (let c = 0; c < cols; c++) out[base + c] = std * draw(rng, o.distribution, dof);
    }
  }
  return out;
}

/** A whole tensor. */
export function syntheticTensor(t: TensorSpec, o: SyntheticOptions): Float32Array {
  return syntheticRows(t, o, 0, matrixDims(t).rows);
}

/** Tensors one at a time (never a whole model in memory unless the caller keeps them). */
export function* syntheticWeights(inv: Iterable<TensorSpec>, o: SyntheticOptions): Generator<{ spec: TensorSpec; data: Float32Array }> {
  for (const spec of inv) yield { spec, data: syntheticTensor(spec, o) };
}
