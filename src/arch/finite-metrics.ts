/**
 * Guard on a run's priced results: every metric must be a finite number. Inputs that are each
 * finite but absurd (a link at 1e300 pJ/bit) overflow when counts are priced after the run, and the
 * report printed "energy per token Infinity" with exit 0. The error names the first such metric and
 * the configuration keys it is priced from.
 */
import { UserError } from '../config/errors.js';
import type { RunConfig } from './run-config.js';

/** The keys a metric is computed from, in the user's terms, for the error message. */
function inputsOf(metric: string, cfg: RunConfig): string {
  const [family, id] = metric.split('.', 2) as [string, string | undefined];
  const mem = cfg.soc.memories.findIndex((m) => m.id === id);
  const at = mem >= 0 ? `soc.memories[${mem}]` : `soc.memories[${id ?? '?'}]`;
  switch (family) {
    case 'energyInterconnectPjByLink':
      return id === 'bus' ? 'soc.interconnect.bus.energyPerBit' : `${at}.link.energyPerBit`;
    case 'energyDevicePjByMemory':
      return `the energy table of ${at}.device (per-action energies, background power)`;
    case 'energyCdcPj':
      return 'soc.weightController.cdcPower';
    case 'weightReadPowerW':
      return 'the read energies per bit and bandwidths of the memories holding weights (links and devices)';
    default:
      return 'the energies, powers and bandwidths of the SoC and its devices';
  }
}

/** Throws a UserError (exit 2) when a metric is Infinity or NaN. */
export function checkFiniteMetrics(m: Readonly<Record<string, number>>, cfg: RunConfig): void {
  const bad = Object.keys(m).sort().filter((k) => !Number.isFinite(m[k]));
  if (bad.length === 0) return;
  // the most specific metric first: a per-memory or per-link one names the key to fix
  const first = bad.find((k) => k.includes('.')) ?? bad[0]!;
  throw new UserError(`run ${cfg.name}: ${first} is ${m[first]} (${bad.length} metric(s) not finite): the values it is priced from are too large to compute with; check ${inputsOf(first, cfg)}`);
}
