/**
 * Replays steps (layers) through the SoC: all of a step's streams start together, the step ends
 * when every byte has arrived and its compute (overlapped with streaming) is done, plus the weight
 * controller's clock-domain-crossing merge when a layer's weights come from more than one memory
 * (QMC Eq. 3: T = max(T_mram, T_reram) + T_sync). With layer reuse, a step whose signature was
 * already replayed is not simulated: the mean measured deltas of its simulated instances (time,
 * bytes, device action counts, port/link statistics, bit errors) are added instead, the first
 * (warm-up) instance left out and times kept in integer ps.
 */
import type { Engine } from '../engine/engine.js';
import type { Soc } from './soc.js';
import type { Step } from './steps.js';
import type { Stream } from './stream.js';
import { addReused, byPosition, combine, diff, emptySnapshot, roundTimes, scale, snapshot, type SocSnapshot } from './snapshot.js';

/**
 * Default reuse window: instances of a layer are simulated until they cover this much simulated
 * time (100 µs ≈ 25 LPDDR5 refresh intervals of 3.9 µs), and reused layers get the mean of those
 * instances, so periodic device events (refresh) are averaged instead of copied from one phase.
 * The first instance of a signature is simulated but not counted: it follows a step of another
 * kind (the embedding) and starts from drained queues, while every reused instance follows one of
 * its own kind (fp16 on LPDDR5: 0.7 % shorter, with 0.7 % less device latency, than the later layers).
 */
export const DEFAULT_REUSE_WINDOW_PS = 100_000_000;

export interface ReplayOptions {
  readonly layerReuse: boolean;
  /** Simulated time a layer signature must accumulate before it is reused (default 100 µs). */
  readonly reuseWindowPs?: number;
  /** Compute time of a step, ps (0 when compute is off). */
  readonly computePs: (step: Step) => number;
  /** Merge cost when a step's weights come from ≥ 2 memories, ps. */
  readonly syncPs: number;
  readonly onProgress?: (fraction: number) => void;
}

export interface StepTiming {
  readonly layer: number;
  readonly startPs: number;
  readonly durationPs: number;
  /** Time the last byte of the step's streams arrived, relative to the step start. */
  readonly streamPs: number;
  readonly computePs: number;
  readonly reused: boolean;
  /** Per memory id: time its last byte of this step arrived, relative to the step start. */
  readonly streamPsByMemory: Readonly<Record<string, number>>;
}

export interface ReplayResult {
  /** Token time: simulated time plus reused steps' durations, ps. */
  readonly totalPs: number;
  readonly simulatedPs: number;
  readonly steps: readonly StepTiming[];
  /** Additive statistics of reused steps (zero without reuse). */
  readonly reused: SocSnapshot;
  readonly reusedSteps: number;
  /** Engine events fired during the replay (performance accounting). */
  readonly events: number;
}

