/**
 * The composition root's list of plug-ins and configuration kinds. Everything `describe` prints and
 * `validate` checks is registered here, once, before any command runs. Owners append their
 * `registerDescriptors([...])` / `registerConfigKind(...)` calls below.
 */
import { registerBuiltinKinds } from '../config/builtin-kinds.js';
import { registerDescriptors } from '../config/registry.js';
import { devicePlugins } from '../devices/index.js';
import { noiseDescriptors } from '../devices/noise/descriptors.js';
import { workloadDescriptors } from '../workloads/descriptors.js';

let done = false;

/** Registers every plug-in descriptor and configuration kind (idempotent). */
export function registerPlugins(): void {
  if (done) return;
  done = true;
  registerDescriptors(devicePlugins);
  registerDescriptors(noiseDescriptors);
  registerDescriptors(workloadDescriptors);
  registerBuiltinKinds();
}
