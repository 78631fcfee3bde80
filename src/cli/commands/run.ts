/**
 * `qmcsim run FILE [--set k=v] [--seed N] [--out DIR] [--json] [--layer-reuse] [--analytic]`: replays one run
 * configuration (SoC + model + quantizer + placement + decode phase) and prints latency per token,
 * energy per token with its breakdown, bytes per memory and bit-error statistics. A placement that
 * does not fit prints one line naming region, need and capacity and exits 1.
 */
import { dirname } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigErrors, isUserError, UserError } from '../../config/errors.js';
import { canonicalJson, writeResolved } from '../../config/dump.js';
import { loadRunConfig, registerArchKinds } from '../../arch/run-config.js';
import { resolvedRun } from '../../arch/resolved-run.js';
import { tryRunConfig, type RunReport } from '../../arch/run.js';
import { formatQuantity } from '../../units/format.js';
import { err, out, setExitCode } from '../io.js';
import { ExitCode } from '../errors.js';
import { checkOutDir } from '../out-dir.js';
import { writeResultSet } from '../result-set.js';
import { runAnalytic } from './run-analytic.js';

interface RunCliOptions {
  readonly set: string[];
  readonly seed?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly layerReuse?: boolean;
  readonly analytic?: boolean;
}

function parseSeed(s: string | undefined): number {
  if (s === undefined) return 1;
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UserError(`--seed: expected a non-negative integer, found '${s}'`);
  return Number(s);
}

const t = (ps: number): string => formatQuantity(ps, 'time');
const e = (pj: number): string => formatQuantity(pj, 'energy');
const b = (n: number): string => formatQuantity(n, 'size');
/** A count rounded to an integer; '≈' marks a scaled estimate (layer reuse; a mean of zeros stays exact). */
const count = (n: number, scaled: boolean): string => `${scaled && n !== 0 ? '≈' : ''}${Math.round(n)}`;

/** The batch (sequences per decode step) a report was run with: energy per step over energy per token. */
function batchOf(m: Readonly<Record<string, number>>): number {
  const step = m.energyPerStepPj;
  const token = m.energyPerTokenPj;
  return step !== undefined && token !== undefined && token > 0 ? Math.max(1, Math.round(step / token)) : 1;
}

/**
 * Two powers formatted with the same number of significant digits, enough (4 to 12) that the
 * printed values compare as the numbers do (4.997 W vs 5 W is '4.997 W < 5 W', not '5.00 W < 5 W').
 */
export function comparablePowers(a: number, b: number): [string, string] {
  let digits = 4;
  const f = (v: number): string => formatQuantity(v, 'power', digits);
  while (digits < 12 && a !== b && f(a) === f(b)) digits += 1;
  return [f(a), f(b)];
}

/**
 * Human-readable report lines. `batch`: sequences per decode step (default: read off the report's
 * energy per step and per token).
 */
