/**
 * Configuration kinds defined by the config layer itself. `kind: devices` is a catalogue of memory
 * devices, each entry validated by the descriptor its MemoryDevice plug-in registered.
 */
import { z } from 'zod';
import { pluginSchema } from './descriptor-schema.js';
import { registerConfigKind } from './kinds.js';
import { strictObject } from './schema.js';

/** Schema of a `kind: devices` file, built from the MemoryDevice descriptors registered now. */
export function devicesKindSchema(): z.ZodType {
  return strictObject({
    version: z.literal(1).optional(),
    description: z.string().optional(),
    devices: z.array(pluginSchema('MemoryDevice')).min(1),
  });
}

/** Registers the kinds above (idempotent). */
export function registerBuiltinKinds(): void {
  registerConfigKind('devices', devicesKindSchema, {
    description: 'a catalogue of memory devices; each entry is checked against its MemoryDevice plug-in descriptor',
  });
}
