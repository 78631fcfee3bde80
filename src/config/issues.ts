/**
 * Maps zod 4 validation issues to located ConfigProblems ("file:line:col: key.path: expected …,
 * found …; did you mean …?"), using the source map built while reading the YAML.
 */
import type { z } from 'zod';
import { showFound } from '../units/parse.js';
import { didYouMean, misspeltKey, suggest } from './did-you-mean.js';
import type { ConfigProblem } from './errors.js';
import { formatPath, getAt, type PathSegment } from './paths.js';
import { allowedKeysOf } from './schema.js';
import { allowedKeysAt, foreignKeyAt } from './schema-keys.js';
import type { SourceMap, SourcePos } from './yaml.js';

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  object: 'a map', array: 'a list', string: 'a string', number: 'a number', int: 'an integer',
  boolean: 'true or false', bigint: 'an integer', null: 'null', undefined: 'nothing',
};

/**
 * Position for `path`: its own entry (its value's, or its key's if `preferKey`), else the nearest
 * ancestor's key. Load-time checks outside the schema (src/arch) locate their problems with it too.
 */
export function locate(sources: SourceMap, path: readonly PathSegment[], preferKey = false): SourcePos | undefined {
  for (let n = path.length; n >= 0; n--) {
    const src = sources.get(formatPath(path.slice(0, n)));
    if (src !== undefined) return (n === path.length ? (preferKey ? src.key : undefined) : src.key) ?? src.value;
  }
  return undefined;
}

function listValues(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return shown.join(', ') + (values.length > max ? `, … (${values.length - max} more)` : '');
}

