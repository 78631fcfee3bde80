/**
 * Workload trace records: what a model does per layer, with no addresses (placement assigns those).
 * Records are produced lazily (generators) and tagged with tensor and role. The SoC expands a
 * data record into device accesses at the addresses its placement chose.
 */

/** Role of a tensor in the model. */
export type TensorRole =
  | 'embedding' | 'lm_head' | 'attn_q' | 'attn_k' | 'attn_v' | 'attn_o' | 'attn_qkv'
  | 'mlp_gate' | 'mlp_up' | 'mlp_down' | 'mlp_fc1' | 'mlp_fc2'
  | 'mamba_in_proj' | 'mamba_x_proj' | 'mamba_dt_proj' | 'mamba_out_proj' | 'mamba_conv' | 'mamba_other'
  | 'norm' | 'bias' | 'meta_tokens' | 'other'
  | 'kv_cache' | 'ssm_state' | 'activation';

/**
 * Which stored part of a tensor a record touches. Quantizers split a weight tensor into parts that
 * placement may put in different memories: QMC 'outlier' (5-bit → MRAM) and 'inlier' (3-bit →
 * MLC ReRAM); baselines have one 'dense' part; 'meta' = scales/zero points/outlier positions.
 */
export type TensorPart = 'dense' | 'inlier' | 'outlier' | 'meta';

export type TraceRecord =
  | {
      readonly kind: 'weightRead';
      readonly layer: number; // -1 for embedding/lm_head outside the blocks
      readonly tensor: string; // tensor id, e.g. 'model.layers.3.mlp.up_proj.weight'
      readonly role: TensorRole;
      readonly part: TensorPart;
      readonly bytes: number;
      /** For part 'meta': the value part the metadata describes (placement may co-locate them). */
      readonly metaOf?: Exclude<TensorPart, 'meta'>;
      /** 'gather': only some rows are read (embedding lookup); absent = the whole part is streamed. */
      readonly access?: 'gather';
    }
  | {
      readonly kind: 'kvRead' | 'kvWrite' | 'stateRead' | 'stateWrite' | 'actRead' | 'actWrite';
      readonly layer: number;
      readonly tensor: string; // e.g. 'model.layers.3.k_cache'
      readonly role: TensorRole;
      readonly bytes: number;
      /** KV records: cache positions touched (per sequence). */
      readonly positions?: number;
    }
  | {
      readonly kind: 'compute';
      readonly layer: number;
      readonly op: string; // 'gemv' | 'gemm' | 'attention' | 'ssm_scan' | 'elementwise'
      readonly flops: number;
      readonly bytes: number;
      readonly dtype: 'fp16' | 'int8' | 'int4';
      /** Operation name within the layer ('q_proj', 'attention', 'ssm_scan', ...). */
      readonly name?: string;
      /** Weight tensor the op multiplies by (first one when several), and its role. */
      readonly tensor?: string;
      readonly role?: TensorRole;
      /** Bits per stored weight value of that tensor (largest value part), e.g. 3 for QMC inliers. */
      readonly weightBits?: number;
    }
  | { readonly kind: 'layerEnd'; readonly layer: number };
