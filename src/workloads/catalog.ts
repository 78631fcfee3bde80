/**
 * Model catalogue: the YAML shapes in configs/models, found by model name (case-insensitive) or by
 * file path. Unknown names fail with the list of available names and a did-you-mean.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../config/errors.js';
import { didYouMean, loadYamlFile } from './config-load.js';
import { modelShapeSchema, type ModelShape } from './model-shape.js';

/** Directory of the bundled model YAMLs (configs/models at the repository root). */
export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../configs/models');

/** Load and validate one model shape YAML (optional `path=value` overrides, e.g. 'attention.slidingWindow=2048'). */
export function loadModelFile(file: string, overrides: readonly string[] = []): ModelShape {
  return { ...loadYamlFile(file, modelShapeSchema, overrides), file };
}

let cache: Map<string, string> | undefined;
function index(): Map<string, string> {
  if (cache) return cache;
  cache = new Map();
  for (const f of readdirSync(MODELS_DIR).filter((x) => x.endsWith('.yaml')).sort()) {
    const shape = loadModelFile(join(MODELS_DIR, f));
    cache.set(shape.name, join(MODELS_DIR, f));
  }
  return cache;
}

/** Names of the catalogue models, sorted. */
export function listModels(): string[] {
  return [...index().keys()].sort();
}

/**
 * A model by catalogue name (case-insensitive, HF id also accepted) or by YAML path, with optional
 * `path=value` overrides. Unknown names throw a UserError listing the catalogue with a did-you-mean.
 */
export function loadModel(nameOrPath: string, overrides: readonly string[] = []): ModelShape {
  if (nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml') || nameOrPath.includes('/') && existsSync(nameOrPath)) {
    return loadModelFile(nameOrPath, overrides);
  }
  const idx = index();
  const key = nameOrPath.toLowerCase();
  for (const [name, file] of idx) {
    if (name.toLowerCase() === key) return loadModelFile(file, overrides);
  }
  for (const file of idx.values()) {
    if (loadModelFile(file).hfId.toLowerCase() === key) return loadModelFile(file, overrides);
  }
  const names = listModels();
  const dym = didYouMean(nameOrPath, names);
  // A name, not a file: no source position to give, so no file:line:col prefix.
  throw new UserError(`model: unknown model '${nameOrPath}'${dym ? ` (did you mean '${dym}'?)` : ''}; available: ${names.join(', ')} (or a model YAML path)`);
}
