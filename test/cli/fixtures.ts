/** Small configuration texts that CLI tests write into temporary folders. */

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
