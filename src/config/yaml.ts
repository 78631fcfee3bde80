/**
 * Reads YAML (yaml 2, YAML 1.2 core schema, `<<` merge keys on, duplicate keys rejected) into a plain
 * tree plus a source map from key path to file:line:col of the key and of the value, so every later
 * error can point at the exact place. Syntax errors, binary files and bytes that are not UTF-8 are
 * reported as ConfigErrors with positions.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { ConfigErrors, UserError, type ConfigProblem } from './errors.js';
import { openErrorText } from './open-error.js';
import { formatPath, type PathSegment } from './paths.js';
import { keyPathOf, REPLACE_TAG, syntaxErrorOffsets, tagProblems } from './yaml-doc.js';

/** A position in a source file (1-based line and column). */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}
/** Where a value (and, for map entries, its key) was written. */
export interface NodeSource {
  readonly value: SourcePos;
  readonly key?: SourcePos;
}
/** formatted key path ('' = document root) → where it was written. */
export type SourceMap = Map<string, NodeSource>;

export interface LoadedYaml {
  readonly data: unknown;
  readonly sources: SourceMap;
  /** Key paths of maps tagged '!replace': they replace the same map of the files extended instead of merging into it. */
  readonly replaced?: ReadonlySet<string>;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol' || key.source === '<<');
}

function syntaxProblems(doc: Document, text: string, file: string, lc: LineCounter): ConfigProblem[] {
  // at the opening of an unterminated '[', '{' or quote, not where yaml gave up (past the file's end)
  const offsets = syntaxErrorOffsets(doc, text);
  return doc.errors.map((e, i) => {
    const pos = lc.linePos(offsets[i] ?? e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      const dup = duplicateKeyAt(doc, e.pos[0], lc);
      if (dup !== undefined) {
        return { file, line: pos.line, col: pos.col, path: dup.path, expected: 'each key once per map', found: `'${dup.key}' a second time (first at line ${dup.firstLine})` };
      }
    }
    if (e.code === 'MULTIPLE_DOCS') {
      return { file, line: pos.line, col: pos.col, path: '', expected: 'one YAML document per configuration file', found: "a second document (after '---'); put it in its own file" };
    }
    const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
    // thousands of nested [ or { exhaust the parser's stack: say so, not 'Maximum call stack size exceeded'
    const found = /Maximum call stack size exceeded/.test(first) ? 'collections nested too deeply for the YAML reader (thousands of levels; a configuration needs a few)' : `a syntax error (${first})`;
    return { file, line: pos.line, col: pos.col, path: '', expected: 'valid YAML', found };
  });
}

/** The key path, name and first line of the repeated map key starting at `offset` (a DUPLICATE_KEY error). */
function duplicateKeyAt(doc: Document, offset: number, lc: LineCounter): { path: string; key: string; firstLine: number } | undefined {
  let found: { path: string; key: string; firstLine: number } | undefined;
  visit(doc, {
    Pair(_k, pair, ancestors) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.range?.[0] !== offset) return undefined;
      const key = String(keyNode.value);
      const map = ancestors[ancestors.length - 1];
      const first = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === keyNode.value && p !== pair) : undefined;
      const firstLine = lc.linePos((first?.key as Node | undefined)?.range?.[0] ?? offset).line;
      found = { path: keyPathOf(doc, ancestors, pair), key, firstLine };
      return visit.BREAK;
    },
  });
  return found;
}

/** Parses YAML text from `file` (used only for messages). Throws ConfigErrors on syntax errors. */
export function parseYaml(text: string, file: string): LoadedYaml {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, merge: true, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigErrors(syntaxProblems(doc, text, file, lc));
  // an unknown tag (`!mytag 7 ns`) is only a warning in yaml, which then keeps the plain text
  const tags = tagProblems(doc, text, file, lc);
  if (tags.length > 0) throw new ConfigErrors(tags);
  // A list or map used as a key (`[1, 2]: x`) has no key path; yaml would stringify it with a
  // process warning. Configuration keys are plain scalars.
  const complex: ConfigProblem[] = [];
  visit(doc, {
    Alias(_k, alias, ancestors) {
      // yaml only notices at toJS, without a position; an alias must follow its anchor.
      const target = alias.resolve(doc);
      const p = lc.linePos(alias.range?.[0] ?? 0);
      if (target !== undefined) {
        // `x: &a [*a]` is a list that holds itself: a cyclic tree every later step would recurse into forever
        if (ancestors.includes(target as never)) complex.push({ file, line: p.line, col: p.col, path: keyPathOf(doc, ancestors, alias), expected: 'an alias to a finished anchor (a value cannot contain itself)', found: `*${alias.source} inside its own anchor &${alias.source}` });
        return;
      }
      complex.push({ file, line: p.line, col: p.col, path: keyPathOf(doc, ancestors, alias), expected: `an alias to an anchor set above it ('&${alias.source}')`, found: `'*${alias.source}' with no such anchor before it` });
    },
    Pair(_k, pair) {
      if (pair.key === null || isScalar(pair.key) || isAlias(pair.key)) return;
      const p = lc.linePos((pair.key as Node).range?.[0] ?? 0);
      complex.push({ file, line: p.line, col: p.col, path: '', expected: 'a plain key (a name such as readLatency)', found: `a ${isSeq(pair.key) ? 'list' : 'map'} used as a key` });
    },
  });
  if (complex.length > 0) throw new ConfigErrors(complex);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new ConfigErrors([{ file, line: 1, col: 1, path: '', expected: 'valid YAML', found: `an unusable document (${(e as Error).message})` }]);
  }
  const sources: SourceMap = new Map();
  const replaced = new Set<string>();
  const at = (offset: number | undefined): SourcePos => {
    const p = lc.linePos(offset ?? 0);
    return { file, line: p.line, col: p.col };
  };
  const walk = (node: unknown, path: PathSegment[], depth: number, keyPos?: SourcePos): void => {
    if (depth > 200 || node === null || node === undefined) return;
    const n = node as Node;
    const here = formatPath(path);
    if (!sources.has(here) || keyPos !== undefined) sources.set(here, keyPos ? { value: at(n.range?.[0]), key: keyPos } : { value: at(n.range?.[0]) });
    const target = isAlias(n) ? n.resolve(doc) : n;
    if (isMap(target) && (n.tag === REPLACE_TAG || target.tag === REPLACE_TAG)) replaced.add(here);
    if (isMap(target)) {
      // merged entries first, so explicit keys (which win in the data) also win in the source map
      for (const item of target.items) {
        if (!isPair(item) || !isMergeKey(item.key)) continue;
        const srcs = isSeq(item.value) ? item.value.items : [item.value];
        for (const s of srcs) {
          const m = isAlias(s) ? s.resolve(doc) : s;
          if (isMap(m)) for (const it of m.items) if (isPair(it) && isScalar(it.key)) walk(it.value, [...path, String(it.key.value)], depth + 1, at(it.key.range?.[0]));
        }
      }
      for (const item of target.items) {
        if (!isPair(item) || isMergeKey(item.key)) continue;
        const k = isScalar(item.key) ? String(item.key.value) : String(item.key);
        const kp = at((item.key as Node | null)?.range?.[0]);
        if (item.value === null) sources.set(formatPath([...path, k]), { value: kp, key: kp });
        else walk(item.value, [...path, k], depth + 1, kp);
      }
    } else if (isSeq(target)) {
      target.items.forEach((it, i) => walk(it, [...path, i], depth + 1));
    }
  };
  if (doc.contents !== null) walk(doc.contents, [], 0);
  else sources.set('', { value: { file, line: 1, col: 1 } });
  return replaced.size > 0 ? { data: data ?? null, sources, replaced } : { data: data ?? null, sources };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a configuration file's bytes, or a located problem: a NUL byte (a binary file) or a
 * byte sequence that is not UTF-8 (e.g. Latin-1 'é'), which would otherwise decode silently to U+FFFD.
 */
