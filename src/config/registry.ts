/**
 * Registry of plug-in descriptors keyed by (interface, type), filled by the composition roots
 * (src/cli) and read by `qmcsim describe` and descriptor-driven validation. Two different
 * descriptors for the same key are a programming error.
 */
import type { PluginDescriptor } from './plugin.js';

const byKey = new Map<string, PluginDescriptor>();
const key = (iface: string, type: string): string => `${iface}\u0000${type}`;

/** Registers descriptors; re-registering the same object is a no-op, a different one throws. */
export function registerDescriptors(list: readonly PluginDescriptor[]): void {
  for (const d of list) {
    const k = key(d.interface, d.type);
    const old = byKey.get(k);
    if (old !== undefined && old !== d) throw new Error(`plug-in ${d.interface}/${d.type} registered twice`);
    const names = new Set<string>();
    for (const p of d.params) {
      if (names.has(p.name)) throw new Error(`plug-in ${d.interface}/${d.type}: parameter '${p.name}' declared twice`);
      names.add(p.name);
    }
    byKey.set(k, d);
  }
}

/** Every registered descriptor, sorted by interface then type. */
export function allDescriptors(): PluginDescriptor[] {
  return [...byKey.values()].sort((a, b) => a.interface.localeCompare(b.interface) || a.type.localeCompare(b.type));
}

/** The descriptor for (interface, type), if registered. */
export function findDescriptor(iface: string, type: string): PluginDescriptor | undefined {
  return byKey.get(key(iface, type));
}

/** Registered interface names, sorted. */
export function registeredInterfaces(): string[] {
  return [...new Set(allDescriptors().map((d) => d.interface))];
}

/** Descriptors of one interface, sorted by type. */
export function descriptorsOf(iface: string): PluginDescriptor[] {
  return allDescriptors().filter((d) => d.interface === iface);
}

/** Test hook: forget every registration. */
export function clearDescriptorsForTests(): void {
  byKey.clear();
}
