/**
 * `qmcsim run FILE --analytic`: evaluates the run configuration with the closed-form roofline model
 * (src/arch/analytic.ts) instead of the event-driven replay and prints it, titled as analytic (text)
 * or with `"mode": "analytic"` (--json). A placement that does not fit exits 1, as `run` does.
 */
import { canonicalJson } from '../../config/dump.js';
import { ConfigErrors, isUserError, UserError } from '../../config/errors.js';
import { tryAnalyticConfig, type AnalyticReport } from '../../arch/analytic.js';
import type { RunConfig } from '../../arch/run-config.js';
import { formatQuantity } from '../../units/format.js';
import { err, out, setExitCode } from '../io.js';
import { ExitCode } from '../errors.js';

const t = (ps: number): string => formatQuantity(ps, 'time');
const e = (pj: number): string => formatQuantity(pj, 'energy');
const b = (n: number): string => formatQuantity(n, 'size');

/** Human-readable lines of an analytic report. */
export function formatAnalyticReport(r: AnalyticReport): string[] {
  const m = r.metrics;
  const lines = [
    `ANALYTIC ESTIMATE (roofline, not simulated) ${r.name}: model ${r.model}, quantizer ${r.quant} (${r.steps} steps; a step is a layer, the embedding or the head)`,
    `latency per token   ${t(m.latencyPerTokenPs ?? 0)}  (lower bound: bytes / min(device peak, link) + one unloaded latency per step)`,
    `energy per token    ${e(m.energyPerTokenPj ?? 0)} = device ${e(m.energyDevicePj ?? 0)} + interconnect ${e(m.energyInterconnectPj ?? 0)}`,
    'memory    bytes        bandwidth      latency/step  read pJ/bit  write pJ/bit  time        device energy',
  ];
  for (const x of r.memories) {
    lines.push(`  ${x.id.padEnd(8)}${b(x.bytesRead + x.bytesWritten).padStart(11)}  ${(formatQuantity(x.bandwidth, 'bandwidth')).padStart(12)}  ${t(x.latencyPs).padStart(11)}  ${x.readEnergyPerBitPj.toPrecision(4).padStart(11)}  ${x.writeEnergyPerBitPj.toPrecision(4).padStart(12)}  ${t(x.timePs).padStart(10)}  ${e(x.deviceEnergyPj)}`);
  }
  lines.push('  (latency and pJ/bit from a probe burst on an idle device; time: the memory\'s roofline time summed over steps)');
  lines.push(`not modelled (run without --analytic for these): ${r.notModelled.join('; ')}`);
  return lines;
}

/** The `--analytic` branch of `qmcsim run`: evaluates `cfg` and prints the analytic report. */
export function runAnalytic(file: string, cfg: RunConfig, seed: number, opts: { readonly json?: boolean; readonly out?: string }): void {
  if (opts.out !== undefined) throw new UserError('qmcsim run: --out: not available with --analytic (result.json holds simulated results; use --analytic --json > FILE)');
  let r: ReturnType<typeof tryAnalyticConfig>;
  try {
    r = tryAnalyticConfig(cfg, { seed });
  } catch (x) {
    if (isUserError(x) && !(x instanceof ConfigErrors)) throw new UserError(`qmcsim run: ${file}: ${x.message}`);
    throw x;
  }
  if (!r.ok) {
    err(`qmcsim run: ${file}: ${r.message}`);
    setExitCode(ExitCode.CheckFailed);
    return;
  }
  if (opts.json === true) out(canonicalJson(r.report, 2));
  else for (const line of formatAnalyticReport(r.report)) out(line);
}
