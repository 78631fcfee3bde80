/** Small configuration texts that CLI tests write into temporary folders. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An SoC with one SRAM memory holding every region (weights, KV cache, activations). */
export const SRAM_ONLY_SOC = `kind: soc
name: sram-only
initiators: [{ id: gpu, type: gpu, window: 64 }]
interconnect: { type: crossbar, arbiter: round-robin }
memories:
  - id: sram
    device: { preset: nvmexplorer-sram-2mb }
    link: { transferRate: 1.3 GT/s, width: 64 B, latency: 1 ns, energyPerBit: 0 pJ/bit }
    external: false
regions:
  - { id: dram-kv, memory: sram, base: 0 B, size: 256 KiB }
  - { id: dram-weights, memory: sram, base: 256 KiB, size: 1 MiB }
  - { id: sram-act, memory: sram, base: 1280 KiB }
`;

/** Sizes of a tiny llama model shape (headDim is 64). */
export interface TinyModelSizes {
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly vocabSize: number;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly intermediateSize: number;
}

/** A tiny llama model shape (kind: model) of the given sizes; `attention:` is on line 11, `mlp:` on line 12. */
export function tinyModelYaml(s: TinyModelSizes): string {
  return `kind: model
name: Tiny
hfId: qa/tiny
family: llama
source: test
hiddenSize: ${s.hiddenSize}
numLayers: ${s.numLayers}
vocabSize: ${s.vocabSize}
tieWordEmbeddings: true
norm: { kind: rmsnorm, eps: 1.0e-5 }
attention: { numHeads: ${s.numHeads}, numKvHeads: ${s.numKvHeads}, headDim: 64 }
mlp: { kind: swiglu, intermediateSize: ${s.intermediateSize} }
`;
}

/** A `kind: run` on SRAM_ONLY_SOC (soc.yaml) with a tiny model (tiny.yaml), FP16, 16-token context. */
export const TINY_SRAM_RUN = `kind: run
name: tiny-sram
soc: soc.yaml
model: tiny.yaml
quant: { scheme: fp16 }
placement: { policy: all-lpddr5 }
workload: { contextLength: 16 }
`;

/** Writes tiny.yaml (a tiny model of `sizes`), soc.yaml (SRAM_ONLY_SOC) and run.yaml (TINY_SRAM_RUN) into dir; returns run.yaml's path. */
export function writeTinySramRun(dir: string, sizes: TinyModelSizes): string {
  writeFileSync(join(dir, 'tiny.yaml'), tinyModelYaml(sizes));
  writeFileSync(join(dir, 'soc.yaml'), SRAM_ONLY_SOC);
  const run = join(dir, 'run.yaml');
  writeFileSync(run, TINY_SRAM_RUN);
  return run;
}
