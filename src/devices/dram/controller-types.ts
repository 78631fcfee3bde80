/**
 * Configuration and interfaces of the LPDDR5 channel controller (controller.ts): scheduler and page
 * policy kinds, queue sizes and watermarks, what it needs from its host, and the command observer.
 */
import type { RefreshMode } from './refresh.js';
import type { Lpddr5Org, TimingValues } from './lpddr5-spec.js';

export type SchedulerKind = 'fr-fcfs' | 'fcfs';
export type PagePolicy = 'open' | 'closed';

export interface ControllerConfig {
  readonly org: Lpddr5Org;
  readonly timings: TimingValues;
  readonly scheduler: SchedulerKind;
  readonly pagePolicy: PagePolicy;
  readonly refresh: RefreshMode;
  readonly readQueue: number;
  readonly writeQueue: number;
  /** Enter write drain at this many queued writes; leave it at or below the low mark. */
  readonly writeHigh: number;
  readonly writeLow: number;
  /** Idle time (ps) after the channel's last data transfer before power-down / self-refresh; Infinity or absent: never (power-controller.ts). */
  readonly powerDownAfter?: number;
  readonly selfRefreshAfter?: number;
}

/** What the controller needs from its owner (the multi-channel device); service() returns its next wake-up instead. */
export interface ControllerHost {
  requestWake(channel: number, timePs: number): void;
  complete(channel: number, reqId: number, parent: number, arrivalPs: number, donePs: number, isWrite: boolean): void;
}

/**
 * Receives every issued command. For PREA/REFab bg = bank = -1; for REFpb bg = -1 and bank = the pair
 * index (banks p and p+8 in 16-bank modes); row = -1 for non-row commands.
 */
export type CommandObserver = (channel: number, rank: number, bankGroup: number, bank: number, row: number, cmd: number, timePs: number) => void;
