/**
 * Additive snapshots of everything a replay measures (per port: device action counts, bytes, busy
 * time, latency sums, stalls, bit errors; per link: bytes, occupancy, waits; per tag: bytes and
 * errors). Differences of snapshots give one layer's measured deltas for layer reuse.
 */
import type { Soc } from './soc.js';

export interface PortSnap {
  readonly requests: number;
  readonly bytesIssued: number;
  readonly bytesDelivered: number;
  readonly deviceLatencySumPs: number;
  readonly stallPs: number;
  readonly refusals: number;
  readonly actions: Readonly<Record<string, number>>;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  readonly busyPs: number;
}
export interface LinkSnap {
  readonly bytes: number;
  readonly transfers: number;
  readonly busyPs: number;
  readonly waitPs: number;
}
export interface TagSnap {
  readonly requested: number;
  readonly delivered: number;
  readonly accesses: number;
  readonly bitsRead: number;
  readonly bitErrors: number;
  readonly accessesWithErrors: number;
  readonly expectedBitErrors: number;
}
export interface SocSnapshot {
  readonly ports: ReadonlyMap<string, PortSnap>;
  readonly links: readonly LinkSnap[];
  readonly tags: ReadonlyMap<number, TagSnap>;
  /** The tags of the step the snapshot was taken for, in stream order (may repeat). */
  readonly tagOrder: readonly number[];
}

const zeroTag: TagSnap = { requested: 0, delivered: 0, accesses: 0, bitsRead: 0, bitErrors: 0, accessesWithErrors: 0, expectedBitErrors: 0 };

/** Current totals of `soc`, with per-tag entries for `tags`. */
export function snapshot(soc: Soc, tags: readonly number[]): SocSnapshot {
  const ports = new Map<string, PortSnap>();
  const want = new Set(tags);
  const tagMap = new Map<number, TagSnap>();
  for (const t of want) {
    tagMap.set(t, { ...zeroTag, requested: soc.ledger.requestedBytes(t), delivered: soc.ledger.deliveredBytes(t), accesses: soc.ledger.accessCount(t) });
  }
  for (const [id, p] of soc.ports) {
    const c = p.device.counts();
    ports.set(id, {
      requests: p.requests, bytesIssued: p.bytesIssued, bytesDelivered: p.bytesDelivered,
      deviceLatencySumPs: p.deviceLatencySumPs, stallPs: p.stallPs, refusals: p.refusals,
      actions: { ...c.actions }, bytesRead: c.bytesRead, bytesWritten: c.bytesWritten, busyPs: c.busyPs,
    });
    for (const e of p.device.errorStats().byTag) {
      const cur = tagMap.get(e.tag);
      if (!cur) continue;
      tagMap.set(e.tag, {
        ...cur, bitsRead: cur.bitsRead + e.bitsRead, bitErrors: cur.bitErrors + e.bitErrors,
        accessesWithErrors: cur.accessesWithErrors + e.accessesWithErrors, expectedBitErrors: cur.expectedBitErrors + e.expectedBitErrors,
      });
    }
  }
  const links = soc.links.map((l) => ({ bytes: l.bytes, transfers: l.transfers, busyPs: l.busyPs, waitPs: l.waitPs }));
  return { ports, links, tags: tagMap, tagOrder: [...tags] };
}

function addRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, s: number): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + s * v;
  return out;
}

/** a + s·b, field by field (ports and links matched by id/index; tags by tag id). */
export function combine(a: SocSnapshot, b: SocSnapshot, s: 1 | -1): SocSnapshot {
  const ports = new Map<string, PortSnap>();
  const ids = new Set([...a.ports.keys(), ...b.ports.keys()]);
  for (const id of ids) {
    const x = a.ports.get(id), y = b.ports.get(id);
    if (!x || !y) {
      ports.set(id, (x ?? (y && s === 1 ? y : undefined)) as PortSnap);
      continue;
    }
    ports.set(id, {
      requests: x.requests + s * y.requests, bytesIssued: x.bytesIssued + s * y.bytesIssued, bytesDelivered: x.bytesDelivered + s * y.bytesDelivered,
      deviceLatencySumPs: x.deviceLatencySumPs + s * y.deviceLatencySumPs, stallPs: x.stallPs + s * y.stallPs, refusals: x.refusals + s * y.refusals,
      actions: addRecord(x.actions, y.actions, s), bytesRead: x.bytesRead + s * y.bytesRead, bytesWritten: x.bytesWritten + s * y.bytesWritten,
      busyPs: x.busyPs + s * y.busyPs,
    });
  }
  const n = Math.max(a.links.length, b.links.length);
  const links: LinkSnap[] = [];
  for (let k = 0; k < n; k++) {
    const x = a.links[k] ?? { bytes: 0, transfers: 0, busyPs: 0, waitPs: 0 }, y = b.links[k] ?? { bytes: 0, transfers: 0, busyPs: 0, waitPs: 0 };
    links.push({ bytes: x.bytes + s * y.bytes, transfers: x.transfers + s * y.transfers, busyPs: x.busyPs + s * y.busyPs, waitPs: x.waitPs + s * y.waitPs });
  }
  const tags = new Map<number, TagSnap>(a.tags);
  for (const [t, y] of b.tags) tags.set(t, addTag(tags.get(t) ?? zeroTag, y, s));
  return { ports, links, tags, tagOrder: a.tagOrder };
}

