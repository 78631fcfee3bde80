/**
 * Self-description of the quantizers for `qmcsim describe` (PluginDescriptor data; the defaults
 * here mirror quant/config.ts and cite qmc-paper.md).
 */
import type { ParamDoc, PluginDescriptor } from '../config/plugin.js';

const scope: ParamDoc[] = [
  { name: 'scope.embeddings', kind: 'boolean', default: true, description: 'Quantize the embedding (a tied embedding is also the lm_head).' },
  { name: 'scope.conv', kind: 'boolean', default: false, description: 'Quantize Mamba conv1d weights (kept FP16 by default).' },
  { name: 'scope.metaTokens', kind: 'boolean', default: false, description: 'Quantize Hymba meta tokens.' },
  { name: 'keepBits', kind: 'integer', default: 16, description: 'Bits of tensors left unquantized (norms, biases, SSM A_log/D): 16 (FP16) or 32 (FP32).' },
];
const scaleBits: ParamDoc = { name: 'scaleBits', kind: 'integer', default: 16, description: 'Bits per stored scale (counted only in honest accounting).' };

/** One descriptor per quantizer scheme (interface 'Quantizer'). */
export const workloadDescriptors: readonly PluginDescriptor[] = [
  { interface: 'Quantizer', type: 'fp16', summary: 'IEEE half storage of every tensor (qmc-paper.md §2 FP16 baseline); no scope/keepBits/scaleBits.', params: [] },
  { interface: 'Quantizer', type: 'bf16', summary: 'bfloat16 storage of every tensor (HF checkpoint dtype); no scope/keepBits/scaleBits.', params: [] },
  {
    interface: 'Quantizer', type: 'int8', summary: 'INT8 round-to-nearest per output channel or group.',
    params: [...scope, scaleBits,
      { name: 'granularity', kind: 'enum', values: ['channel', 'group'], default: 'channel', description: 'One scale per row or per group of columns.' },
      { name: 'groupSize', kind: 'integer', default: 128, description: 'Columns per group (only with granularity group).' },
      { name: 'symmetric', kind: 'boolean', default: true, description: 'Absmax scale (true) or min/max with a zero point.' }],
  },
  {
    interface: 'Quantizer', type: 'rtn', summary: 'RTN INT-b (default INT4) per channel or group (qmc-paper.md §2 baseline).',
    params: [...scope, scaleBits,
      { name: 'bits', kind: 'integer', default: 4, min: 2, max: 8, description: 'Bits per weight.' },
      { name: 'granularity', kind: 'enum', values: ['channel', 'group'], default: 'channel', description: 'One scale per row or per group of columns.' },
      { name: 'groupSize', kind: 'integer', default: 128, description: 'Columns per group (only with granularity group).' },
      { name: 'symmetric', kind: 'boolean', default: true, description: 'Absmax scale (true) or min/max with a zero point.' }],
  },
  {
    interface: 'Quantizer', type: 'mxint4', summary: 'MXINT4: 32-element blocks, shared 8-bit power-of-two scale (4.25 b/w honest, 4 paper).',
    params: [...scope,
      { name: 'blockSize', kind: 'integer', default: 32, description: 'Elements per shared scale.', source: 'qmc-paper.md §2' },
      { name: 'elementBits', kind: 'integer', default: 4, min: 2, max: 8, description: 'Bits per element.' },
      { name: 'scaleBits', kind: 'integer', default: 8, description: 'E8M0 exponent bits.', source: 'qmc-paper.md §2' }],
  },
  {
    interface: 'Quantizer', type: 'qmc', summary: 'QMC: top-rho outliers 5-bit MSE scale (MRAM), inliers 3-bit noise-aware scale (MLC ReRAM).',
    params: [...scope, scaleBits,
      { name: 'rho', kind: 'ratio', default: 0.3, min: 0, max: 1, description: 'Outlier fraction per tensor.', source: 'qmc-paper.md §2 (operating point)' },
      { name: 'inlierBits', kind: 'integer', default: 3, min: 1, max: 8, description: 'Inlier bits.', source: 'qmc-paper.md §2' },
      { name: 'outlierBits', kind: 'integer', default: 5, min: 1, max: 8, description: 'Outlier bits.', source: 'qmc-paper.md §2' },
      { name: 'symmetric', kind: 'boolean', default: true, description: 'Symmetric codes (paper unspecified, §7).', estimate: true },
      { name: 'grid.from', kind: 'number', default: 0.2, description: 'Smallest scale factor of the grid (× absmax/qmax).', estimate: true },
      { name: 'grid.to', kind: 'number', default: 1.0, description: 'Largest scale factor.', estimate: true },
      { name: 'grid.steps', kind: 'integer', default: 81, description: 'Grid points (paper: unspecified).', estimate: true },
      { name: 'pMinus', kind: 'ratio', default: 1.910e-3, min: 0, max: 1, description: 'P(read one level low) in the scale objective.', source: 'qmc-paper.md §6 nvmFI 3-bit per-level table, mean of the 8 down rates', estimate: true },
      { name: 'pPlus', kind: 'ratio', default: 1.916e-3, min: 0, max: 1, description: 'P(read one level high) in the scale objective.', source: 'qmc-paper.md §6 nvmFI 3-bit per-level table, mean of the 8 up rates', estimate: true },
      { name: 'outlierIndex', kind: 'enum', values: ['bitmap', 'index', 'csr'], default: 'bitmap', description: 'Outlier position encoding (honest accounting only).', estimate: true },
      { name: 'rowPtrBits', kind: 'integer', default: 32, description: 'CSR row-pointer bits (only with outlierIndex csr).' }],
  },
];
