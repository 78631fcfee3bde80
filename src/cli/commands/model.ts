/**
 * `qmcsim model import FILE.gguf [--out FILE.yaml] [--force]`: derives a model shape (configs/models
 * format) from a local GGUF checkpoint's header (src/workloads/weights/gguf-shape.ts), checks it
 * against the model schema and against the file (the shape's parameter count must equal the file's
 * tensor elements), and prints it or writes it. A run config then names the written file as `model:`.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { atomicWriteFile } from '../../config/dump.js';
import { openErrorText } from '../../config/open-error.js';
import { err, out } from '../io.js';
import { readGgufHeader } from '../../workloads/weights/gguf.js';
import { modelShapeFromGguf } from '../../workloads/weights/gguf-shape.js';
import { modelShapeSchema } from '../../workloads/model-shape.js';
import { paramCount } from '../../workloads/inventory.js';

async function importGguf(file: string, opts: { out?: string; force?: boolean }): Promise<void> {
  if (opts.out !== undefined && existsSync(opts.out) && !opts.force) throw new UserError(`qmcsim model import: ${opts.out} exists; pass --force to replace it`);
  const header = await readGgufHeader(file);
  const derived = modelShapeFromGguf(header);
  const parsed = modelShapeSchema.safeParse(derived.shape);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UserError(`qmcsim model import: ${file}: the derived shape is not a valid model (${i.path.join('.')}: ${i.message})`);
  }
  const params = paramCount({ ...parsed.data, file });
  // The shape must account for every tensor element of the file; anything else means a tensor the
  // model format does not describe (or a metadata value that disagrees with the tensors).
  if (params !== derived.fileParams) {
    throw new UserError(`qmcsim model import: ${file}: the derived shape has ${params} parameters but the file's tensors hold ${derived.fileParams}; the architecture's layout differs from what the model format describes`);
  }
  const text = `# ${derived.shape.name}: derived by \`qmcsim model import\` from ${file} (GGUF header; tensors stored as ${derived.storage}).\n` +
    `# Parameter count ${params}, equal to the elements of the file's ${header.tensors.length} tensors.\n` +
    stringify({ kind: 'model', ...derived.shape, publishedParams: params }, { lineWidth: 0 });
  if (opts.out === undefined) {
    out(text.trimEnd());
    return;
  }
  try {
    atomicWriteFile(opts.out, text);
  } catch (e) {
    throw new UserError(`qmcsim model import: cannot write ${opts.out} (${openErrorText(e)})`);
  }
  err(`${opts.out}: ${derived.shape.name}, ${params} parameters (use it as 'model: ${opts.out}' in a run config)`);
}

export function register(program: Command): void {
  const model = program.command('model').description('model shapes: derive one from a checkpoint (`model import FILE.gguf`)');
  model
    .command('import')
    .description('derive a model shape (configs/models YAML) from a local GGUF file header: llama, qwen2 or phi2 architectures')
    .argument('<file>', 'GGUF checkpoint (local file; only its header is read)')
    .option('--out <file>', 'write the YAML here (default: print it)')
    .option('--force', 'replace --out if it exists')
    .action(async (file: string, opts: { out?: string; force?: boolean }) => importGguf(file, opts));
}
