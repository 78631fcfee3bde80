/**
 * The SoC memory map: named regions, each a [base, base + size) window of one memory's device
 * address space. Placement allocates tensor parts inside regions; ports receive device addresses.
 */

export interface Region {
  readonly id: string;
  /** Memory (port) id the region lives in. */
  readonly memory: string;
  /** Device-local base address, bytes. */
  readonly base: number;
  readonly size: number;
}

export class MemoryMap {
  private readonly byId = new Map<string, Region>();
  constructor(readonly regions: readonly Region[], capacityOf: (memory: string) => number | undefined) {
    for (const r of regions) {
      if (this.byId.has(r.id)) throw new Error(`memory map: region '${r.id}' defined twice`);
      const cap = capacityOf(r.memory);
      if (cap === undefined) throw new Error(`memory map: region '${r.id}' names unknown memory '${r.memory}'`);
      if (r.base < 0 || r.base + r.size > cap) {
        throw new Error(`memory map: region '${r.id}' [${r.base}, ${r.base + r.size}) exceeds memory '${r.memory}' capacity ${cap} B`);
      }
      for (const o of regions) {
        if (o !== r && o.memory === r.memory && o.base < r.base + r.size && r.base < o.base + o.size) {
          throw new Error(`memory map: regions '${r.id}' and '${o.id}' overlap in memory '${r.memory}'`);
        }
      }
      this.byId.set(r.id, r);
    }
  }
  region(id: string): Region | undefined {
    return this.byId.get(id);
  }
  /** Regions in declaration order. */
  list(): readonly Region[] {
    return this.regions;
  }
}
