// A sharded checkpoint's index.json names shard files of its own folder: an entry that leaves the
// folder (../../../etc/passwd, /etc/passwd) is refused at the entry, before any file is opened; a
// file that cannot be opened says why in words (no such file, permission denied), not an errno code.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpoint } from '../../src/workloads/weights/safetensors.js';
import { encodeFloat, writeSafetensors } from '../../src/workloads/weights/safetensors-writer.js';
import { openErrorText } from '../../src/config/open-error.js';

const dir = mkdtempSync(join(tmpdir(), 'qmcsim-ckpt-idx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function index(sub: string, weightMap: Record<string, string>): string {
  const d = join(dir, sub);
  mkdirSync(d, { recursive: true });
  const f = join(d, 'model.safetensors.index.json');
  writeFileSync(f, `{\n  "metadata": {},\n  "weight_map": {\n${Object.entries(weightMap).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n  }\n}\n`);
  return f;
}
const shard = (file: string): void => { writeSafetensors(file, [{ name: 'a', dtype: 'F32', shape: [2] }], () => encodeFloat(new Float32Array(2), 'F32')); };

describe('index.json weight_map entries', () => {
  it('a path that climbs out of the folder is refused at its entry, naming it', () => {
    const f = index('climb', { a: 'model-1.safetensors', b: '../../../etc/passwd' });
    expect(() => Checkpoint.open(f)).toThrow(`${f}:5:5: weight_map['b']: expected a shard file inside the checkpoint folder ${join(dir, 'climb')}, found '../../../etc/passwd' (outside it)`);
  });
  it('an absolute path and a bare .. are refused too', () => {
    expect(() => Checkpoint.open(index('abs', { a: '/etc/passwd' }))).toThrow(/:4:5: weight_map\['a'\]: expected a shard file inside the checkpoint folder .*, found '\/etc\/passwd' \(outside it\)$/);
    expect(() => Checkpoint.open(index('dots', { a: '..' }))).toThrow(/weight_map\['a'\]: .*found '\.\.' \(outside it\)$/);
    expect(() => Checkpoint.open(index('sub-climb', { a: 'sub/../../x.safetensors' }))).toThrow(/found 'sub\/\.\.\/\.\.\/x\.safetensors' \(outside it\)$/);
  });
  it('shards in the folder or below it, and a symbolic link inside it, open', () => {
    const f = index('ok', { a: 'sub/model-1.safetensors' });
    mkdirSync(join(dir, 'ok', 'sub'));
    shard(join(dir, 'ok', 'sub', 'model-1.safetensors'));
    const cp = Checkpoint.open(f);
    expect(cp.names()).toEqual(['a']);
    cp.close();
    // the Hugging Face cache links snapshot files to ../../blobs: a link inside the folder is its file
    const blob = join(dir, 'blob.safetensors');
    shard(blob);
    const g = index('linked', { a: 'model-1.safetensors' });
    symlinkSync(blob, join(dir, 'linked', 'model-1.safetensors'));
    const cq = Checkpoint.open(g);
    expect(cq.readFloat32('a')).toHaveLength(2);
    cq.close();
  });
  // Regression: a shard the index names but that is missing said only 'missing-shard.safetensors:
  // cannot open (no such file)', naming neither the index nor the tensor. Now: the index file at the
  // weight_map entry, the tensor, the shard as written and the path it resolved to, in words.
  it('a missing shard names the index entry, the tensor and the shard path, and says no such file', () => {
    const name = 'model.layers.0.self_attn.q_proj.weight';
    const f = index('missing', { [name]: 'missing-shard.safetensors' });
    const msg = `${f}:4:5: weight_map['${name}']: expected a shard file that can be opened, found 'missing-shard.safetensors' (${join(dir, 'missing', 'missing-shard.safetensors')}: no such file)`;
    const cp = Checkpoint.open(f);
    expect(() => cp.names()).toThrow(msg);
    expect(() => cp.readFloat32(name)).toThrow(msg);
    expect(() => cp.entry(name)).toThrow(msg);
    cp.close();
  });
  // Regression: with two shards missing only the first was named; fixing it and rerunning revealed the next.
  it('a missing shard lists the other shards of the index that do not exist either', () => {
    const f = index('two-missing', { a: 'model-1.safetensors', b: 'model-2.safetensors', c: 'model-3.safetensors' });
    shard(join(dir, 'two-missing', 'model-2.safetensors'));
    const cp = Checkpoint.open(f);
    expect(() => cp.names()).toThrow(/model-1\.safetensors: no such file\); the index names 1 more shard that does not exist: 'model-3\.safetensors'$/);
    cp.close();
  });
  it('a shard that exists but is malformed is still reported in the shard file', () => {
    const f = index('bad-shard', { a: 'model-1.safetensors' });
    writeFileSync(join(dir, 'bad-shard', 'model-1.safetensors'), 'not a checkpoint');
    const cp = Checkpoint.open(f);
    expect(() => cp.names()).toThrow(`${join(dir, 'bad-shard', 'model-1.safetensors')}: malformed: header length`);
    cp.close();
  });
  // (root opens a mode-000 file anyway: skipped there; the wording is checked by the next test)
  it.skipIf(userInfo().uid === 0)('an unreadable file says permission denied', () => {
    const f = join(dir, 'locked.safetensors');
    shard(f);
    chmodSync(f, 0o000);
    expect(() => Checkpoint.open(f)).toThrow(/locked\.safetensors: cannot open \(permission denied\)$/);
  });
  it('errno codes are worded', () => {
    expect(openErrorText(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
    expect(openErrorText(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(openErrorText(Object.assign(new Error('x'), { code: 'EISDIR' }))).toBe('it is a directory');
  });
});
