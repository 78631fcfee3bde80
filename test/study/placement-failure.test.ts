// A study replay whose placement does not fit (e.g. `reproduce --set` shrinking a memory) is a user
// error naming the configuration, exit code 1 as in `qmcsim run`; it was an internal error (exit 3).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../src/config/errors.js';
import { runTask } from '../../src/study/run-task.js';

const QMC3 = resolve(import.meta.dirname, '../../experiments/qmc/qmc-3bit.yaml');

function userErrorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('a study replay whose placement does not fit', () => {
  it('is a one-line user error naming the configuration, exit code 1', () => {
    const e = userErrorOf(() => runTask({
      id: 'qmc-3bit', label: 'QMC 3-bit', file: QMC3, overrides: ['model=smollm2-135m', 'soc.memories[1].device.capacity=16 MiB'],
      seed: 1, layerReuse: true, weightTrafficOnly: true,
    }));
    expect(e.exitCode).toBe(1);
    expect(e.format()).toMatch(/^reproduce: configuration 'qmc-3bit' \(.*experiments\/qmc\/qmc-3bit\.yaml\): placement does not fit: region 'reram-weights' \(memory 'reram'\) needs \d+ B but has 16777216 B; raise the device capacity of memory 'reram' \(or the region's size\), or use a smaller model or another placement policy$/);
  });
});
