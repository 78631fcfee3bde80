// A small `kind: noise-study` file for tests: SmolLM2-135M weights (one tensor, a few rows), the QMC
// quantizer, the QMC run files of experiments/qmc replayed with `replay.set`.
import { resolve } from 'node:path';

export const QMC_RUNS = resolve(import.meta.dirname, '../../experiments/qmc');

export interface NoiseStudyYamlOptions {
  readonly model?: string;
  readonly tensor?: string;
  readonly maxRows?: number;
  readonly cellModes?: string;
  readonly spreads?: string;
  readonly writeErrorRates?: string;
  /** replay.set entries. */
  readonly set?: readonly string[];
}

export function noiseStudyYaml(o: NoiseStudyYamlOptions = {}): string {
  return `kind: noise-study
version: 1
seed: 5
model: ${o.model ?? 'smollm2-135m'}
weights:
  tensors: [${o.tensor ?? 'model.layers.0.mlp.up_proj.weight'}]
  maxRows: ${o.maxRows ?? 8}
quant: { scheme: qmc, rho: 0.3, inlierBits: 3, outlierBits: 5 }
mlc:
  presets: { '2': nvmexplorer-2bit, '3': nvmexplorer-3bit }
  cellModes: ${o.cellModes ?? '[3, 2]'}
  levelSpreadScale: ${o.spreads ?? '[0, 1]'}
mram:
  writeErrorRate: ${o.writeErrorRates ?? '[0, 1.0e-3]'}
replay:
  runs: { '2': ${QMC_RUNS}/qmc-2bit.yaml, '3': ${QMC_RUNS}/qmc-3bit.yaml }
  set: [${(o.set ?? ['model=smollm2-135m']).map((s) => `'${s}'`).join(', ')}]
  mlcMemory: reram
  mramMemory: mram
`;
}
