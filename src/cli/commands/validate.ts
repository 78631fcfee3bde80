/**
 * `qmcsim validate FILE...`: reads each configuration (extends, --set overrides), finds its kind
 * (top-level `kind:`, --kind, or a registered file pattern) and checks it with that kind's loader
 * (the one its own command uses, e.g. loadRunConfig for `kind: run`) or, without one, its schema.
 * Exit 0 when all are valid, 2 with one line per problem otherwise; a located problem met again
 * (a SoC file given and also named by a run config given) is printed once.
 */
import type { Command } from 'commander';
import { ConfigErrors, isUserError, UserError } from '../../config/errors.js';
import { suggest } from '../../config/did-you-mean.js';
import { allConfigKinds, findConfigKind, kindForFile, schemaOf, type ConfigKind } from '../../config/kinds.js';
import { composeConfig, validateTree } from '../../config/load.js';
import { formatPath } from '../../config/paths.js';
import { showFound } from '../../units/parse.js';
import { canonicalJson, contentHash } from '../../config/dump.js';
import { provenance } from '../../config/provenance.js';
import type { SourceMap } from '../../config/yaml.js';
import { table } from './describe.js';
import { err, out, setExitCode } from '../io.js';

interface ValidateOptions {
  readonly set: string[];
  readonly kind?: string;
  readonly print?: boolean;
  readonly provenance?: boolean;
}

/** What validating one file yields. */
export interface ValidatedConfig {
  readonly kind: string;
  /** The canonical resolved value (what --print shows and, without `hashed`, the hash covers). */
  readonly value: unknown;
  /** What the hash covers when it is more than `value` (a run: its model's content, as resolved.json). */
  readonly hashed?: unknown;
  readonly files: readonly string[];
  readonly sources: SourceMap;
  /** Extra facts for the summary line, e.g. '120 points'. */
  readonly note?: string;
}

/**
 * A kind's own loader: the function its command runs on the file before doing any work, so
 * `validate` accepts and rejects exactly what that command does. Throws ConfigErrors/UserError.
 */
export type KindLoader = (file: string, overrides: readonly string[]) => Omit<ValidatedConfig, 'kind'> | Promise<Omit<ValidatedConfig, 'kind'>>;

const loaders = new Map<string, KindLoader>();

/** Makes `validate` check files of `kind` with `loader` instead of the kind's schema alone. */
export function registerKindLoader(kind: string, loader: KindLoader): void {
  const old = loaders.get(kind);
  if (old !== undefined && old !== loader) throw new Error(`validate loader for kind '${kind}' registered twice`);
  loaders.set(kind, loader);
}

/**
 * Finds the kind of `file` (--kind, its top-level `kind:`, or a file pattern); throws ConfigErrors.
 * Overrides are not applied here: where they go is the kind loader's business (e.g. `soc.…` into
 * the SoC file a run config names).
 */
function kindOf(file: string, kindOpt: string | undefined): ConfigKind {
  if (kindOpt !== undefined) checkKindOption(kindOpt);
  const tree = composeConfig(file);
  const kindName = kindOpt ?? tree.kind ?? kindForFile(file)?.kind;
  const names = allConfigKinds().map((k) => k.kind);
  const kindPos = tree.sources.get('kind')?.value;
  const at = { file: kindPos?.file ?? file, line: kindPos?.line ?? 1, col: kindPos?.col ?? 1, path: 'kind' };
  if (kindName === undefined && (tree.data === null || tree.data === undefined || typeof tree.data !== 'object' || Array.isArray(tree.data))) {
    // an empty file, or a list or scalar at the top: say what the file holds, not only that kind: is missing
    const found = tree.data === null || tree.data === undefined ? 'an empty document (the file is empty or only comments)'
      : Array.isArray(tree.data) ? 'a list at the top level' : `${showFound(tree.data)} at the top level`;
    throw new ConfigErrors([{ file, line: 1, col: 1, path: '', expected: `a map with a top-level 'kind:' (one of ${names.join(', ') || 'none registered'})`, found }]);
  }
  if (kindName === undefined) {
    // 'kidn: run': name the misspelt key, not only the missing one
    const top = typeof tree.data === 'object' && tree.data !== null && !Array.isArray(tree.data) ? Object.keys(tree.data) : [];
    const misspelt = top.find((k) => k !== 'kind' && suggest(k, ['kind']) === 'kind');
    if (misspelt !== undefined) {
      const pos = tree.sources.get(formatPath([misspelt]));
      const where = pos?.key ?? pos?.value;
      throw new ConfigErrors([{ file: where?.file ?? file, line: where?.line ?? 1, col: where?.col ?? 1, path: formatPath([misspelt]),
        expected: `a top-level 'kind:' naming the configuration kind (one of ${names.join(', ') || 'none registered'})`, found: `unknown key '${misspelt}'`, hint: "did you mean 'kind'?" }]);
    }
    // a model or quant file copied out of configs/models or configs/quant loses its folder-given kind
    const hint = "add a line such as 'kind: model' or pass --kind KIND (only files under configs/models/ and configs/quant/ need no kind:)";
    throw new ConfigErrors([{ ...at, expected: `a top-level 'kind:' naming the configuration kind (one of ${names.join(', ') || 'none registered'})`, found: 'none', hint }]);
  }
  const kind = findConfigKind(kindName);
  if (kind === undefined) {
    const hint = suggest(kindName, names);
    throw new ConfigErrors([{ ...at, expected: `a known configuration kind (${names.join(', ')})`, found: `'${kindName}'`, ...(hint ? { hint: `did you mean '${hint}'?` } : {}) }]);
  }
  return kind;
}