export function formatRunReport(r: RunReport, batch = batchOf(r.metrics)): string[] {
  const m = r.metrics;
  const lines: string[] = [];
  lines.push(`run ${r.name}: model ${r.model}, quantizer ${r.quant} (seed ${r.seed}${r.layerReuse.reusedSteps > 0 ? `, ${r.layerReuse.reusedSteps} of ${r.layerReuse.reusedSteps + r.layerReuse.simulatedSteps} steps reused; a step is a layer, the embedding or the head` : ''})`);
  lines.push(`latency per token   ${t(m.latencyPerTokenPs ?? 0)}`);
  // device and interconnect energy are per decode step; a step yields one token per sequence
  const sum = `device ${e(m.energyDevicePj ?? 0)} + interconnect ${e(m.energyInterconnectPj ?? 0)}`;
  lines.push(`energy per token    ${e(m.energyPerTokenPj ?? 0)} = ${batch > 1 ? `(${sum}) per step / batch ${batch}` : sum}`);
  for (const d of r.energy.devices) {
    const parts = Object.entries(d.parts).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${e(v)}`).join(', ');
    lines.push(`  ${d.memory.padEnd(8)} ${e(d.totalPj).padStart(10)}  [${d.table}] ${parts}`);
  }
  for (const l of r.energy.interconnect) if (l.bytes > 0) lines.push(`  link ${l.link.padEnd(8)} ${e(l.energyPj).padStart(10)}  ${b(l.bytes)} × 8 × ${l.energyPerBitPj} pJ/bit`);
  if (r.energy.cdcPj > 0) lines.push(`  clock-domain crossing ${e(r.energy.cdcPj)}`);
  lines.push('memory    bytes        accesses   busy         stream time  queueing  stall');
  // With layer reuse, queueing delay and stall are estimates ('~', bound in the note below).
  const est = r.layerReuse.estimates;
  const mark = est.length > 0 ? '~' : '';
  for (const mem of r.memories) {
    const q = r.queueing.find((x) => x.memory === mem.id);
    lines.push(`  ${mem.id.padEnd(8)}${b(mem.bytesRead + mem.bytesWritten).padStart(11)} ${String(mem.accesses).padStart(10)}  ${t(mem.busyPs).padStart(11)}  ${t(mem.streamPs).padStart(11)}  ${(mark + t(q?.meanQueueingDelayPs ?? 0)).padStart(8)}  ${mark}${t(q?.stallPs ?? 0)}`);
  }
  if (r.memories.length > 0) lines.push('  (busy: summed over each memory\'s channels, banks or arrays, so it can exceed the token time; stream time: from each step\'s start to the memory\'s last data, summed over steps)');
  if (est.length > 0) {
    const stall = est.filter((x) => x.metric.startsWith('stallPs')).map((x) => `${x.metric.slice(x.metric.indexOf('.') + 1)} ±${t(x.boundPs)}`).join(', ');
    lines.push(`  (~ layer-reuse estimate, phase-sensitive: queueing delay ±2 %, link wait ±20 %, stall ${stall}; run without --layer-reuse for exact values)`);
  }
  lines.push(`external transfers  ${b(m.externalBytes ?? 0)}; weight bytes ${b(m.weightBytes ?? 0)}; KV bytes ${b(m.kvBytes ?? 0)}`);
  const errs = Object.entries(r.bitErrors.byMemory);
  if (errs.length === 0) lines.push('bit errors          none sampled (no noise model attached)');
  // With layer reuse, reused layers add the mean of their simulated instances: the counts are
  // scaled estimates (fractional); printed rounded with '≈', full precision in --json.
  const scaled = r.layerReuse.reusedSteps > 0;
  for (const [id, x] of errs) {
    lines.push(`bit errors ${id.padEnd(8)} ${count(x.bitErrors, scaled)} of ${count(x.bitsRead, false)} bits read (${scaled && x.bitErrors !== 0 ? 'scaled estimate, ' : ''}BER ${(x.bitsRead > 0 ? x.bitErrors / x.bitsRead : 0).toExponential(3)}, expected ${x.expectedBitErrors.toFixed(1)})`);
  }
  lines.push(...bitErrorsByRole(r));
  if (r.powerBudget) {
    const [power, budget] = comparablePowers(r.powerBudget.powerW, r.powerBudget.budgetW);
    lines.push(`power budget (QMC Eq. 4): weight reads ${power} ${r.powerBudget.ok ? '<' : '≥'} ${budget}: ${r.powerBudget.ok ? 'ok' : 'OVER BUDGET'}`);
  }
  const design = r.estimates.filter((x) => x.value !== 'preset');
  const preset = r.estimates.filter((x) => x.value === 'preset');
  if (design.length > 0) {
    lines.push(`estimated design values (${design.length}):`);
    // an override that changed the value (or its block) shows the value in use; the file's text follows
    for (const x of design) {
      lines.push(x.overridden === true
        ? `  ${x.param} = ${x.inUse ?? '(not set)'} (overridden: ${(x.changes ?? []).join('; ')}; the estimate was ${x.value}: ${x.derivation})`
        : `  ${x.param} = ${x.value}: ${x.derivation}`);
    }
  }
  if (preset.length > 0) {
    const byDev = new Map<string, string[]>();
    for (const x of preset) {
      const m = /^soc\.memories\[([^\]]+)\]\.(?:device\.)?(.+)$/.exec(x.param); // device.<key> → <key>; noise.<key> kept
      const k = m?.[1] ?? '?';
      byDev.set(k, [...(byDev.get(k) ?? []), m?.[2] ?? x.param]);
    }
    lines.push(`device and noise-model parameters resting on estimates (sources in result.json):`);
    for (const [k, v] of byDev) lines.push(`  ${k}: ${v.join(', ')}`);
  }
  return lines;
}

export function register(program: Command): void {
  registerArchKinds();
  program
    .command('run')
    .description('replay one run configuration (exit 0 ok, 1 the placement does not fit, 2 bad input)')
    .argument('<file>', 'run configuration (kind: run)')
    .option('--set <path=value>', "override a value, e.g. --set 'soc.memories[1].device.arraysPerBank=8' (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--seed <n>', 'run seed (default 1)')
    .option('--out <dir>', 'write result.json and resolved.json here (atomically)')
    .option('--json', 'print the report as JSON')
    .option('--layer-reuse', 'replay identical layers once and reuse their measured results')
    .option('--analytic', 'closed-form roofline estimate instead of the replay (screening; not simulated)')
    .action((file: string, opts: RunCliOptions) => {
      const seed = parseSeed(opts.seed);
      const cfg = loadRunConfig(file, opts.set);
      if (opts.analytic === true) return runAnalytic(file, cfg, seed, opts);
      // checked now, created only when result.json is written: Ctrl-C / SIGTERM during the
      // (synchronous) run ends the process (130 / 143) and must leave no empty directories behind
      const outDir = opts.out !== undefined ? checkOutDir(opts.out, 'qmcsim run: --out') : undefined;
      const bar = progressBar(!opts.json && process.stderr.isTTY === true);
      let r: ReturnType<typeof tryRunConfig>;
      try {
        r = tryRunConfig(cfg, { seed, layerReuse: opts.layerReuse === true, onProgress: (f) => bar.update(f) });
      } catch (e) {
        // a refusal found while running (e.g. beyond the simulator's clock range) names the file
        if (isUserError(e) && !(e instanceof ConfigErrors)) throw new UserError(`qmcsim run: ${file}: ${e.message}`);
        throw e;
      } finally {
        bar.stop();
      }
      if (!r.ok) {
        err(`qmcsim run: ${file}: ${r.message}`);
        setExitCode(ExitCode.CheckFailed);
        return;
      }
      if (opts.out !== undefined) {
        const made = outDir?.create();
        const resolved = resolvedRun(cfg); // the model's content, not its path, is hashed
        try {
          // both files or neither (a full disk or a directory in the way names the file)
          writeResultSet(opts.out, 'qmcsim run: --out', (set) => {
            set.put('result.json', `${canonicalJson(r.report, 2)}\n`);
            set.write('resolved.json', (p) => writeResolved(dirname(p), resolved.config, { command: 'run', file, overrides: opts.set, seed, ...resolved.files }));
          });
        } catch (e) {
          made?.discardIfEmpty();
          throw e;
        }
      }
      if (opts.json) out(canonicalJson(r.report, 2));
      else for (const line of formatRunReport(r.report, cfg.workload.batch)) out(line);
    });
}

/** A progress bar on stderr, shown once the run has taken more than a second. */
function progressBar(enabled: boolean): { update(f: number): void; stop(): void } {
  const t0 = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(f) {
      if (!enabled) return;
      if (!bar) {
        if (Date.now() - t0 < 1000) return;
        bar = new cliProgress.SingleBar({ stream: process.stderr, hideCursor: false, format: 'run {bar} {percentage}%' }, cliProgress.Presets.shades_classic);
        bar.start(1000, 0);
      }
      bar.update(Math.round(f * 1000));
      bar.render();
    },
    stop() {
      bar?.stop();
    },
  };
}

/**
 * Bit errors per data tag, summed by memory, tensor role and stored part (the per-tensor rows are in
 * --json / result.json under bitErrors.byTag). Only tags read from a noisy device are listed.
 */
function bitErrorsByRole(r: RunReport): string[] {
  const roleOf = new Map<string, string>();
  for (const t of r.tensors) roleOf.set(`${t.tensor}|${t.part}|${t.memory}`, t.role);
  const sums = new Map<string, { bitsRead: number; bitErrors: number; expected: number; tensors: number }>();
  for (const x of r.bitErrors.byTag) {
    if (x.bitsRead === 0 || (x.expectedBitErrors === 0 && x.bitErrors === 0)) continue;
    const key = `${x.memory.padEnd(8)} ${roleOf.get(`${x.tensor}|${x.part}|${x.memory}`) ?? 'other'}/${x.part}`;
    const a = sums.get(key) ?? { bitsRead: 0, bitErrors: 0, expected: 0, tensors: 0 };
    a.bitsRead += x.bitsRead; a.bitErrors += x.bitErrors; a.expected += x.expectedBitErrors; a.tensors += 1;
    sums.set(key, a);
  }
  if (sums.size === 0) return [];
  const rows = [...sums.entries()].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const scaled = r.layerReuse.reusedSteps > 0;
  const out = [`bit errors by tag (memory role/part; per tensor in --json${scaled ? '; ≈ scaled estimates: reused layers add their simulated instances\' mean' : ''}):`];
  for (const [k, a] of rows) {
    out.push(`  ${k.padEnd(34)} ${count(a.bitErrors, scaled).padStart(10)} of ${count(a.bitsRead, false).padStart(12)} bits (BER ${(a.bitErrors / a.bitsRead).toExponential(3)}, expected ${a.expected.toFixed(1)}, ${a.tensors} tensor${a.tensors === 1 ? "" : "s"})`);
  }
  return out;
}