function decodeText(bytes: Buffer, file: string): string {
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch { /* located below */ }
  const nul = bytes.indexOf(0);
  if (text !== undefined && nul < 0) return text.replace(/^\uFEFF/, '');
  // Where the first bad byte is: the first U+FFFD of a lenient decode that is not a real one in the file.
  const lenient = bytes.toString('utf8');
  let bad = -1;
  for (let i = lenient.indexOf('\uFFFD'); i >= 0 && text === undefined; i = lenient.indexOf('\uFFFD', i + 1)) {
    const off = Buffer.byteLength(lenient.slice(0, i));
    if (!(bytes[off] === 0xef && bytes[off + 1] === 0xbf && bytes[off + 2] === 0xbd)) { bad = off; break; }
  }
  const at = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
  const lines = bytes.subarray(0, Math.max(at, 0)).toString('utf8').split('\n');
  const col = [...(lines[lines.length - 1] ?? '')].length + 1;
  const found = at === nul ? 'a NUL byte (a binary file?)'
    : `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}, which is not UTF-8 (save the file as UTF-8)`;
  throw new ConfigErrors([{ file, line: lines.length, col, path: '', expected: 'a UTF-8 YAML text file', found }]);
}

/** Largest configuration file read (the shipped ones are < 100 kB; a YAML tree this size is no configuration). */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** Bytes read from each pipe (device:inode), for the second read of the same pipe. */
const pipeBytes = new Map<string, Buffer>();

/**
 * The bytes of `file`, at most MAX_CONFIG_BYTES: a regular file or a pipe (`<(…)`), never a device
 * (`/dev/zero` was read forever) nor a file whose text no string can hold (exit 3 on 600 MB).
 */
function readConfigBytes(file: string, displayName: string): Buffer {
  const fail = (why: string): never => {
    throw new UserError(`${displayName}: cannot read configuration file (${why})`);
  };
  let fd: number | undefined;
  try {
    // (stat before open: opening a named pipe again would wait for a writer that is gone)
    const pre = statSync(file);
    const seen = pre.isFIFO() ? pipeBytes.get(`${pre.dev}:${pre.ino}`) : undefined;
    if (seen !== undefined) return seen;
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) fail('it is a directory');
    if (!st.isFile() && !st.isFIFO()) fail(`expected a regular file, found a ${st.isCharacterDevice() ? 'character device' : st.isBlockDevice() ? 'block device' : 'socket'}`);
    const tooBig = (): never => fail(`expected at most ${MAX_CONFIG_BYTES} B (16 MiB) of YAML, found ${st.isFile() ? `${st.size} B` : 'more'}`);
    if (st.isFile() && st.size > MAX_CONFIG_BYTES) tooBig();
    // a pipe (`validate <(…)`) can be read once, but a command reads its file more than once (the
    // kind, then the kind's loader): later reads of the same pipe get the bytes of the first
    const pipeKey = st.isFIFO() ? `${st.dev}:${st.ino}` : undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_CONFIG_BYTES) tooBig();
      chunks.push(chunk.subarray(0, n));
    }
    const bytes = Buffer.concat(chunks, total);
    if (pipeKey !== undefined) pipeBytes.set(pipeKey, bytes);
    return bytes;
  } catch (e) {
    if (e instanceof UserError) throw e;
    return fail(openErrorText(e));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and parses a YAML file; a missing, unreadable, binary or non-UTF-8 file is a UserError. */
export function readYamlFile(file: string, displayName = file): LoadedYaml {
  return parseYaml(decodeText(readConfigBytes(file, displayName), displayName), displayName);
}
