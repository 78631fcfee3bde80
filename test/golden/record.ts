/**
 * Re-records the "results changed" gate (test/golden/golden.test.ts) after an intended change of
 * results: `npx tsx test/golden/record.ts`. Say what moved and why in CHANGELOG.md.
 */
import { writeFileSync } from 'node:fs';
import { GOLDEN_FILE, goldenRun } from './golden-run.js';

writeFileSync(GOLDEN_FILE, `${JSON.stringify(await goldenRun(), null, 1)}\n`);
console.log(`recorded ${GOLDEN_FILE}`);
