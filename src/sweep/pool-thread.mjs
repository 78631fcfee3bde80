// Piscina worker bootstrap: registers tsx in this thread so the TypeScript task module loads, then
// re-exports its task function. Plain JS because a worker thread starts without the TS loader.
import { register } from 'tsx/esm/api';

register();
const mod = await import(new URL('./pool-thread.ts', import.meta.url).href);
export default mod.default;
