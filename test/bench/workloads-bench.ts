/**
 * Workload throughput: trace records per second (Hymba-1.5B decode at L = 1024 and prefill of 512
 * tokens, QMC), heap growth while streaming 200 decode steps, trace file write/read speed, and
 * value-level quantizer throughput (weights/s) on a 1024×1024 Student-t tensor.
 * Run: npx tsx test/bench/workloads-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as W from '../../src/workloads/index.js';

const shape = W.loadModel('Hymba-1.5B');
const qinv = W.quantizeInventory(W.inventory(shape), W.quantConfig({ scheme: 'qmc' }));

function rate(name: string, n: number, ms: number, unit: string): void {
  console.log(`${name.padEnd(44)} ${(n / (ms / 1000)).toExponential(2)} ${unit}/s  (${n} in ${ms.toFixed(0)} ms)`);
}

// 1. Trace generation.
{
  let n = 0;
  const t0 = performance.now();
  for (let step = 0; step < 200; step++) for (const r of W.decodeTrace(shape, qinv, { contextLength: 1024 + step })) if (r.kind !== 'layerEnd') n++;
  rate('decode trace records (200 steps)', n, performance.now() - t0, 'records');
  const t1 = performance.now();
  let m = 0;
  for (const r of W.prefillTrace(shape, qinv, { promptLength: 512 })) if (r.kind !== 'layerEnd') m++;
  rate('prefill trace records (S = 512)', m, performance.now() - t1, 'records');
}

// 2. Heap while streaming lazily (inventory lazy too).
{
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let n = 0;
  for (const r of W.decodeTrace(shape, W.quantizeInventoryIter(W.inventoryIter(shape), W.quantConfig({ scheme: 'qmc' })), { contextLength: 1024 })) {
    if (++n % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    void r;
  }
  console.log(`${'heap growth while streaming one decode step'.padEnd(44)} ${((peak - before) / 1024).toFixed(0)} KiB over ${n} records`);
}

// 3. Trace files.
{
  const dir = mkdtempSync(join(tmpdir(), 'qmcsim-wl-bench-'));
  try {
    const f = join(dir, 't.jsonl');
    const t0 = performance.now();
    const n = W.writeTraceFile(f, { model: shape.name, quantizer: 'qmc', phase: 'decode', batch: 1, contextLength: 1024, metadata: 'honest' },
      (function* () { for (let s = 0; s < 50; s++) yield* W.decodeTrace(shape, qinv, { contextLength: 1024 }); })());
    rate('trace file write', n, performance.now() - t0, 'records');
    const t1 = performance.now();
    let m = 0;
    for (const r of W.readTraceFile(f).records) { m++; void r; }
    rate('trace file read', m, performance.now() - t1, 'records');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 4. Value-level quantizers.
{
  const spec: W.TensorSpec = { id: 'bench', layer: 0, role: 'mlp_up', kind: 'linear', shape: [1024, 1024], numel: 1 << 20, dtype: 'bf16' };
  const w = W.syntheticTensor(spec, { seed: 1, distribution: 'student-t' });
  for (const c of ['fp16', 'int8', 'rtn', 'mxint4', 'qmc'] as const) {
    const cfg = W.quantConfig({ scheme: c });
    const t0 = performance.now();
    W.dequantizeValues(W.quantizeValues(w, 1024, 1024, cfg));
    rate(`quantize+dequantize ${W.quantLabel(cfg)}`, w.length, performance.now() - t0, 'weights');
  }
  const t0 = performance.now();
  W.syntheticTensor(spec, { seed: 2, distribution: 'gaussian' });
  rate('synthetic gaussian weights', w.length, performance.now() - t0, 'weights');
}