function flatten(issue: Issue, base: readonly PathSegment[]): Array<{ issue: Issue; path: PathSegment[] }> {
  const path = [...base, ...(issue.path as PathSegment[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // every branch refused the value's type (soc: 3, or missing, where a path or a map is allowed):
    // one problem naming all the forms (the union's own message when it has one), not one branch's
    const types = issue.errors.map((errs) => (errs.length === 1 && errs[0]?.code === 'invalid_type' && errs[0].path.length === 0 ? errs[0].expected : undefined));
    if (types.every((x) => x !== undefined)) {
      const own = issue.message !== '' && !issue.message.startsWith('Invalid input') ? issue.message : undefined;
      const message = own ?? [...new Set(types.map((x) => typeNames[x] ?? x))].join(' or ');
      return [{ issue: { code: 'custom', path: issue.path, message, input: issue.input } as Issue, path }];
    }
    // report the branch that got furthest (deepest issue path), then the one with fewest issues
    const depth = (errs: readonly Issue[]): number => Math.max(...errs.map((e) => e.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0] ?? [];
    return best.flatMap((e) => flatten(e, path));
  }
  return [{ issue, path }];
}

/** Keys the loader consumes before validation: a misspelling of one at the top level gets a did-you-mean. */
const RESERVED_TOP_KEYS = ['kind', 'extends'] as const;

/**
 * For a missing key at `path` (e.g. devices[0].type): a sibling key that looks like a misspelling of
 * it (tpye), which the schema then never asked for.
 */
function misspeltSibling(data: unknown, path: readonly PathSegment[]): { path: PathSegment[]; key: string; meant: string } | undefined {
  const meant = path[path.length - 1];
  const parent = getAt(data, path.slice(0, -1));
  if (typeof meant !== 'string' || typeof parent !== 'object' || parent === null || Array.isArray(parent)) return undefined;
  const m = misspeltKey(parent, [meant]);
  return m === undefined ? undefined : { path: [...path.slice(0, -1), m.key], key: m.key, meant };
}

const where = (p: SourcePos): string => `${p.file}:${p.line}:${p.col}`;
const isFile = (p: SourcePos): boolean => !p.file.startsWith('--set ');

/**
 * A key written in a base file but held by a map the extending file wrote (`extends:` deep-merges
 * maps): located at that map's key in the extending file, which is what to edit, with where the
 * key came from and how to replace the map instead. Undefined for any other key.
 */
function mergedIn(sources: SourceMap, path: readonly PathSegment[]): { at: SourcePos; hint: string } | undefined {
  const own = sources.get(formatPath(path));
  if (own === undefined || path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const parent = sources.get(formatPath(parentPath));
  const mine = own.key ?? own.value;
  const theirs = parent?.key ?? parent?.value;
  if (theirs === undefined || mine.file === theirs.file || !isFile(mine) || !isFile(theirs) || parentPath.length === 0) return undefined;
  const name = parentPath[parentPath.length - 1];
  if (typeof name !== 'string') return undefined;
  return {
    at: theirs,
    hint: `${formatPath(path)} was merged in from ${where(mine)} (extends: deep-merges maps); to replace the base's map instead, write '${name}: !replace { … }'`,
  };
}

/** Converts zod issues for `data` into located problems, sorted by position. */
export function issuesToProblems(issues: readonly Issue[], data: unknown, sources: SourceMap, file: string, schema?: z.ZodType): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  /** Paths a misspelt key probably meant: their "missing" problems are implied and dropped. */
  const meant = new Set<string>();
  const push = (path: readonly PathSegment[], preferKey: boolean, expected: string, found: string, given = ''): void => {
    const merged = mergedIn(sources, path);
    const pos = merged?.at ?? locate(sources, path, preferKey);
    const hint = merged === undefined ? given : given === '' ? merged.hint : `${given}; ${merged.hint}`;
    const p: ConfigProblem = { file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path: formatPath(path), expected, found };
    out.push(hint ? { ...p, hint } : p);
  };
  for (const { issue, path } of issues.flatMap((i) => flatten(i, []))) {
    const value = getAt(data, path);
    switch (issue.code) {
      case 'custom': {
        const params = issue.params as { expected?: unknown; found?: unknown; orAt?: unknown } | undefined;
        // a key left at its default has no line: at a written sibling the check names (orAt), saying so
        const sibling = Array.isArray(params?.orAt) && !sources.has(formatPath(path))
          ? (params.orAt as string[]).map((k) => [...path.slice(0, -1), k]).find((p) => sources.has(formatPath(p))) : undefined;
        if (typeof params?.expected === 'string' && typeof params.found === 'string') {
          if (sibling !== undefined) push(sibling, false, params.expected, `${params.found} (the default of ${String(path[path.length - 1])}, which is not set)`);
          else push(path, false, params.expected, params.found);
        }
        else push(path, false, issue.message, showFound(value));
        break;
      }
      case 'invalid_type':
        // the whole document null: the file has no content (empty, only comments, a bare '---')
        push(path, false, typeNames[issue.expected] ?? issue.expected, path.length === 0 && value === null ? 'an empty document (no keys; the file is empty or only comments)' : showFound(value));
        break;
      case 'unrecognized_keys': {
        const allowed = allowedKeysOf(value) ?? (schema ? allowedKeysAt(schema, data, path) : undefined);
        const owner = path.length === 0 ? 'the top level' : `'${formatPath(path)}'`;
        for (const k of issue.keys) {
          // a key of another member of a discriminated union (keepBits under scheme: fp16): say whose it is
          const foreign = schema ? foreignKeyAt(schema, data, path, k) : undefined;
          if (foreign !== undefined) {
            const { discriminator: d, chosen, owners } = foreign;
            const keys = allowed ? ` (${listValues(allowed)})` : '';
            push([...path, k], true, `a key allowed at ${owner} for ${d} ${chosen}${keys}`, `'${k}'`, `${k} does not apply to ${d} ${chosen}, it applies to ${owners.join(', ')}`);
            continue;
          }
          const expected = allowed ? `a key allowed at ${owner} (${listValues(allowed)})` : `a key allowed at ${owner}`;
          // a nested block for a family of flat dotted keys (timing: {tRCD: …} where timing.tRCD is a key)
          const flat = allowed?.filter((a) => a.startsWith(`${k}.`)) ?? [];
          if (flat.length > 0) {
            push([...path, k], true, expected, `unknown key '${k}'`, `${k} parameters are written as flat keys, e.g. '${flat[0]}: …'`);
            continue;
          }
          // the reverse: a flat dotted key (timing.tRCD) where the family is a nested block (timing: {tRCD: …})
          const dot = k.indexOf('.');
          const head = dot > 0 ? k.slice(0, dot) : '';
          if (head !== '' && allowed?.includes(head) === true && !k.endsWith('.')) {
            push([...path, k], true, expected, `unknown key '${k}'`, `${head} parameters are written as a nested block here, e.g. '${head}: { ${k.slice(dot + 1)}: … }'`);
            continue;
          }
          const sug = allowed ? suggest(k, allowed) : undefined;
          if (sug !== undefined) meant.add(formatPath([...path, sug]));
          // a misspelt 'extends:' or 'kind:' (consumed by the loader, so not in the allowed list)
          const reserved = sug === undefined && path.length === 0 ? suggest(k, RESERVED_TOP_KEYS) : undefined;
          push([...path, k], true, expected, `unknown key '${k}'`, reserved !== undefined ? `did you mean '${reserved}'?` : allowed ? didYouMean(k, allowed) : '');
        }
        break;
      }
      case 'invalid_value': {
        const hint = typeof value === 'string' ? didYouMean(value, issue.values.filter((v): v is string => typeof v === 'string')) : '';
        push(path, false, issue.values.length === 1 ? listValues(issue.values) : `one of ${listValues(issue.values)}`, showFound(value), hint);
        break;
      }
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string; options?: unknown[] }).options;
        if (disc !== undefined) {
          const opts = disc.map(String);
          // the discriminating key (type:, scheme:) missing because it is misspelt (tpye:): name that key
          const misspelt = value === undefined ? misspeltSibling(data, path) : undefined;
          if (misspelt !== undefined) {
            push(misspelt.path, true, `'${misspelt.meant}:' naming one of ${listValues(opts)}`, `unknown key '${misspelt.key}'`, `did you mean '${misspelt.meant}'?`);
            break;
          }
          const hint = typeof value === 'string' ? didYouMean(value, opts) : '';
          push(path, false, opts.length > 0 ? `one of ${listValues(opts)}` : 'a registered type (none are registered)', showFound(value), hint);
        } else push(path, false, 'one of the allowed forms', showFound(value));
        break;
      }
      case 'too_small':
      case 'too_big': {
        const cmp = issue.code === 'too_small' ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤';
        const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        const what = issue.origin === 'array' ? `a list with ${cmp} ${bound} items`
          : issue.origin === 'string' ? `a string of ${cmp} ${bound} characters` : `a value ${cmp} ${bound}`;
        push(path, false, what, Array.isArray(value) ? `a list of ${value.length} items` : showFound(value));
        break;
      }
      default:
        push(path, false, issue.message.replace(/^Invalid input: expected /, ''), showFound(value));
    }
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  const seen = new Set<string>();
  return out.filter((p) => {
    if (meant.has(p.path) && p.found === showFound(undefined)) return false;
    const k = `${p.file}:${p.line}:${p.col}:${p.path}:${p.expected}:${p.found}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
