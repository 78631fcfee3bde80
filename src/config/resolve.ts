/**
 * Composition of configuration trees before validation: `extends:` (paths relative to the file;
 * maps deep-merge, lists, scalars and maps tagged '!replace' replace; cycles are errors) and `--set a.b[0].c=value`
 * overrides (value parsed as YAML). The source map follows every value to the file that supplied it.
 */
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigErrors, type ConfigProblem } from './errors.js';
import { kindForFile } from './kinds.js';
import { formatPath, getAt, isItemRef, parsePathRefs, resolveItem, type PathSegment } from './paths.js';
import { readYamlFile, type NodeSource, type SourceMap, type SourcePos } from './yaml.js';
import { tagProblems } from './yaml-doc.js';
import { showFound } from '../units/parse.js';

/** A composed tree with its source map and every file read (in read order). */
export interface ComposedTree {
  readonly data: unknown;
  readonly sources: SourceMap;
  readonly files: readonly string[];
}

type Plain = Record<string, unknown>;
const isPlainMap = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sets own property `k` of `m`. A key named `__proto__` (or `constructor`) in YAML or `--set` is data:
 * a plain assignment would replace the map's prototype (the key vanished, or `--set __proto__.x=1`
 * gave every object in the process an `x`), so keys are defined, and read only when they are own.
 */
function setOwn(m: Plain | unknown[], k: string | number, v: unknown): void {
  Object.defineProperty(m, k, { value: v, writable: true, enumerable: true, configurable: true });
}
const ownAt = (m: Plain | unknown[], k: string | number): unknown => (Object.hasOwn(m, k) ? (m as Plain)[k] : undefined);

/**
 * Deep merge: maps merge key by key, everything else (lists, scalars) in `over` replaces `base`; so
 * do the maps of `over` at the key paths in `replaced` (written '!replace { … }').
 */
export function deepMerge(base: unknown, over: unknown, replaced?: ReadonlySet<string>, path: PathSegment[] = []): unknown {
  if (!isPlainMap(base) || !isPlainMap(over)) return over;
  if (replaced !== undefined && path.length > 0 && replaced.has(formatPath(path))) return over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) setOwn(out, k, Object.hasOwn(base, k) ? deepMerge(base[k], v, replaced, [...path, k]) : v);
  return out;
}

