/**
 * The one check that a read-noise model fits the cells it is attached to: a multi-level model
 * (bitsPerCell set) must describe cells of the device's own bits per cell; per-bit models fit any.
 */
import { UserError } from '../../config/errors.js';

/** Throws a one-line UserError when a model for `modelBitsPerCell`-bit cells meets other cells. */
export function assertNoiseFitsCells(path: string, kind: string, modelBitsPerCell: number | undefined, deviceBitsPerCell: number, advice: string): void {
  if (modelBitsPerCell === undefined || modelBitsPerCell === deviceBitsPerCell) return;
  const b = modelBitsPerCell, d = deviceBitsPerCell;
  throw new UserError(`${path}: the noise model is defined for ${b}-bit cells (${2 ** b} levels) but this ${kind} device stores ${d} bit${d === 1 ? '' : 's'} per cell; ${advice}`);
}
