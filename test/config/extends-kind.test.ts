// Regression: a `kind: devices` file that extends a `kind: run` file got one "unknown key 'name'",
// "'soc'", "'model'"… line per key of the base. A base of another kind is now one line at `extends:`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfigFile, strictObject } from '../../src/config/index.js';
import { configErrorsOf, tempDir, type TempDir } from './helpers.js';

const devices = strictObject({ kind: z.string().optional(), version: z.number(), devices: z.array(z.unknown()) });

let t: TempDir;
beforeEach(() => { t = tempDir(); });
afterEach(() => t.remove());

describe('extends: a base of another kind', () => {
  it.each([
    ['directly', { 'run.yaml': 'kind: run\nname: r\nsoc: s.yaml\nmodel: m\nquant: q\n' }, 'kind: devices\nversion: 1\nextends: run.yaml\ndevices: []\n', '3:1', 'run.yaml'],
    ['through a chain (the base of the base sets the kind)', { 'run.yaml': 'kind: run\nname: r\n', 'mid.yaml': 'extends: run.yaml\nsoc: s\n' },
      'kind: devices\nextends: [mid.yaml]\nversion: 1\ndevices: []\n', '2:1', 'mid.yaml'],
  ])('is one line at the extends: key naming both kinds, %s', (_how, bases, text, at, base) => {
    for (const [name, body] of Object.entries(bases)) t.write(name, body);
    const f = t.write('dev.yaml', text);
    expect(configErrorsOf(() => loadConfigFile(f, devices)).format()).toBe(
      `${f}:${at}: extends: expected a base file of kind 'devices' (the kind of this file), found '${base}' of kind 'run'`,
    );
  });
  it('a base of the same kind, or of no kind, still composes', () => {
    t.write('a.yaml', 'kind: devices\nversion: 1\n');
    t.write('b.yaml', 'devices: [1]\n');
    const f = t.write('dev.yaml', 'kind: devices\nextends: [a.yaml, b.yaml]\n');
    expect(loadConfigFile(f, devices)).toEqual({ version: 1, devices: [1] });
  });
});
