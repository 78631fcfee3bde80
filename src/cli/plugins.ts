/**
 * The composition root's list of plug-ins and configuration kinds. Everything `describe` prints and
 * `validate` checks is registered here, once, before any command runs. Owners append their
 * `registerDescriptors([...])` / `registerConfigKind(...)` calls below.
 */
import { registerBuiltinKinds } from '../config/builtin-kinds.js';
import { registerConfigKind } from '../config/kinds.js';
import { registerDescriptors } from '../config/registry.js';
import { devicePlugins } from '../devices/index.js';
import { noiseDescriptors } from '../devices/noise/descriptors.js';
import { workloadDescriptors } from '../workloads/descriptors.js';
import { modelShapeSchema } from '../workloads/model-shape.js';
import { quantConfigSchema } from '../workloads/quant/config.js';

/** True if `file` lies in a folder named `dir` (e.g. 'configs/models'). */
const inFolder = (dir: string) => (file: string): boolean => file.replace(/\\/g, '/').includes(`${dir}/`);

let done = false;

/** Registers every plug-in descriptor and configuration kind (idempotent). */
export function registerPlugins(): void {
  if (done) return;
  done = true;
  registerDescriptors(devicePlugins);
  registerDescriptors(noiseDescriptors);
  registerDescriptors(workloadDescriptors);
  registerBuiltinKinds();
  registerConfigKind('model', modelShapeSchema, { description: 'a decoder-only model shape (configs/models)', matches: inFolder('configs/models') });
  registerConfigKind('quant', quantConfigSchema, { description: 'a quantization scheme (configs/quant)', matches: inFolder('configs/quant') });
}
