/**
 * Fixes fast-check's seed for every property test, so `npm test` and CI draw the same cases on every
 * run (a property failing only on some draws would otherwise turn CI red at random). To explore new
 * cases, run with FC_SEED=<integer> or FC_SEED=random; a failure prints the seed and path to replay.
 */
import fc from 'fast-check';

const raw = process.env.FC_SEED;
const seed = raw === undefined || raw === '' ? 20261127 : raw === 'random' ? (Date.now() ^ (Math.random() * 2 ** 31)) | 0 : Number(raw);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or 'random', got '${raw}'`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
