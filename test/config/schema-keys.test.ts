// Did-you-mean for unknown keys of any zod strict object (plain z.strictObject, unions, wrappers); a key
// of another discriminated-union member names the members it applies to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfigFile } from '../../src/config/index.js';
import { allowedKeysAt, foreignKeyAt } from '../../src/config/schema-keys.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const schema = z.strictObject({
  model: z.strictObject({ hiddenSize: z.number(), numLayers: z.number() }).optional(),
  quant: z.discriminatedUnion('scheme', [
    z.strictObject({ scheme: z.literal('rtn'), bits: z.number() }),
    z.strictObject({ scheme: z.literal('qmc'), rho: z.number(), inlierBits: z.number() }),
  ]),
  list: z.array(z.strictObject({ id: z.string() }).transform((v) => v.id)).default([]),
});

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('allowedKeysAt', () => {
  it('walks objects, arrays, wrappers and picks the union member that fits', () => {
    const data = { model: { hiddenSize: 1 }, quant: { scheme: 'qmc', rho: 0.3 }, list: [{ id: 'a' }] };
    expect(allowedKeysAt(schema, data, [])).toEqual(['model', 'quant', 'list']);
    expect(allowedKeysAt(schema, data, ['model'])).toEqual(['hiddenSize', 'numLayers']);
    expect(allowedKeysAt(schema, data, ['quant'])).toEqual(['scheme', 'rho', 'inlierBits']);
    expect(allowedKeysAt(schema, data, ['list', 0])).toEqual(['id']);
    expect(allowedKeysAt(schema, data, ['model', 'hiddenSize'])).toBeUndefined();
  });

  it('the member named by the literal discriminator wins over one sharing more keys', () => {
    // { scheme: rtn, rho } shares 'scheme' and 'rho' with the qmc member, but the data chose rtn:
    // the allowed keys are rtn's, so the error does not suggest 'rho' for 'rho'.
    const data = { quant: { scheme: 'rtn', rho: 0.3 } };
    expect(allowedKeysAt(schema, data, ['quant'])).toEqual(['scheme', 'bits']);
  });

  it('a key of another union member names the members it applies to instead of a did-you-mean', () => {
    const f = t.write('o.yaml', 'quant:\n  scheme: rtn\n  bits: 4\n  rho: 0.3\n');
    expect(foreignKeyAt(schema, { quant: { scheme: 'rtn', bits: 4, rho: 0.3 } }, ['quant'], 'rho')).toEqual({ discriminator: 'scheme', chosen: 'rtn', owners: ['qmc'] });
    expect(foreignKeyAt(schema, { quant: { scheme: 'rtn', bits: 4, rhoo: 0.3 } }, ['quant'], 'rhoo')).toBeUndefined();
    const msg = configErrorsOf(() => loadConfigFile(f, schema)).format();
    expect(msg).toBe(`${f}:4:3: quant.rho: expected a key allowed at 'quant' for scheme rtn ('scheme', 'bits'), found 'rho'; rho does not apply to scheme rtn, it applies to qmc`);
  });

  it('plain z.strictObject errors get the allowed keys and a did-you-mean', () => {
    const f = t.write('p.yaml', 'model:\n  hiddenSize: 1\n  numLayrs: 2\nquant:\n  scheme: qmc\n  rho: 0.3\n  inlierBitz: 3\n');
    const msg = configErrorsOf(() => loadConfigFile(f, schema)).format();
    expect(msg.split('\n')).toEqual([
      `${f}:3:3: model.numLayrs: expected a key allowed at 'model' ('hiddenSize', 'numLayers'), found unknown key 'numLayrs'; did you mean 'numLayers'?`,
      `${f}:7:3: quant.inlierBitz: expected a key allowed at 'quant' ('scheme', 'rho', 'inlierBits'), found unknown key 'inlierBitz'; did you mean 'inlierBits'?`,
    ]);
  });
});

describe('a nested block for flat dotted keys', () => {
  it("timing: { tRCD: … } where 'timing.tRCD' is the key: the unknown key says the family is written flat", () => {
    const flat = z.strictObject({ preset: z.string(), 'timing.tRCD': z.string().optional(), 'timing.tRP': z.string().optional() });
    const f = t.write('flat.yaml', 'preset: x\ntiming:\n  tRCD: 20 ns\n');
    expect(configErrorsOf(() => loadConfigFile(f, flat)).format()).toBe(
      `${f}:2:1: timing: expected a key allowed at the top level ('preset', 'timing.tRCD', 'timing.tRP'), found unknown key 'timing'; timing parameters are written as flat keys, e.g. 'timing.tRCD: …'`);
  });
});
