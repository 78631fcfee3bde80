/** Test drivers for the LPDDR5 device: replay timed requests with back-pressure, collect completions. */
import fc from 'fast-check';
import { Engine } from '../../../src/engine/index.js';
import { StatScope } from '../../../src/engine/stats.js';
import { CommandChecker, createLpddr5, type CommandObserver, type Lpddr5Device, type Lpddr5Params } from '../../../src/devices/dram/index.js';
import type { Ps } from '../../../src/units/quantity.js';

export interface Op {
  readonly at: number;
  readonly addr: number;
  readonly size: number;
  readonly write: boolean;
}
export interface RunResult {
  readonly engine: Engine;
  readonly device: Lpddr5Device;
  readonly checker: CommandChecker;
  readonly done: Map<number, number>;
  readonly stats: StatScope;
}

/** Offers each op at its time (ops sorted by time); refused ops wait in order for the retry hook. */
export function runOps(params: Lpddr5Params, ops: readonly Op[], opts: { until?: number; check?: boolean; onCommand?: CommandObserver } = {}): RunResult {
  const engine = new Engine();
  const stats = StatScope.root();
  const device = createLpddr5(engine, params, 'dram', stats.child('dram'));
  const checker = new CommandChecker(device.cfg.org, device.cfg.timings);
  const seen = opts.onCommand;
  if (opts.check !== false) device.setCommandObserver(seen === undefined ? checker.observe : (...a) => { checker.observe(...a); seen(...a); });
  const done = new Map<number, number>();
  device.setCompletion((id, t) => {
    if (done.has(id)) throw new Error(`request ${id} completed twice`);
    done.set(id, t);
  });
  const waiting: number[] = [];
  const pump = (): void => {
    while (waiting.length > 0) {
      const i = waiting[0]!;
      const o = ops[i]!;
      if (!device.offer(i, o.addr, o.size, o.write, 0)) return;
      waiting.shift();
    }
  };
  device.setRetry(pump);
  ops.forEach((o, i) => engine.at(o.at as Ps, () => { waiting.push(i); pump(); }));
  engine.run(opts.until !== undefined ? { until: opts.until as Ps } : {});
  device.counts(); // brings deferred refreshes up to now
  checker.finish(engine.now);
  return { engine, device, checker, done, stats };
}

/** fast-check arbitraries of the controller settings property tests vary: ranks, refresh mode, page policy. */
export const controllerSettings = {
  ranks: fc.constantFrom(1, 2),
  refresh: fc.constantFrom('all-bank' as const, 'per-bank' as const),
  pagePolicy: fc.constantFrom('open' as const, 'closed' as const),
};
