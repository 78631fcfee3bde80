// Regression (review): `--set soc.memories[reram].device.channels=4` was refused as not an override,
// although reports and run files' `estimates:` print paths in exactly that form. A bracketed name
// now selects the list item whose id: (or name:) it is; an unknown id lists the ids with a
// did-you-mean; [-1] and [1.5] say what a list accepts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-helpers.js';
import { applyOverrides } from '../../src/config/resolve.js';
import { getAt, parsePath } from '../../src/config/paths.js';
import { configErrorsOf } from './helpers.js';

const run = 'configs/runs/qmc-hymba.yaml';
const tree = () => ({ data: { soc: { memories: [{ id: 'mram', n: 1 }, { id: 'reram', n: 2 }] }, models: [{ name: 'a' }], xs: [1, 2] }, sources: new Map(), files: [] });
const expectedIds = 'expected a list index 0..1 or an item id (mram, reram)';

describe('a list item by its id in key paths', () => {
  it('--set selects the item with that id', () => {
    const r = applyOverrides(tree(), ['soc.memories[reram].n=5', 'models[a].x=1']);
    expect(r.data).toEqual({ soc: { memories: [{ id: 'mram', n: 1 }, { id: 'reram', n: 5 }] }, models: [{ name: 'a', x: 1 }], xs: [1, 2] });
    expect(r.sources.has('soc.memories[1].n')).toBe(true);
  });

  it.each([
    ['soc.memories[rerm].n=5', 'soc.memories[rerm]', `${expectedIds}, found [rerm]; did you mean 'reram'?`],
    ['soc.memories[lpddr5].n=5', 'soc.memories[lpddr5]', `${expectedIds}, found [lpddr5]`],
    ['soc.memories[-1].n=5', 'soc.memories[-1]', `${expectedIds}, found [-1]`],
    ['soc.memories[1.5].n=5', 'soc.memories[1.5]', `${expectedIds}, found [1.5]`],
    ['xs[-1]=3', 'xs[-1]', 'expected a list index 0..1 (its items have no id), found [-1]'],
    ['soc[mram].n=1', 'soc[mram]', "expected a list at 'soc' to pick an item of, found a map"],
  ])('%s', (set, path, message) => {
    expect(configErrorsOf(() => applyOverrides(tree(), [set])).message).toBe(`--set ${set}: ${path}: ${message}`);
  });

  it('parsePath and getAt read the printed form', () => {
    expect(getAt(tree().data, parsePath('soc.memories[reram].n') ?? [])).toBe(2);
    expect(getAt(tree().data, parsePath('soc.memories[nope].n') ?? [])).toBeUndefined();
    // a list's own properties still read as before (a sweep constraint's config.xs.length)
    expect(getAt(tree().data, ['xs', 'length'])).toBe(2);
  });

  it('validate of the QMC run with the README form of a path', async () => {
    const ok = await runCli('validate', run, '--set', 'soc.memories[reram].device.channels=4');
    expect(ok.code).toBe(0);
    const bad = await runCli('validate', run, '--set', 'soc.memories[reram].device.channels=1e12');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--set soc\.memories\[reram\]\.device\.channels=1e12: soc\.memories\[1\]\.device\.channels: /);
  });
});
