/**
 * Model catalogue: the YAML shapes in configs/models, found by model name (case-insensitive) or by
 * file path. Unknown names fail with the list of available names and a did-you-mean.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigErrors, UserError } from '../config/errors.js';
import { didYouMean, loadYamlFile } from './config-load.js';
import { modelShapeSchema, type ModelShape } from './model-shape.js';

/** Directory of the bundled model YAMLs (configs/models at the repository root). */
export const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../configs/models');

/** Load and validate one model shape YAML (optional `path=value` overrides, e.g. 'attention.slidingWindow=2048'). */
export function loadModelFile(file: string, overrides: readonly string[] = []): ModelShape {
  refuseHfConfig(file);
  return { ...loadYamlFile(file, modelShapeSchema, overrides), file };
}

const HF_KEYS = ['model_type', 'architectures', 'hidden_size', 'num_hidden_layers'];
const EXAMPLE_BY_HF_TYPE: Readonly<Record<string, string>> = { phi: 'phi-1.5.yaml', mamba: 'mamba-130m.yaml', hymba: 'hymba-1.5b.yaml' };

/**
 * A Hugging Face config.json given as a model: one line saying what is expected instead of one
 * unknown-key error per HF field (hidden_size, num_hidden_layers, …) and one missing-key error per shape key.
 */
function refuseHfConfig(file: string): void {
  if (!file.endsWith('.json') || !existsSync(file)) return;
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return; // not JSON: the YAML loader reports it with a position
  }
  if (j === null || typeof j !== 'object' || !HF_KEYS.some((k) => k in j)) return;
  const type = (j as Record<string, unknown>).model_type;
  const example = (typeof type === 'string' ? EXAMPLE_BY_HF_TYPE[type] : undefined) ?? 'smollm2-135m.yaml';
  throw new ConfigErrors([{ file, line: 1, col: 1, path: '',
    expected: 'a qmcsim model shape YAML (keys name, hfId, family, hiddenSize, numLayers, vocabSize, …)',
    found: `a Hugging Face config.json${typeof type === 'string' ? ` (model_type '${type}')` : ''}`,
    hint: `copy configs/models/${example} and set its values from this file (hidden_size → hiddenSize, num_hidden_layers → numLayers, …)` }]);
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
  if (nameOrPath.endsWith('.yaml') || nameOrPath.endsWith('.yml') || nameOrPath.endsWith('.json') || nameOrPath.includes('/') && existsSync(nameOrPath)) {
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
  // offered as configs and --set spell them: the file stems (hymba-1.5b), not the display names
  const names = [...idx.values()].map((f) => basename(f, '.yaml')).sort();
  const dym = didYouMean(nameOrPath, names);
  // A name, not a file: no source position to give, so no file:line:col prefix.
  throw new UserError(`model: unknown model '${nameOrPath}'${dym ? ` (did you mean '${dym}'?)` : ''}; available: ${names.join(', ')} (or a model YAML path)`);
}