/** Runs `steps` to completion on `soc` (the engine must be otherwise idle). */
export function replay(engine: Engine, soc: Soc, steps: readonly Step[], opts: ReplayOptions): ReplayResult {
  const timings: StepTiming[] = [];
  /** Per signature: sum of simulated instances' deltas (position-keyed), count, summed timing. */
  // (n = 0 after the warm-up instance; `uses` counts reuses, for rounding times to integer ps)
  const reps = new Map<string, { sum: SocSnapshot; n: number; uses: number; durationPs: number; streamPs: number; computePs: number; byMem: Record<string, number> }>();
  const window = opts.reuseWindowPs ?? DEFAULT_REUSE_WINDOW_PS;
  const ready = (sig: string): boolean => {
    const r = reps.get(sig);
    return r !== undefined && r.n > 0 && r.durationPs >= window;
  };
  let reused: SocSnapshot = emptySnapshot(soc);
  let reusedPs = 0;
  let reusedSteps = 0;
  let i = 0;

  const tagsOf = (step: Step): number[] => step.streams.map((s) => soc.ledger.tagFor(s.tensor, s.role, s.part, s.memory));

  const launch = (): void => {
    for (; i < steps.length; i++) {
      const step = steps[i] as Step;
      if (!opts.layerReuse || !ready(step.signature)) break;
      const rep = reps.get(step.signature)!;
      // Reuse: the mean of the simulated instances, per-tag entries mapped by stream position.
      const f = 1 / rep.n;
      reused = addReused(reused, scale(rep.sum, f), tagsOf(step));
      // Times in integer ps: the u-th reuse gets round(u·mean) − round((u−1)·mean), so the reused
      // steps of a signature sum to their mean total within 0.5 ps.
      const u = ++rep.uses;
      const share = (sum: number): number => Math.round((sum * u) / rep.n) - Math.round((sum * (u - 1)) / rep.n);
      const durationPs = share(rep.durationPs);
      reusedPs += durationPs;
      reusedSteps++;
      const byMem: Record<string, number> = {};
      for (const [k, v] of Object.entries(rep.byMem)) byMem[k] = share(v);
      timings.push({ layer: step.layer, startPs: -1, durationPs, streamPs: share(rep.streamPs), computePs: share(rep.computePs), reused: true, streamPsByMemory: byMem });
      opts.onProgress?.((i + 1) / steps.length);
    }
    if (i >= steps.length) return;
    const step = steps[i] as Step;
    const tags = tagsOf(step);
    const capture = opts.layerReuse;
    const before = capture ? snapshot(soc, tags) : undefined;
    const start = engine.now as number;
    const computePs = opts.computePs(step);
    const weightMems = new Set(step.streams.filter((s) => s.kind === 'weight').map((s) => s.memory));
    const sync = weightMems.size >= 2 ? opts.syncPs : 0;
    let pending = step.streams.length;
    let lastArrival = start;
    const byMem: Record<string, number> = {};
    const finish = (): void => {
      const streamEnd = lastArrival;
      const end = Math.max(streamEnd, start + computePs) + sync;
      engine.schedule(end, () => {
        const timing: StepTiming = { layer: step.layer, startPs: start, durationPs: end - start, streamPs: streamEnd - start, computePs, reused: false, streamPsByMemory: byMem };
        timings.push(timing);
        if (before) {
          const d = byPosition(diff(snapshot(soc, tags), before));
          const r = reps.get(step.signature);
          // the warm-up instance: simulated, not counted
          if (!r) reps.set(step.signature, { sum: emptySnapshot(soc), n: 0, uses: 0, durationPs: 0, streamPs: 0, computePs: 0, byMem: {} });
          else {
            r.sum = combine(r.sum, d, 1);
            r.n++;
            r.durationPs += timing.durationPs;
            r.streamPs += timing.streamPs;
            r.computePs += computePs;
            for (const [k, v] of Object.entries(byMem)) r.byMem[k] = (r.byMem[k] ?? 0) + v;
          }
        }
        i++;
        opts.onProgress?.(i / steps.length);
        launch();
      });
    };
    const onDone = (s: Stream): void => {
      if (s.lastArrivalPs > lastArrival) lastArrival = s.lastArrivalPs;
      const rel = s.lastArrivalPs - start;
      if (rel > (byMem[s.port.id] ?? 0)) byMem[s.port.id] = rel;
      if (--pending === 0) finish();
    };
    if (pending === 0) {
      finish();
      return;
    }
    step.streams.forEach((s, k) => {
      soc.stream(s.memory, soc.initiator(s.initiator), s.base, s.bytes, s.isWrite, tags[k] as number, onDone);
    });
  };

  const events0 = engine.eventsProcessed;
  engine.schedule(engine.now as number, launch);
  engine.run();
  if (i < steps.length) throw new Error(`replay stalled at step ${i} of ${steps.length} (layer ${steps[i]?.layer}): requests never completed`);
  const simulatedPs = engine.now as number;
  return { totalPs: simulatedPs + reusedPs, simulatedPs, steps: timings, reused: roundTimes(reused), reusedSteps, events: engine.eventsProcessed - events0 };
}
