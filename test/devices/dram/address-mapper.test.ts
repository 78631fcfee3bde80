/** Bit-slice mapping: a bijection between 64-B blocks and (channel, rank, group, bank, row, column block). */
import { describe, expect, it } from 'vitest';
import { AddressMapper, parseMappingOrder, ADDRESS_MAPPINGS } from '../../../src/devices/dram/address-mapper.js';

const g = { channels: 4, ranks: 2, bankGroups: 4, banksPerGroup: 4, rows: 8, blocksPerRow: 32 };
const total = g.channels * g.ranks * g.bankGroups * g.banksPerGroup * g.rows * g.blocksPerRow;

describe('address mapper', () => {
  for (const name of Object.keys(ADDRESS_MAPPINGS)) {
    it(`${name} maps every block to distinct coordinates`, () => {
      const m = new AddressMapper(parseMappingOrder(name), g);
      const seen = new Set<string>();
      for (let b = 0; b < total; b++) {
        m.map(b * 64 + (b % 64));
        seen.add(`${m.ch}.${m.ra}.${m.bg}.${m.ba}.${m.ro}.${m.co}`);
      }
      expect(seen.size).toBe(total);
    });
  }
  it('RoCoBaBgCh puts consecutive blocks on consecutive channels, then bank groups', () => {
    const m = new AddressMapper(parseMappingOrder('RoCoBaBgCh'), g);
    m.map(64); expect([m.ch, m.bg]).toEqual([1, 0]);
    m.map(4 * 64); expect([m.ch, m.bg]).toEqual([0, 1]);
  });
  it('handles addresses above 2^32 exactly', () => {
    const big = { ...g, rows: 65536 * 16 };
    const m = new AddressMapper(parseMappingOrder('ChRaBaBgRoCo'), big);
    m.map(2 ** 35 + 64 * 5);
    expect(m.co).toBe(5);
  });
  it('rejects a bad order with a clear message', () => {
    expect(() => parseMappingOrder('RoXxBa')).toThrow(/permutation/);
  });
});
