/**
 * Design-space search by replay: for every (MRAM channels, ReRAM arrays per bank) candidate, run the
 * configuration through the event-driven replay, keep those whose QMC Eq. 4 weight-read power is
 * under the budget, and pick the lowest simulated latency per token (ties: lower power). The
 * closed-form ranking in power-budget.ts is a quick pre-filter; this one reports replayed values.
 */
import type { RunConfig } from './run-config.js';
import { runConfig, type RunOptions } from './run.js';

export interface DesignCandidate {
  readonly mramChannels: number;
  readonly reramArraysPerBank: number;
  readonly latencyPs: number;
  readonly powerW: number;
  readonly energyPj: number;
  readonly withinBudget: boolean;
}

export interface DesignSearch {
  /** Memory ids of the MRAM and ReRAM memories whose devices are varied. */
  readonly mram: string;
  readonly reram: string;
  readonly mramChannels: readonly number[];
  readonly reramArraysPerBank: readonly number[];
  readonly budgetW: number;
}

/** `cfg` with the device parameter `key` of memory `id` set to `value`. */
function withDevice(cfg: RunConfig, id: string, key: string, value: number): RunConfig {
  const memories = cfg.soc.memories.map((m) => (m.id === id ? { ...m, device: { ...m.device, [key]: value } } : m));
  if (!memories.some((m) => m.id === id)) throw new Error(`design search: no memory '${id}' in soc ${cfg.soc.name}`);
  return { ...cfg, soc: { ...cfg.soc, memories } };
}

/** Replays every candidate; returns all of them and the best one within the budget (if any). */
export function searchDesign(cfg: RunConfig, s: DesignSearch, opts: RunOptions): { readonly best: DesignCandidate | undefined; readonly candidates: readonly DesignCandidate[] } {
  const candidates: DesignCandidate[] = [];
  for (const ch of s.mramChannels) for (const ar of s.reramArraysPerBank) {
    const c = withDevice(withDevice(cfg, s.mram, 'channels', ch), s.reram, 'arraysPerBank', ar);
    const m = runConfig(c, opts).metrics;
    const powerW = m.weightReadPowerW ?? 0;
    candidates.push({
      mramChannels: ch, reramArraysPerBank: ar, latencyPs: m.latencyPerTokenPs ?? 0, powerW,
      energyPj: m.energyPerTokenPj ?? 0, withinBudget: powerW < s.budgetW,
    });
  }
  let best: DesignCandidate | undefined;
  for (const c of candidates) {
    if (!c.withinBudget) continue;
    if (!best || c.latencyPs < best.latencyPs || (c.latencyPs === best.latencyPs && c.powerW < best.powerW)) best = c;
  }
  return { best, candidates };
}
