/**
 * Checks on a parsed yaml 2 Document that the YAML reader (yaml.ts) reports as located problems:
 * the key path of a node, YAML tags a configuration cannot use (unknown `!mytag`, `!!float` on a
 * non-number, YAML 1.1 types such as `!!set`), and where an unterminated `[`, `{` or quote starts.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './errors.js';
import { formatPath, type PathSegment } from './paths.js';

/** The formatted key path of `node` from the ancestors visit() passes (document first). */
export function keyPathOf(doc: Document, ancestors: readonly unknown[], node: unknown): string {
  const path: PathSegment[] = [];
  let parent: unknown = doc;
  for (const a of [...ancestors.slice(1), node]) {
    // (a merge key '<<' is a symbol in yaml 2: its values belong to the map that holds it)
    if (isPair(a) && isScalar(a.key)) {
      if (typeof a.key.value !== 'symbol') path.push(String(a.key.value));
    }
    else if (isSeq(parent)) path.push(parent.items.indexOf(a as never));
    parent = a;
  }
  return formatPath(path);
}

const CORE = 'tag:yaml.org,2002:';
/** Tags of the YAML 1.2 core schema, which is what configurations are read with ('!' = non-specific). */
const CORE_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t)]);
const showTag = (tag: string): string => (tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag);
const CORE_LIST = "'!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq'";
/** The tag of a map that replaces, rather than deep-merges into, the same map of the files it extends. */
export const REPLACE_TAG = '!replace';

/**
 * Problems with YAML tags in `doc`: a tag yaml could not resolve (it reports a warning and keeps the
 * plain text, so `readLatency: !mytag 7 ns` read as '7 ns'), a number tag on a non-number
 * (`!!float 3.5 ns`), and tags outside the core schema that yaml resolves to no configuration value
 * (`!!binary`, `!!set`, `!!timestamp`). Located at the tag when yaml says where it is.
 */
export function tagProblems(doc: Document, text: string, file: string, lc: LineCounter): ConfigProblem[] {
  // where each unresolved tag starts and ends (yaml's TAG_RESOLVE_FAILED warnings)
  const unresolved = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED').map((w) => ({ start: w.pos[0], end: w.pos[1] }));
  const claimed = new Set<(typeof unresolved)[number]>();
  const problems: ConfigProblem[] = [];
  visit(doc, {
    Node(_k, node, ancestors) {
      const tag = (node as Node).tag;
      if (tag === undefined) return;
      const at = (node as Node).range?.[0] ?? 0;
      // this node's tag is the one of the nearest unclaimed warning ending at or before it (nodes come in document order)
      const nearest = unresolved.filter((w) => w.end <= at).sort((a, b) => b.end - a.end)[0];
      const warned = nearest !== undefined && !claimed.has(nearest) ? nearest : undefined;
      if (CORE_TAGS.has(tag) && warned === undefined) return;
      if (warned !== undefined) claimed.add(warned);
      // '!replace' on a map: the map replaces its base's instead of deep-merging (resolve.ts composeFile)
      if (tag === REPLACE_TAG && isMap(node)) return;
      // YAML 1.2's core schema resolves '!!float 32' to 32.0; yaml reads it as the text '32'
      if (tag === `${CORE}float` && isScalar(node) && /^[-+]?[0-9]+$/.test(String(node.source ?? node.value))) {
        node.value = Number(node.source ?? node.value);
        return;
      }
      const shown = showTag(tag);
      // a tag yaml resolved without a warning (`!!binary`): written just before the node, maybe with an anchor
      const written = text.lastIndexOf(shown, at);
      const before = written >= 0 && /^\s*(&\S+\s+)?$/.test(text.slice(written + shown.length, at)) ? written : at;
      const pos = lc.linePos(warned?.start ?? before);
      const what = isScalar(node) ? `'${String(node.source ?? node.value)}'` : isSeq(node) ? 'a list' : isMap(node) ? 'a map' : 'a value';
      let expected: string;
      let found: string;
      if (tag === `${CORE}int` || tag === `${CORE}float`) {
        // yaml's core schema reads '2' tagged !!float as text too: a float needs a '.' or an exponent
        expected = `${tag === `${CORE}int` ? 'an integer' : "a number with a '.' or an exponent (2.0, 3.5e-9)"} after '${shown}' (a quantity such as '3.5 ns' takes no tag)`;
        found = `${what} tagged '${shown}'`;
      } else if (tag === REPLACE_TAG) {
        expected = `'${REPLACE_TAG}' only on a map (a map written '${REPLACE_TAG} { … }' replaces the base's map of extends: instead of merging into it; lists and values replace anyway)`;
        found = `the tag '${REPLACE_TAG}' on ${what}`;
      } else if (CORE_TAGS.has(tag)) {
        expected = `a value '${shown}' can hold`;
        found = `${what} tagged '${shown}'`;
      } else {
        expected = `no YAML tag, or one of ${CORE_LIST} (or '${REPLACE_TAG}' on a map)`;
        found = tag.startsWith(CORE)
          ? `the tag '${shown}' (on ${what}; a YAML 1.1 type no configuration value has)`
          : `the tag '${shown}' (on ${what}; unknown, so the value would be read as if untagged)`;
      }
      problems.push({ file, line: pos.line, col: pos.col, path: keyPathOf(doc, ancestors, node), expected, found });
    },
  });
  return problems;
}

/** An unterminated construct's opening: a flow list '[', a flow map '{' or a quoted string. */
interface Opening {
  readonly offset: number;
  readonly kind: 'seq' | 'map' | 'quote';
}

/**
 * The offsets where unterminated constructs open in `text` (innermost last): yaml reports a missing
 * ']' or closing quote where it gave up, which is often the line after the file's end.
 */
function unterminated(doc: Document, text: string): Opening[] {
  const out: Opening[] = [];
  visit(doc, {
    Node(_k, node) {
      const r = (node as Node).range;
      if (r === undefined || r === null) return;
      const src = text.slice(r[0], r[1]).trimEnd();
      if ((isSeq(node) || isMap(node)) && node.flow === true) {
        const close = isSeq(node) ? ']' : '}';
        if (!src.endsWith(close)) out.push({ offset: r[0], kind: isSeq(node) ? 'seq' : 'map' });
      } else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
        const q = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        if (src.length < 2 || !src.endsWith(q) || (q === '"' && /(^|[^\\])(\\\\)*\\"$/.test(src))) out.push({ offset: r[0], kind: 'quote' });
      }
    },
  });
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Where to report yaml syntax errors, by error: the start of the unterminated construct the error
 * is about (missing ']' → its '['; missing quote → the opening quote), else yaml's position, but
 * never past the last line of the file. Each construct is used once (innermost first).
 */
export function syntaxErrorOffsets(doc: Document, text: string): number[] {
  let open: Opening[] = [];
  try {
    open = unterminated(doc, text);
  } catch { /* nested too deeply to walk (reported as such): yaml's positions */ }
  const used = new Set<Opening>();
  const lastLineEnd = text.replace(/\s+$/, '').length;
  return doc.errors.map((e) => {
    const msg = e.message;
    const kind = /^Flow sequence/.test(msg) ? 'seq' : /^Flow map/.test(msg) ? 'map' : /^Missing closing .?quote/.test(msg) ? 'quote' : undefined;
    if (kind !== undefined) {
      const o = [...open].reverse().find((c) => c.kind === kind && c.offset < e.pos[0] && !used.has(c));
      if (o !== undefined) {
        used.add(o);
        return o.offset;
      }
    }
    return Math.min(e.pos[0], Math.max(lastLineEnd, 0));
  });
}
