/**
 * Behaviour lock for speed work on the LPDDR5 model: every scenario of fingerprint-runner.ts (command
 * stream, completion order and times, action counts, stats) must hash exactly as recorded from the
 * model before its performance rewrite (commit 3ecec14). A deliberate behaviour change must
 * re-record these with `npx tsx test/devices/dram/fingerprint-runner.ts` and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { scenarios } from './fingerprint-runner.js';

const RECORDED: Readonly<Record<string, string>> = {
  'orin seq': 'cec054956f717b9e',
  'orin random': 'e6d0dadbb83e0df3',
  'orin random writes': '5ee6f42261eccf41',
  'orin seq writes per-bank': '013cf5b328327071',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh open-loop': 'a601b22c0ea0771d',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh closed random': '219b4932002dbb4c',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh closed hot': 'e77ab22010171ad1',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh open-loop': 'e70b2c5b0ee0c535',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh closed random': 'ffe599274f38febf',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh closed hot': '4d7cd040c7ddcd25',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo open-loop': 'a35596f12460c63e',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo closed random': 'ae840b21c67d9f77',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo closed hot': '7b552c9ce0b5b5d1',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh open-loop': '5c9a818afe66256c',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh closed random': 'f50d7bd830191bfd',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh closed hot': '1ce19b79a89012f9',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh open-loop': '06773c2357575003',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh closed random': '06966ebae99fe2a3',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh closed hot': '2038415e59e6fd85',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo open-loop': '95666b56b80e9739',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo closed random': '74eceeea958cc69a',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo closed hot': 'bdf41b8a8f1dbe97',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh open-loop': '99f8861346b22652',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh closed random': 'e2ce25361fecd4fc',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh closed hot': 'efb817b6ea71a2af',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh open-loop': '2aec3398f50d2d48',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh closed random': 'dab0c3544daae9de',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh closed hot': 'd1d166245fc399f6',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo open-loop': '3cd890e930b0633b',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo closed random': 'eadfe2fdc6727a2f',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo closed hot': '931a7e02ff1645a7',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh open-loop': '6e397e911e8b929d',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh closed random': 'a4df2668d19ba213',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh closed hot': 'ef51bf0e7565786c',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh open-loop': 'a79d1387d40fbf99',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh closed random': '8e799a0cc4e640d7',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh closed hot': '7efe370647a52348',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo open-loop': '39e92c58276b5076',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo closed random': 'f5a6293e04ee517e',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo closed hot': '8ead7a59a9d137d9',
  'fcfs open all-bank BG r1 RoCoBaBgCh open-loop': 'bd089f4a650d2dc8',
  'fcfs open all-bank BG r1 RoCoBaBgCh closed random': '06ec648b8aad17ca',
  'fcfs open all-bank BG r1 RoCoBaBgCh closed hot': 'e77ab22010171ad1',
  'fcfs open all-bank 8B r2 RoBaBgCoCh open-loop': '25dc13c9299f9308',
  'fcfs open all-bank 8B r2 RoBaBgCoCh closed random': '1a5dba4a0ec76c42',
  'fcfs open all-bank 8B r2 RoBaBgCoCh closed hot': '4d7cd040c7ddcd25',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo open-loop': 'c4a7a6f31988f0ac',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo closed random': '232fecda93240e2f',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo closed hot': 'f972c631ba9baff0',
  'fcfs open per-bank BG r1 RoCoBaBgCh open-loop': '8f5151ad7ac0238e',
  'fcfs open per-bank BG r1 RoCoBaBgCh closed random': '0a5702f97603579c',
  'fcfs open per-bank BG r1 RoCoBaBgCh closed hot': '925b8a03b618679d',
  'fcfs open per-bank 8B r2 RoBaBgCoCh open-loop': 'f1ec3af11532f271',
  'fcfs open per-bank 8B r2 RoBaBgCoCh closed random': '309e2958011342d9',
  'fcfs open per-bank 8B r2 RoBaBgCoCh closed hot': 'b8056727bf158c3e',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo open-loop': '0560f17521b9ec0c',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo closed random': '513528b431653ba9',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo closed hot': '0f5dc1f8be8f5efa',
  'fcfs closed all-bank BG r1 RoCoBaBgCh open-loop': '65093f5a94860635',
  'fcfs closed all-bank BG r1 RoCoBaBgCh closed random': 'ab882d38130b05d4',
  'fcfs closed all-bank BG r1 RoCoBaBgCh closed hot': 'c798e4cc7e2a434f',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh open-loop': 'ced5f70dce8a05b6',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh closed random': '82243f1b31544f2a',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh closed hot': 'cd1f62107b9d5570',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo open-loop': '27068a690dfe3a1a',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo closed random': 'c74518753e5180cb',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo closed hot': '9631c119dfcf0f7f',
  'fcfs closed per-bank BG r1 RoCoBaBgCh open-loop': '74237c89a2a6a2a0',
  'fcfs closed per-bank BG r1 RoCoBaBgCh closed random': '1b059f0539888976',
  'fcfs closed per-bank BG r1 RoCoBaBgCh closed hot': 'a98699bcd7d96781',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh open-loop': '8b32a5b184ff0e5c',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh closed random': '6efa20083d6ed67c',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh closed hot': '68e0dc40f6c6adad',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo open-loop': '6866469b9338ea9d',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo closed random': '275f6e4c1ee0cde7',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo closed hot': '6f0465e8e02acadd',
};

describe('LPDDR5 behaviour fingerprints', () => {
  const all = scenarios();
  it('covers the same scenarios as recorded', () => {
    expect(Object.keys(all).sort()).toEqual(Object.keys(RECORDED).sort());
  });
  for (const [name, run] of Object.entries(all)) {
    it(name, () => {
      expect(run()).toBe(RECORDED[name]);
    });
  }
});