/** Source map of a merged tree: each path from `over` if it has one there, else from `base`. */
function mergeSources(merged: unknown, base: SourceMap, over: SourceMap): SourceMap {
  const out: SourceMap = new Map();
  const walk = (v: unknown, path: PathSegment[]): void => {
    const key = formatPath(path);
    const src = over.get(key) ?? base.get(key);
    if (src !== undefined) out.set(key, src);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isPlainMap(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(merged, []);
  return out;
}

/** A file name as the user should see it: relative to the working directory when that is shorter. */
export function displayName(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function problemAt(pos: SourcePos | undefined, file: string, path: string, expected: string, found: string): ConfigProblem {
  return { file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path, expected, found };
}

/** A file's kind: its `kind:`, else its folder's (configs/models), else undefined. */
function kindOf(data: Plain, abs: string): { kind: string; byFolder: boolean } | undefined {
  if (typeof data.kind === 'string') return { kind: data.kind, byFolder: false };
  const k = kindForFile(abs)?.kind;
  return k === undefined ? undefined : { kind: k, byFolder: true };
}

/**
 * One located line at `extends:` when the base is of another kind than the file (a kind: devices
 * file extending a run file), instead of one 'unknown key' line per key of the base.
 */
function checkBaseKind(data: Plain, abs: string, base: Plain, target: string, rel: string, at: SourcePos | undefined, shown: string): void {
  const mine = kindOf(data, abs);
  const theirs = kindOf(base, target);
  if (mine === undefined || theirs === undefined || mine.kind === theirs.kind) return;
  const how = theirs.byFolder ? ', recognised by its folder' : '';
  throw new ConfigErrors([problemAt(at, shown, 'extends', `a base file of kind '${mine.kind}' (the kind of this file)`, `'${rel}' of kind '${theirs.kind}'${how}`)]);
}

/**
 * Reads `file` and everything it `extends:`, merged, without the `extends` key. `shown` is the name
 * used in messages for the top file (as the user typed it).
 */
export function composeFile(file: string, shown = file, stack: readonly string[] = []): ComposedTree {
  const abs = resolvePath(file);
  const { data, sources, replaced } = readYamlFile(abs, shown);
  if (!isPlainMap(data) || !('extends' in data)) return { data, sources, files: [abs] };
  const ext = data.extends;
  const extSrc = sources.get('extends');
  const list = typeof ext === 'string' ? [ext] : Array.isArray(ext) && ext.every((e) => typeof e === 'string') ? (ext as string[]) : undefined;
  if (list === undefined) {
    throw new ConfigErrors([problemAt(extSrc?.value, shown, 'extends', 'a file path or a list of file paths', showFound(ext))]);
  }
  let merged: unknown = {};
  let mergedSources: SourceMap = new Map();
  const files: string[] = [];
  const chain = [...stack, abs];
  for (const rel of list) {
    const target = resolvePath(dirname(abs), rel);
    if (chain.includes(target)) {
      const cycle = [...chain.slice(chain.indexOf(target)), target].map(displayName).join(' → ');
      throw new ConfigErrors([problemAt(extSrc?.value, shown, 'extends', 'a file that does not extend itself', `a cycle ${cycle}`)]);
    }
    let base: ComposedTree;
    try {
      base = composeFile(target, displayName(target), chain);
    } catch (e) {
      if (e instanceof ConfigErrors || !(e instanceof Error) || !/cannot read/.test(e.message)) throw e;
      throw new ConfigErrors([problemAt(extSrc?.value, shown, 'extends', 'an existing YAML file (path relative to this file)', `'${rel}' (${displayName(target)} cannot be read)`)]);
    }
    if (!isPlainMap(base.data)) {
      throw new ConfigErrors([problemAt(extSrc?.value, shown, 'extends', 'a file whose top level is a map', `'${rel}' (${showFound(base.data)} at top level)`)]);
    }
    checkBaseKind(data, abs, base.data, target, rel, extSrc?.key ?? extSrc?.value, shown);
    const m = deepMerge(merged, base.data);
    mergedSources = mergeSources(m, mergedSources, base.sources);
    merged = m;
    files.push(...base.files);
  }
  const own: Plain = { ...data };
  delete own.extends;
  const result = deepMerge(merged, own, replaced);
  const ownSources = new Map(sources);
  ownSources.delete('extends');
  return { data: result, sources: mergeSources(result, mergedSources, ownSources), files: [...files, abs] };
}

/** Applies `--set path=value` overrides in order. Values are YAML ('20 ns', 3, [1, 2], true). */
export function applyOverrides(tree: ComposedTree, overrides: readonly string[]): ComposedTree {
  if (overrides.length === 0) return tree;
  const data = structuredClone(tree.data);
  const sources: SourceMap = new Map(tree.sources);
  const problems: ConfigProblem[] = [];
  let root: unknown = data;
  for (const arg of overrides) {
    const where = `--set ${arg}`;
    const bad = (path: string, expected: string, found: string): void => {
      problems.push({ file: where, line: 0, col: 0, path, expected, found });
    };
    const eq = arg.indexOf('=');
    const refs = eq > 0 ? parsePathRefs(arg.slice(0, eq).trim()) : undefined;
    if (refs === undefined) {
      bad('', "an override such as 'soc.memories[1].device.arraysPerBank=8' or 'soc.memories[reram].device.arraysPerBank=8'", `'${arg}'`);
      continue;
    }
    if (refs[0] === 'extends') {
      // extends: is read while composing the files, before any --set applies (and is gone from the tree)
      bad('extends', "a key other than extends: (extends: names the base files, read before any --set applies, so it cannot be set with --set; edit the file's extends: line instead)", 'a --set of extends:');
      continue;
    }
    // a list item named by id ('memories[reram]') is the index of the item with that id in the tree so far
    const path: PathSegment[] = [];
    let unresolved = false;
    for (const seg of refs) {
      if (!isItemRef(seg)) { path.push(seg); continue; }
      const list = getAt(root, path);
      const r = Array.isArray(list) ? resolveItem(list, seg) : { expected: `a list at '${formatPath(path) || '(top level)'}' to pick an item of`, found: showFound(list) };
      if ('index' in r) { path.push(r.index); continue; }
      bad(`${formatPath(path)}[${seg.item}]`, r.expected, r.found);
      unresolved = true;
      break;
    }
    if (unresolved) continue;
    // One parse: its syntax errors, then its tags (an unknown tag, `--set x=!mytag 7`, is only a yaml
    // warning after which the tag is ignored; tagProblems also resolves '!!float 32'), then the value.
    const text = arg.slice(eq + 1);
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc });
    const syntax = doc.errors[0];
    const tagged = syntax === undefined ? tagProblems(doc, text, where, lc)[0] : undefined;
    if (tagged !== undefined) {
      bad(formatPath(path), tagged.expected, tagged.found);
      continue;
    }
    let value: unknown;
    try {
      if (syntax !== undefined) throw syntax;
      value = doc.toJS();
    } catch (e) {
      // (yaml's own position suffix names a column of the value, not of the --set: dropped)
      const first = ((e as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
      bad(formatPath(path), 'a YAML value', `'${text}' (${first})`);
      continue;
    }
    if (root === null || root === undefined) root = typeof path[0] === 'number' ? [] : {};
    let cur: unknown = root;
    let ok = true;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as PathSegment;
      const last = i === path.length - 1;
      const here = formatPath(path.slice(0, i));
      if (typeof seg === 'number') {
        if (!Array.isArray(cur) || seg > cur.length) {
          bad(formatPath(path), `a list at '${here}' with an item ${seg}`, Array.isArray(cur) ? `a list of ${cur.length} items` : showFound(cur));
          ok = false;
          break;
        }
        if (last) setOwn(cur, seg, value);
        else {
          if (ownAt(cur, seg) === undefined || ownAt(cur, seg) === null) setOwn(cur, seg, typeof path[i + 1] === 'number' ? [] : {});
          cur = ownAt(cur, seg);
        }
      } else {
        if (!isPlainMap(cur)) {
          bad(formatPath(path), `a map at '${here || '(top level)'}'`, showFound(cur));
          ok = false;
          break;
        }
        if (last) setOwn(cur, seg, value);
        else {
          if (ownAt(cur, seg) === undefined || ownAt(cur, seg) === null) setOwn(cur, seg, typeof path[i + 1] === 'number' ? [] : {});
          cur = ownAt(cur, seg);
        }
      }
    }
    if (!ok) continue;
    const key = formatPath(path);
    for (const k of [...sources.keys()]) if (k.startsWith(`${key}.`) || k.startsWith(`${key}[`)) sources.delete(k);
    const pos: NodeSource = { value: { file: where, line: 0, col: 0 }, key: { file: where, line: 0, col: 0 } };
    // maps and lists the override created on its way (--set foo.bar=1 creates foo) were written by it
    for (let i = 1; i < path.length; i++) if (!sources.has(formatPath(path.slice(0, i)))) sources.set(formatPath(path.slice(0, i)), pos);
    const addAll = (v: unknown, p: PathSegment[]): void => {
      sources.set(formatPath(p), pos);
      if (Array.isArray(v)) v.forEach((x, i) => addAll(x, [...p, i]));
      else if (isPlainMap(v)) for (const [k, x] of Object.entries(v)) addAll(x, [...p, k]);
    };
    addAll(value, path);
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return { data: root, sources, files: tree.files };
}