/** An unknown --kind is the option's fault, not the file's: one line naming --kind (UserError). */
function checkKindOption(kindOpt: string): void {
  if (findConfigKind(kindOpt) !== undefined) return;
  const names = allConfigKinds().map((k) => k.kind);
  const hint = suggest(kindOpt, names);
  throw new UserError(`qmcsim validate: --kind: expected a known configuration kind (${names.join(', ')}), found '${kindOpt}'${hint ? `; did you mean '${hint}'?` : ''}`);
}

/** Checks one file with its kind's loader, or its schema when the kind has none. */
function check(file: string, opts: { overrides?: readonly string[]; kind?: string }): ValidatedConfig | Promise<ValidatedConfig> {
  const kind = kindOf(file, opts.kind);
  const overrides = opts.overrides ?? [];
  const loader = loaders.get(kind.kind);
  if (loader !== undefined) {
    const r = loader(file, overrides);
    return r instanceof Promise ? r.then((x) => ({ kind: kind.kind, ...x })) : { kind: kind.kind, ...r };
  }
  const tree = composeConfig(file, overrides);
  const value = validateTree(schemaOf(kind), tree, file);
  return { kind: kind.kind, value, files: tree.files, sources: tree.sources };
}

/**
 * Validates one file synchronously, as validateConfig does; for kinds whose loader is asynchronous
 * (e.g. `sweep`) use validateConfig. Throws ConfigErrors/UserError.
 */
export function validateFile(file: string, opts: { overrides?: readonly string[]; kind?: string } = {}): ValidatedConfig {
  const r = check(file, opts);
  if (r instanceof Promise) {
    r.catch(() => {});
    throw new Error(`validateFile: ${file}: this kind is checked asynchronously; call validateConfig`);
  }
  return r;
}

/** Validates one file the way its kind's command loads it (loader if registered, else schema). */
export async function validateConfig(file: string, opts: { overrides?: readonly string[]; kind?: string } = {}): Promise<ValidatedConfig> {
  return check(file, opts);
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check configuration files as the command that reads them would (exit 0 valid, 2 invalid)')
    .argument('<files...>', 'YAML configuration files')
    .option('--set <path=value>', "override a value, e.g. --set 'devices[0].readLatency=5 ns' (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--kind <kind>', 'validate as this kind instead of the file\'s top-level kind:')
    .option('--print', 'print the validated configuration as canonical JSON')
    .option('--provenance', 'print where every value came from (file:line:col, --set, or default)')
    .action(async (files: string[], opts: ValidateOptions) => {
      if (opts.kind !== undefined) checkKindOption(opts.kind); // once, not once per file
      let failed = false;
      // Located lines ('file:line:col: …') already printed: one file reached from several given
      // files reports its problems once. Unlocated lines are always printed.
      const shown = new Set<string>();
      for (const file of files) {
        try {
          const r = await validateConfig(file, { overrides: opts.set, ...(opts.kind !== undefined ? { kind: opts.kind } : {}) });
          if (opts.print) out(canonicalJson(r.value, 2));
          if (opts.provenance) out(table(['key', 'from'], Object.entries(provenance(r.value, r.sources))));
          out(`${file}: valid ${r.kind} configuration (${r.files.length} file${r.files.length === 1 ? '' : 's'}, hash ${contentHash(r.hashed ?? r.value).slice(0, 12)}${r.note !== undefined ? `, ${r.note}` : ''})`);
        } catch (e) {
          if (!isUserError(e)) throw e;
          for (const line of e.format().split('\n')) {
            if (/^.+:\d+:\d+: /.test(line)) {
              if (shown.has(line)) continue;
              shown.add(line);
            }
            err(line);
          }
          failed = true;
        }
      }
      if (failed) setExitCode(2);
    });
}