export function addTag(x: TagSnap, y: TagSnap, s: 1 | -1 = 1): TagSnap {
  return {
    requested: x.requested + s * y.requested, delivered: x.delivered + s * y.delivered, accesses: x.accesses + s * y.accesses,
    bitsRead: x.bitsRead + s * y.bitsRead, bitErrors: x.bitErrors + s * y.bitErrors,
    accessesWithErrors: x.accessesWithErrors + s * y.accessesWithErrors, expectedBitErrors: x.expectedBitErrors + s * y.expectedBitErrors,
  };
}

/** The empty snapshot shaped like `soc`. */
export function emptySnapshot(soc: Soc): SocSnapshot {
  const s = snapshot(soc, []);
  return combine(s, s, -1);
}

/** after − before. */
export function diff(after: SocSnapshot, before: SocSnapshot): SocSnapshot {
  return { ...combine(after, before, -1), tagOrder: after.tagOrder };
}

/**
 * A step delta with its per-tag entries keyed by stream position (the first stream of each tag)
 * instead of tag id, so deltas of different instances of the same layer can be summed.
 */
export function byPosition(d: SocSnapshot): SocSnapshot {
  const tags = new Map<number, TagSnap>();
  const seen = new Set<number>();
  d.tagOrder.forEach((src, k) => {
    if (seen.has(src)) return;
    seen.add(src);
    const v = d.tags.get(src);
    if (v) tags.set(k, v);
  });
  return { ...d, tags, tagOrder: [] };
}

function scaleRecord(a: Readonly<Record<string, number>>, f: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(a)) out[k] = v * f;
  return out;
}

/** f · s, field by field (means of several layer instances). */
export function scale(s: SocSnapshot, f: number): SocSnapshot {
  const ports = new Map<string, PortSnap>();
  for (const [id, p] of s.ports) {
    ports.set(id, {
      requests: p.requests * f, bytesIssued: p.bytesIssued * f, bytesDelivered: p.bytesDelivered * f, deviceLatencySumPs: p.deviceLatencySumPs * f,
      stallPs: p.stallPs * f, refusals: p.refusals * f, actions: scaleRecord(p.actions, f), bytesRead: p.bytesRead * f, bytesWritten: p.bytesWritten * f, busyPs: p.busyPs * f,
    });
  }
  const links = s.links.map((l) => ({ bytes: l.bytes * f, transfers: l.transfers * f, busyPs: l.busyPs * f, waitPs: l.waitPs * f }));
  const tags = new Map<number, TagSnap>();
  for (const [t, v] of s.tags) {
    tags.set(t, {
      requested: v.requested * f, delivered: v.delivered * f, accesses: v.accesses * f, bitsRead: v.bitsRead * f, bitErrors: v.bitErrors * f,
      accessesWithErrors: v.accessesWithErrors * f, expectedBitErrors: v.expectedBitErrors * f,
    });
  }
  return { ports, links, tags, tagOrder: s.tagOrder };
}

/**
 * acc + d where d is position-keyed (byPosition): entry k lands on `tags[k]`, the reusing step's
 * tag at the same stream position.
 */
export function addReused(acc: SocSnapshot, d: SocSnapshot, tags: readonly number[]): SocSnapshot {
  const base = combine(acc, { ...d, tags: new Map() }, 1);
  const out = new Map(base.tags);
  for (const [k, v] of d.tags) {
    const dst = tags[k];
    if (dst !== undefined) out.set(dst, addTag(out.get(dst) ?? zeroTag, v));
  }
  return { ...base, tags: out };
}

/**
 * `s` with its times (port busy, stall and device-latency sums; link occupancy and waits) rounded
 * to integer ps: reused steps add fractional means, and the report's times are integer ps.
 */
export function roundTimes(s: SocSnapshot): SocSnapshot {
  const ports = new Map<string, PortSnap>();
  for (const [id, p] of s.ports) {
    ports.set(id, { ...p, busyPs: Math.round(p.busyPs), stallPs: Math.round(p.stallPs), deviceLatencySumPs: Math.round(p.deviceLatencySumPs) });
  }
  const links = s.links.map((l) => ({ ...l, busyPs: Math.round(l.busyPs), waitPs: Math.round(l.waitPs) }));
  return { ...s, ports, links };
}
