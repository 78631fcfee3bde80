/**
 * Paper-claim comparison: a claim's paper value, the simulated value, their ratio, the relative
 * tolerance and pass/fail. Informational claims (the paper's number cannot be reproduced from its
 * own parameters) are reported with their gap but never fail the run.
 */
import type { Table } from './table.js';

export interface ClaimSpec {
  /** Stable id, e.g. 'latency-vs-fp16'. */
  readonly id: string;
  /** What is compared, in words. */
  readonly title: string;
  /** The paper's value; null when there is none (new models). */
  readonly paper: number | null;
  /** Unit of both values ('x' for ratios, 'mm^2' for areas). */
  readonly unit: string;
  /** Relative tolerance, e.g. 0.03 for 3 %. */
  readonly tolerance: number;
  /** Required claims decide the exit code; informational ones only report their gap. */
  readonly required: boolean;
  /** Where the paper states it (section/table). */
  readonly source: string;
  /** Printed with the result: why the simulated value may differ. */
  readonly note?: string | undefined;
  /**
   * 'paper' (default): the paper states the value. 'reconstruction': our closed-form estimate of a
   * figure the paper does not state (qmc-paper.md RECON); the table says so under the claims.
   */
  readonly basis?: ClaimBasis | undefined;
}

/** Where a claim's reference value comes from. */
export type ClaimBasis = 'paper' | 'reconstruction';

export interface ClaimResult {
  readonly id: string;
  readonly title: string;
  readonly paper: number | null;
  readonly simulated: number;
  readonly unit: string;
  readonly tolerance: number;
  /** simulated / paper, or null without a paper value. */
  readonly ratio: number | null;
  /** |ratio − 1| ≤ tolerance; null when there is nothing to compare against. */
  readonly pass: boolean | null;
  readonly required: boolean;
  /** Free text, e.g. the gap and the parameter value that would close it. */
  readonly note?: string;
  /** Where the reference value comes from (see ClaimSpec.basis). */
  readonly basis: ClaimBasis;
}

/** Compares one simulated value with its claim. */
export function compareClaim(spec: ClaimSpec, simulated: number, note?: string): ClaimResult {
  const ratio = spec.paper === null || spec.paper === 0 ? null : simulated / spec.paper;
  const pass = ratio === null || !Number.isFinite(simulated) ? (ratio === null ? null : false)
    : Math.abs(ratio - 1) <= spec.tolerance + 1e-12;
  return {
    id: spec.id, title: spec.title, paper: spec.paper, simulated, unit: spec.unit,
    tolerance: spec.tolerance, ratio, pass, required: spec.required, basis: spec.basis ?? 'paper',
    ...(note !== undefined ? { note } : {}),
  };
}

/** True when every required claim with a paper value passes. */
export function requiredClaimsPass(results: readonly ClaimResult[]): boolean {
  return results.every((r) => !r.required || r.pass !== false);
}

function informationalPart(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const list = ids.length <= 3 ? ` (${ids.join(', ')})` : '';
  return `; the other ${ids.length} ${ids.length === 1 ? 'is' : 'are'} informational${list}`;
}

/** The claims as a report table (claim, paper, simulated, ratio, tolerance, pass/fail). */
export function claimsTable(results: readonly ClaimResult[], title: string, id = 'claims'): Table {
  const required = results.filter((r) => r.required && r.pass !== null);
  const passed = required.filter((r) => r.pass === true).length;
  const verdict = required.length === 0
    ? `no required claim has a reference value here: all ${results.length} ${results.length === 1 ? 'is' : 'are'} informational`
    : `required claims: ${passed} of ${required.length} pass${passed === required.length ? '' : ` (failing: ${required.filter((r) => r.pass !== true).map((r) => r.id).join(', ')})`}${informationalPart(results.filter((r) => !(r.required && r.pass !== null)).map((r) => r.id))}`;
  const notes = [verdict, ...results.filter((r) => r.note).map((r) => `${r.id}: ${r.note ?? ''}`)];
  const recon = results.filter((r) => r.basis === 'reconstruction' && r.paper !== null).map((r) => r.id);
  if (recon.length > 0) {
    notes.push(`not paper figures: the reference values of ${recon.join(', ')} are reconstructions (closed forms from the paper's parameters, qmc-paper.md RECON); the paper does not state them`);
  }
  return comparisonTable(results, id, title, ['claim', 'paper', 'sim/paper'], notes);
}

/** Result word of a row; a reconstructed reference (not a paper figure) is marked in the row itself, so the CSV (no notes) says it too. */
function resultWord(r: ClaimResult): string {
  if (r.pass === null) return '-';
  if (r.basis === 'reconstruction') return r.pass ? 'PASS (recon)' : 'gap (recon)';
  return r.pass ? 'PASS' : r.required ? 'FAIL' : 'gap (info)';
}

/** The rows of compared figures under the headers (name, reference, ratio) given. */
function comparisonTable(results: readonly ClaimResult[], id: string, title: string, [name, reference, ratio]: readonly [string, string, string], notes: string[]): Table {
  return {
    id, title,
    columns: [
      { key: 'id', header: name }, { key: 'unit', header: 'unit' },
      { key: 'paper', header: reference }, { key: 'simulated', header: 'simulated' },
      { key: 'ratio', header: ratio }, { key: 'tolerance', header: 'tolerance' },
      { key: 'result', header: 'result' },
    ],
    rows: results.map((r) => ({
      id: r.id, unit: r.unit, paper: r.paper, simulated: r.simulated, ratio: r.ratio,
      tolerance: `±${(r.tolerance * 100).toFixed(0)}%`, result: resultWord(r),
    })),
    notes,
  };
}

/**
 * Figures whose reference is our closed-form reconstruction from the paper's parameters (basis
 * 'reconstruction'), not a figure the paper states: kept out of the claims table so that "every
 * claim" means a paper claim, and shown in a table of their own with their tolerance and gap.
 */
export function reconstructionsTable(results: readonly ClaimResult[], title: string, id = 'reconstructions'): Table {
  const notes = [
    `not paper claims: the reference values are reconstructions (closed forms from the paper's parameters, qmc-paper.md RECON); the paper does not state them, so they are informational and never decide the exit code`,
    ...results.filter((r) => r.note).map((r) => `${r.id}: ${r.note ?? ''}`),
  ];
  return comparisonTable(results.map((r) => ({ ...r, basis: 'reconstruction' as const })), id, title, ['figure', 'reconstruction', 'sim/recon'], notes);
}

/**
 * The `--json` shape the issue fixes, { id, paper, simulated, unit, tolerance, pass }, plus what a
 * reader needs to tell which claims decide the exit code: `required` (the exit code is 1 when a
 * required claim fails) and `basis` ('paper': the paper states the value; 'reconstruction': our
 * closed form, qmc-paper.md §4 RECON, informational).
 */
export function claimsJson(results: readonly ClaimResult[]): {
  id: string; paper: number | null; simulated: number; unit: string; tolerance: number; pass: boolean | null; required: boolean; basis: ClaimBasis;
}[] {
  return results.map((r) => ({ id: r.id, paper: r.paper, simulated: r.simulated, unit: r.unit, tolerance: r.tolerance, pass: r.pass, required: r.required, basis: r.basis }));
}
