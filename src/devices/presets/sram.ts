/**
 * SRAM presets. One 2 MB macro from NVMExplorer's SRAM reference (lpentecost/NVMExplorer,
 * AE_dnn_output/SRAM_1BPC-combined.csv: 22 nm, 64-bit word, 146 F² cell, NVSim results:
 * 3.676 ns read, 3.67 ns write, 4.606 / 2.565 pJ per access, 66.9 mW leakage, 1.387 mm²).
 * Banking, ports and clock are not in that source and are estimates; the latency cycles follow the clock.
 */
import type { SramParams } from '../sram/sram.js';
import type { DevicePreset } from './param-spec.js';

const NVMX = 'NVMExplorer AE_dnn_output/SRAM_1BPC-combined.csv (22 nm, 2 MB, 64-bit word)';
const READ_NS = 3.676;
const WRITE_NS = 3.67;
const DEFAULT_HZ = 1e9;

/** Whole cycles covering `ns` at `hz` (rounded up; a relative 1e-9 slack absorbs float error). */
const cyclesOf = (ns: number, hz: number): number => Math.max(1, Math.ceil(ns * 1e-9 * hz * (1 - 1e-9)));
const clockText = (hz: number): string => (hz % 1e9 === 0 ? `${hz / 1e9} GHz` : hz % 1e6 === 0 ? `${hz / 1e6} MHz` : `${hz} Hz`);

/**
 * 2 MB SRAM scratchpad after NVMExplorer's SRAM reference array, clocked at `hz` (default: the
 * estimated 1 GHz). The read/write latency cycles are the source's ns at that clock, rounded up;
 * a `clock` override re-derives them (rederive) unless the cycle counts are given too.
 */
export function nvmexplorerSramAt(hz: number = DEFAULT_HZ): DevicePreset<SramParams> {
  const at = hz === DEFAULT_HZ ? 'the estimated 1 GHz clock' : `the configured ${clockText(hz)} clock`;
  const again = 'a clock override of this preset recomputes it from the ns figure unless the cycles are set too';
  return {
    name: 'nvmexplorer-sram-2mb',
    type: 'sram',
    summary: '2 MB SRAM macro (NVMExplorer 22 nm reference array; banking and clock estimated)',
    rederive: (o) => (typeof o.clock === 'number' && o.clock > 0 && o.clock !== hz ? nvmexplorerSramAt(o.clock) : undefined),
    params: {
      capacity: { value: '2 MiB', source: NVMX },
      banks: { value: 8, source: 'modelling choice', estimate: true },
      portsPerBank: { value: 1, source: 'modelling choice: single-ported 6T macro', estimate: true },
      width: { value: '8 B', source: `${NVMX}: 64-bit word` },
      clock: hz === DEFAULT_HZ ? { value: '1 GHz', source: 'modelling choice', estimate: true } : { value: `${hz} Hz`, source: 'user configuration' },
      readLatencyCycles: { value: cyclesOf(READ_NS, hz), source: `derived: ${NVMX} read latency ${READ_NS} ns at ${at}, rounded up (${again})`, estimate: true },
      writeLatencyCycles: { value: cyclesOf(WRITE_NS, hz), source: `derived: ${NVMX} write latency ${WRITE_NS} ns at ${at}, rounded up (${again})`, estimate: true },
      readEnergy: { value: '4.606 pJ', source: `${NVMX} read energy per 64-bit access` },
      writeEnergy: { value: '2.565 pJ', source: `${NVMX} write energy per 64-bit access` },
      leakagePower: { value: '66.9 mW', source: `${NVMX} leakage power` },
      queueDepth: { value: 16, source: 'modelling choice: per-bank request queue', estimate: true },
    },
  };
}

/** 2 MB SRAM scratchpad after NVMExplorer's SRAM reference array (1 GHz). */
export const nvmexplorerSram2mb: DevicePreset<SramParams> = nvmexplorerSramAt();

export const sramPresets = [nvmexplorerSram2mb] as const;
