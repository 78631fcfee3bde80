/**
 * Builds strict zod schemas straight from PluginDescriptors, so a plug-in's parameter list is the
 * single source for `describe` and for validating its YAML. Quantity params use q.*; a `preset:`
 * makes parameters optional (the preset supplies them).
 */
import { z } from 'zod';
import type { ParamDoc, PluginDescriptor } from './plugin.js';
import { descriptorsOf } from './registry.js';
import { int, num, quantity, reportIssue, strictObject } from './schema.js';
import { showFound } from '../units/parse.js';

function paramSchema(p: ParamDoc): z.ZodType {
  switch (p.kind) {
    case 'integer': return int(bounds(p));
    case 'number': return num(bounds(p));
    case 'string': return z.string();
    case 'boolean': return z.boolean();
    case 'enum': return z.enum((p.values ?? []) as [string, ...string[]]);
    case 'object': return z.record(z.string(), z.unknown());
    case 'list': return z.array(z.unknown());
    default: return quantity(p.kind, p.positive === true ? { positive: true } : {});
  }
}

function bounds(p: ParamDoc): { min?: number; max?: number } {
  return { ...(p.min !== undefined ? { min: p.min } : {}), ...(p.max !== undefined ? { max: p.max } : {}) };
}

/** Strict object schema for one plug-in: `type` (literal), optional `id` and `preset`, its params. */
export function descriptorSchema(d: PluginDescriptor): z.ZodType {
  const presets = Object.keys(d.presets ?? {});
  const shape: Record<string, z.ZodType> = {
    type: z.literal(d.type),
    id: z.string().optional(),
  };
  if (presets.length > 0) shape.preset = z.enum(presets as [string, ...string[]]).optional();
  for (const p of d.params) {
    const s = paramSchema(p);
    const required = p.required ?? p.default === undefined;
    shape[p.name] = required && presets.length === 0 ? s : s.optional();
  }
  const obj = strictObject(shape);
  if (presets.length === 0) return obj;
  const required = d.params.filter((p) => (p.required ?? p.default === undefined));
  // Runs even when other keys of the entry failed (`when`), so missing keys are reported in the same
  // pass as wrong ones rather than only after those are fixed.
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return obj.superRefine((v, ctx) => {
    if (!isObject(v) || v.preset !== undefined) return;
    for (const p of required) {
      if (v[p.name] === undefined) {
        ctx.addIssue({ code: 'custom', path: [p.name], message: '', params: { expected: `a value (required unless 'preset' is given: ${presets.join(', ')})`, found: showFound(undefined) } });
      }
    }
  }, { when: (payload) => isObject(payload.value) });
}

/** Schema accepting any registered plug-in of `iface`, chosen by its `type:`. */
export function pluginSchema(iface: string): z.ZodType {
  const ds = descriptorsOf(iface);
  const [first, ...rest] = ds.map(descriptorSchema);
  if (first === undefined) {
    return z.unknown().transform((v, ctx) => {
      reportIssue(ctx, `a ${iface} (no ${iface} types are registered)`, showFound(v));
      return z.NEVER;
    });
  }
  return z.discriminatedUnion('type', [first, ...rest] as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]) as unknown as z.ZodType;
}
