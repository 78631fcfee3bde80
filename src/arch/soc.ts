/**
 * Elaborates an SoC config into runtime objects: devices (through a device factory), links (one per
 * memory for a crossbar, one shared for a bus), memory ports with arbiters, initiators, the memory
 * map and a request pool sized by the initiators' windows. Explicit wiring, no globals.
 */
import type { Engine } from '../engine/engine.js';
import type { BytesPerSec, PJPerBit, Ps } from '../units/quantity.js';
import { createArbiter } from './arbiter.js';
import { Link, type LinkSpec } from './link.js';
import { MemoryMap } from './memory-map.js';
import { MemoryPort, type Fabric } from './port.js';
import { RequestPool } from './request-pool.js';
import type { LinkConfig, MemoryConfig, SocConfig } from './soc-schema.js';
import { Initiator, Stream, TagLedger } from './stream.js';

import type { BuiltDevice, DeviceFactory } from './device-factory.js';
export type { DeviceFactory } from './device-factory.js';

/** Link spec from a link config: bandwidth = transfer rate × width. */
export function linkSpecOf(id: string, c: LinkConfig): LinkSpec {
  return {
    id,
    latencyPs: c.latency as Ps,
    bandwidth: (c.transferRate * c.width) as BytesPerSec,
    energyPerBit: c.energyPerBit as PJPerBit,
    bufferBytes: c.buffer,
  };
}

export class Soc implements Fabric {
  readonly pool: RequestPool;
  readonly streams: Stream[] = [];
  readonly ledger = new TagLedger();
  readonly initiators: Initiator[];
  readonly ports = new Map<string, MemoryPort>();
  readonly links: Link[] = [];
  readonly memories = new Map<string, MemoryConfig>();
  /** Device, energy table and estimates per memory id. */
  readonly built = new Map<string, BuiltDevice>();
  readonly map: MemoryMap;

  constructor(readonly engine: Engine, readonly config: SocConfig, factory: DeviceFactory, seed: number) {
    const ids = new Set<string>();
    this.initiators = config.initiators.map((c, i) => {
      if (ids.has(c.id)) throw new Error(`soc ${config.name}: initiator '${c.id}' defined twice`);
      ids.add(c.id);
      return new Initiator(c.id, i, c.window, c.priority, c.weight);
    });
    this.pool = new RequestPool(this.initiators.reduce((a, x) => a + x.window, 0));
    const shared = config.interconnect.type === 'bus'
      ? new Link(linkSpecOf('bus', config.interconnect.bus ?? missingBus(config.name)))
      : undefined;
    if (shared) this.links.push(shared);
    const priorities = this.initiators.map((x) => x.priority);
    const weights = this.initiators.map((x) => x.weight);
    for (const m of config.memories) {
      if (this.memories.has(m.id)) throw new Error(`soc ${config.name}: memory '${m.id}' defined twice`);
      this.memories.set(m.id, m);
      const built = factory(m.device, engine, `soc.memory.${m.id}`, seed, m.noise);
      this.built.set(m.id, built);
      const device = built.device;
      const link = shared ?? new Link(linkSpecOf(m.id, m.link ?? missingLink(config.name, m.id)));
      if (!shared) this.links.push(link);
      const arb = createArbiter(config.interconnect.arbiter, priorities, weights);
      this.ports.set(m.id, new MemoryPort(m.id, device, link, arb, this, m.requestSize ?? device.granuleBytes));
    }
    this.map = new MemoryMap(
      config.regions.map((r) => {
        const cap = this.ports.get(r.memory)?.device.capacityBytes ?? 0;
        return { id: r.id, memory: r.memory, base: r.base, size: r.size ?? Math.max(0, cap - r.base) };
      }),
      (mem) => this.ports.get(mem)?.device.capacityBytes,
    );
  }

  initiator(id: string): Initiator {
    const x = this.initiators.find((i) => i.id === id);
    if (!x) throw new Error(`soc ${this.config.name}: no initiator '${id}' (have ${this.initiators.map((i) => i.id).join(', ')})`);
    return x;
  }
  port(id: string): MemoryPort {
    const p = this.ports.get(id);
    if (!p) throw new Error(`soc ${this.config.name}: no memory '${id}'`);
    return p;
  }
  /** Starts streaming [base, base + bytes) of `memory` for `initiator`; `onDone` fires when all arrived. */
  stream(memory: string, initiator: Initiator, base: number, bytes: number, isWrite: boolean, tag: number, onDone: (s: Stream) => void): Stream {
    const port = this.port(memory);
    const s = new Stream(this.streams.length, port, initiator, base, bytes, isWrite, tag, onDone);
    this.streams.push(s);
    port.submit(s);
    return s;
  }
}

function missingBus(name: string): never {
  throw new Error(`soc ${name}: interconnect.type 'bus' needs interconnect.bus (the shared link)`);
}

/** A crossbar memory without its link (the schema refuses it; for SoC objects built in code). */
function missingLink(name: string, id: string): never {
  throw new Error(`soc ${name}: memory '${id}' needs a link (interconnect.type is not 'bus')`);
}
