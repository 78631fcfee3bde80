// "Results changed" gate: the reference run's headline results must equal the recorded ones exactly.
// A failure lists which values moved (qmcsim diff's comparison). If the change is intended, re-record
// with `npx tsx test/golden/record.ts` and add a CHANGELOG.md entry saying what moved and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffResults } from '../../src/report/result-diff.js';
import { GOLDEN_FILE, goldenRun } from './golden-run.js';

describe('results changed gate', () => {
  it('the QMC reference run (SmolLM2-135M) gives the recorded results exactly', async () => {
    const recorded = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as unknown;
    const now = await goldenRun();
    const d = diffResults(recorded, now, { rel: 0, abs: 0 });
    const listing = d.changes.slice(0, 25).map((c) => `${c.path}: ${JSON.stringify(c.a)} → ${JSON.stringify(c.b)}`).join('\n');
    expect(d.changes.length, `${d.changes.length} of ${d.compared} values moved (intended? npx tsx test/golden/record.ts + CHANGELOG.md):\n${listing}`).toBe(0);
    expect(d.compared).toBeGreaterThan(300);
  }, 120_000);
});
