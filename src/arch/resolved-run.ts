/**
 * What a run's `resolved.json` records and its content hash covers: the run configuration with
 * every file it references replaced by that file's resolved content — the SoC file is inlined at
 * load (loadRunConfig), the model name or YAML path becomes the model shape it loads — so editing a
 * referenced file changes the hash and two paths to identical content hash alike. Paths are provenance.
 */
import { loadModel } from '../workloads/catalog.js';
import type { ModelShape } from '../workloads/model-shape.js';
import type { RunConfig } from './run-config.js';

/** A run configuration as hashed: `model` is the resolved model shape, no file paths. */
export type ResolvedRunConfig = Omit<RunConfig, 'socFile' | 'model'> & { readonly model: Omit<ModelShape, 'file'> };

/** The hashed content of a run and where its referenced files were read from. */
export interface ResolvedRun {
  /** What `writeResolved` stores as `config` and hashes. */
  readonly config: ResolvedRunConfig;
  /** Provenance, not hashed: the `model:` value as resolved (catalogue name or absolute path), the model YAML read, the SoC file (when `soc:` is a path). */
  readonly files: { readonly model: string; readonly modelFile: string; readonly socFile?: string };
}

/** The content `cfg`'s results rest on (model shape loaded from the catalogue or its YAML path). */
export function resolvedRun(cfg: RunConfig): ResolvedRun {
  const { socFile, model, ...rest } = cfg;
  const { file: modelFile, ...shape } = loadModel(model);
  return {
    config: { ...rest, model: shape },
    files: { model, modelFile, ...(socFile !== undefined ? { socFile } : {}) },
  };
}
