// Piscina worker bootstrap for the study's thread pool: registers tsx in this thread so the
// TypeScript task module loads, then re-exports its task function (plain JS: a worker thread starts
// without the TS loader).
import { register } from 'tsx/esm/api';

register();
const mod = await import(new URL('./run-thread.ts', import.meta.url).href);
export default mod.default;
