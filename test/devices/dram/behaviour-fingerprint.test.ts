/**
 * Behaviour lock for speed work on the LPDDR5 model: every scenario of fingerprint-runner.ts (command
 * stream, completion order and times, action counts, stats) must hash exactly as recorded from the
 * model before its performance rewrite (commit 3ecec14; re-recorded with per-channel command hashes at
 * 1ebd180, behaviour unchanged). A deliberate behaviour change must
 * re-record these with `npx tsx test/devices/dram/fingerprint-runner.ts` and say why in the commit.
 */
import { describe, expect, it } from 'vitest';
import { scenarios } from './fingerprint-runner.js';

const RECORDED: Readonly<Record<string, string>> = {
  'orin seq': 'cc7a88c2c351a493',
  'orin random': 'f56e17cc2d33bbe5',
  'orin random writes': '9f68cbff1e54077d',
  'orin seq writes per-bank': 'ea5448de895d8251',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh open-loop': 'df8364ac4098f951',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh closed random': 'c5f8149c48516601',
  'fr-fcfs open all-bank BG r1 RoCoBaBgCh closed hot': '6099aaa7f351a757',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh open-loop': 'd2489d9ffd26a4a9',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh closed random': 'f16eb72de4d9c057',
  'fr-fcfs open all-bank 8B r2 RoBaBgCoCh closed hot': '31bd299b55727ecf',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo open-loop': '6a19d126d60f3c29',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo closed random': 'abdafcd17865305a',
  'fr-fcfs open all-bank BG r2 ChRaBaBgRoCo closed hot': '1c216c69a4b05376',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh open-loop': '52669bab242f6116',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh closed random': '88356364a8ac64f7',
  'fr-fcfs open per-bank BG r1 RoCoBaBgCh closed hot': '954440078c9efaf6',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh open-loop': '62da267fb1e00547',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh closed random': '1e6c9dbdb818c0bb',
  'fr-fcfs open per-bank 8B r2 RoBaBgCoCh closed hot': '3b2458ff994f197e',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo open-loop': '8f8700fd4c5c0e1b',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo closed random': '09887c0e63337fb9',
  'fr-fcfs open per-bank BG r2 ChRaBaBgRoCo closed hot': 'eddb3a9742320144',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh open-loop': '413d5fb43eed0882',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh closed random': '37ed643640641381',
  'fr-fcfs closed all-bank BG r1 RoCoBaBgCh closed hot': '190d6079ce35f92f',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh open-loop': '6e30f9395ef544c3',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh closed random': 'a831b7b45d6947c9',
  'fr-fcfs closed all-bank 8B r2 RoBaBgCoCh closed hot': '99c374018d7f7726',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo open-loop': '743cef84dbedb438',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo closed random': '5da385265021d2ba',
  'fr-fcfs closed all-bank BG r2 ChRaBaBgRoCo closed hot': '8508b5c490cba3ba',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh open-loop': '4b65ae6e75ae012c',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh closed random': '37f4ce61c77530bd',
  'fr-fcfs closed per-bank BG r1 RoCoBaBgCh closed hot': '23181cf9b9a1847e',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh open-loop': '5589c232f002ac94',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh closed random': 'be723a9bf068b832',
  'fr-fcfs closed per-bank 8B r2 RoBaBgCoCh closed hot': '30c9868757964763',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo open-loop': 'e9e91c8a4c656520',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo closed random': '24a6a8c69633357d',
  'fr-fcfs closed per-bank BG r2 ChRaBaBgRoCo closed hot': 'e030e5d4ec5a3f57',
  'fcfs open all-bank BG r1 RoCoBaBgCh open-loop': '06c9d848574bed3d',
  'fcfs open all-bank BG r1 RoCoBaBgCh closed random': '6722b5459c3d229d',
  'fcfs open all-bank BG r1 RoCoBaBgCh closed hot': '6099aaa7f351a757',
  'fcfs open all-bank 8B r2 RoBaBgCoCh open-loop': 'b1c1c7c71701bfc2',
  'fcfs open all-bank 8B r2 RoBaBgCoCh closed random': '0bfc14f7c9ac7209',
  'fcfs open all-bank 8B r2 RoBaBgCoCh closed hot': '31bd299b55727ecf',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo open-loop': '794dec7df9ea5c3d',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo closed random': 'dfbfe22c14994d65',
  'fcfs open all-bank BG r2 ChRaBaBgRoCo closed hot': 'db9b61f9ae3fc456',
  'fcfs open per-bank BG r1 RoCoBaBgCh open-loop': '16aca34a55def08b',
  'fcfs open per-bank BG r1 RoCoBaBgCh closed random': 'd58b2790698f5e50',
  'fcfs open per-bank BG r1 RoCoBaBgCh closed hot': '5dffa2efa00f76a6',
  'fcfs open per-bank 8B r2 RoBaBgCoCh open-loop': '8278b8cb66bd7284',
  'fcfs open per-bank 8B r2 RoBaBgCoCh closed random': '88f6b5183342ffec',
  'fcfs open per-bank 8B r2 RoBaBgCoCh closed hot': 'ea90319b305614d8',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo open-loop': 'e3c99ebfcca374e1',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo closed random': '13011d3f53753d8d',
  'fcfs open per-bank BG r2 ChRaBaBgRoCo closed hot': 'd6bd09f2cc527f67',
  'fcfs closed all-bank BG r1 RoCoBaBgCh open-loop': '87a2714efdd42d0c',
  'fcfs closed all-bank BG r1 RoCoBaBgCh closed random': 'f2f5a7a745018900',
  'fcfs closed all-bank BG r1 RoCoBaBgCh closed hot': '467d7a9841e464a0',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh open-loop': '9cb2cedfe51907fc',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh closed random': '5e9ccacdf4c585d9',
  'fcfs closed all-bank 8B r2 RoBaBgCoCh closed hot': '818d9f11d6461294',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo open-loop': '655b73e62fadb53c',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo closed random': '62949e1da7a224b7',
  'fcfs closed all-bank BG r2 ChRaBaBgRoCo closed hot': '93bb85256c46970f',
  'fcfs closed per-bank BG r1 RoCoBaBgCh open-loop': '0f4018d2a429e709',
  'fcfs closed per-bank BG r1 RoCoBaBgCh closed random': '687555cc67a841c1',
  'fcfs closed per-bank BG r1 RoCoBaBgCh closed hot': 'd98f41b1c889d7fa',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh open-loop': 'e4be0a856e3a2df1',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh closed random': 'b0b7e697ac55253d',
  'fcfs closed per-bank 8B r2 RoBaBgCoCh closed hot': '659f046f0a712f7d',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo open-loop': 'd9f2e0105f2cd294',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo closed random': '1f544722a0ed6dd9',
  'fcfs closed per-bank BG r2 ChRaBaBgRoCo closed hot': '682f8d87f8bc558c',
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
