/**
 * Reading a stored point's `violated` column back into constraint names (the sweep report's
 * `--json` output lists them per point).
 */
import type { SweepSpec } from './spec-types.js';

/**
 * The constraint names of a stored `violated` column (names joined with ',', in the sweep's order):
 * read against the sweep's constraint names, so a name holding a comma stays whole.
 */
export function violatedNames(spec: SweepSpec, stored: string): string[] {
  const out: string[] = [];
  let rest = stored;
  for (const c of spec.constraints) {
    if (rest === c.name || rest.startsWith(`${c.name},`)) {
      out.push(c.name);
      rest = rest.slice(c.name.length + 1);
    }
  }
  return rest === '' ? out : stored.split(','); // stored by a sweep file with other constraints
}
