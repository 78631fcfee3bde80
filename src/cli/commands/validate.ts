/**
 * `qmcsim validate FILE...`: reads each configuration (extends, --set overrides), finds its kind
 * (top-level `kind:`, --kind, or a registered file pattern) and checks it against that kind's
 * schema. Exit 0 when all are valid, 2 with one line per problem otherwise.
 */
import type { Command } from 'commander';
import { ConfigErrors, isUserError } from '../../config/errors.js';
import { suggest } from '../../config/did-you-mean.js';
import { allConfigKinds, findConfigKind, kindForFile, schemaOf } from '../../config/kinds.js';
import { composeConfig, validateTree } from '../../config/load.js';
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

/** Validates one file; returns the canonical resolved value. Throws ConfigErrors/UserError. */
export function validateFile(file: string, opts: { overrides?: readonly string[]; kind?: string } = {}): { kind: string; value: unknown; files: readonly string[]; sources: SourceMap } {
  const tree = composeConfig(file, opts.overrides ?? []);
  const kindName = opts.kind ?? tree.kind ?? kindForFile(file)?.kind;
  const names = allConfigKinds().map((k) => k.kind);
  const kindPos = tree.sources.get('kind')?.value;
  const at = { file: kindPos?.file ?? file, line: kindPos?.line ?? 1, col: kindPos?.col ?? 1, path: 'kind' };
  if (kindName === undefined) {
    throw new ConfigErrors([{ ...at, expected: `a top-level 'kind:' naming the configuration kind (one of ${names.join(', ') || 'none registered'})`, found: 'none' }]);
  }
  const kind = findConfigKind(kindName);
  if (kind === undefined) {
    const hint = suggest(kindName, names);
    throw new ConfigErrors([{ ...at, expected: `a known configuration kind (${names.join(', ')})`, found: `'${kindName}'`, ...(hint ? { hint: `did you mean '${hint}'?` } : {}) }]);
  }
  const value = validateTree(schemaOf(kind), tree, file);
  return { kind: kind.kind, value, files: tree.files, sources: tree.sources };
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check configuration files against their schema (exit 0 valid, 2 invalid)')
    .argument('<files...>', 'YAML configuration files')
    .option('--set <path=value>', "override a value, e.g. --set 'devices[0].readLatency=5 ns' (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--kind <kind>', 'validate as this kind instead of the file\'s top-level kind:')
    .option('--print', 'print the validated configuration as canonical JSON')
    .option('--provenance', 'print where every value came from (file:line:col, --set, or default)')
    .action((files: string[], opts: ValidateOptions) => {
      let failed = false;
      for (const file of files) {
        try {
          const r = validateFile(file, { overrides: opts.set, ...(opts.kind !== undefined ? { kind: opts.kind } : {}) });
          if (opts.print) out(canonicalJson(r.value, 2));
          if (opts.provenance) out(table(['key', 'from'], Object.entries(provenance(r.value, r.sources))));
          out(`${file}: valid ${r.kind} configuration (${r.files.length} file${r.files.length === 1 ? '' : 's'}, hash ${contentHash(r.value).slice(0, 12)})`);
        } catch (e) {
          if (!isUserError(e)) throw e;
          for (const line of e.format().split('\n')) err(line);
          failed = true;
        }
      }
      if (failed) setExitCode(2);
    });
}
