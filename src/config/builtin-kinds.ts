/**
 * Configuration kinds defined by the config layer itself. `kind: devices` is a catalogue of memory
 * devices, each entry validated by the descriptor its MemoryDevice plug-in registered.
 */
import { z } from 'zod';
import { pluginSchema } from './descriptor-schema.js';
import { registerConfigKind } from './kinds.js';
import { reportIssue, strictObject } from './schema.js';

/**
 * Schema of a `kind: devices` file, built from the MemoryDevice descriptors registered now; device
 * ids must be unique (`--device FILE#ID` picks by id).
 */
export function devicesKindSchema(): z.ZodType {
  return strictObject({
    version: z.literal(1).optional(),
    description: z.string().optional(),
    devices: z.array(pluginSchema('MemoryDevice')).min(1),
  }).superRefine((file, ctx) => {
    const seen = new Set<string>();
    (file.devices as { id?: unknown }[]).forEach((d, i) => {
      if (typeof d.id !== 'string') return;
      if (seen.has(d.id)) reportIssue(ctx, 'a unique device id', `'${d.id}' (defined twice)`, ['devices', i, 'id']);
      seen.add(d.id);
    });
  });
}

/** Registers the kinds above (idempotent). */
export function registerBuiltinKinds(): void {
  registerConfigKind('devices', devicesKindSchema, {
    description: 'a catalogue of memory devices; each entry is checked against its MemoryDevice plug-in descriptor',
  });
}
