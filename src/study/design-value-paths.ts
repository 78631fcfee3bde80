/**
 * The design-value key-path check of `reproduce` / `validate` on a qmc-study file: each design
 * value's `path` must name a key of its configuration (or of the study), reported in one pass with
 * a did-you-mean. Split from reproduce-prepare.ts, which runs it before the first replay.
 */
import { basename } from 'node:path';
import { nearPath } from '../config/did-you-mean.js';
import { ConfigErrors, isUserError, type ConfigProblem } from '../config/errors.js';
import { formatPath, getAt, parsePath } from '../config/paths.js';
import { displayName } from '../config/resolve.js';
import type { SourceMap } from '../config/yaml.js';
import { loadRunConfig } from '../arch/run-config.js';
import type { RunTask } from './run-task.js';
import type { StudyConfig } from './study-config.js';

/**
 * Each design value's `path` names a key of its configuration (or of the study): one located problem
 * per unknown one (`designValues[3].path: … found 'soc.memories[1].device.channelz' (no such key);
 * did you mean 'soc.memories[1].device.channels'?`), all in one pass. A key absent from the loaded
 * configuration but accepted by its schema (a preset default left unset) is allowed: the
 * configuration is loaded once more with the key set, and only an unknown key or list item refuses it.
 */
export function checkDesignValuePaths(study: StudyConfig, loaded: readonly RunTask[], file: string, sources: SourceMap): void {
  const problems: ConfigProblem[] = [];
  study.designValues.forEach((d, i) => {
    const task = d.config === 'study' ? undefined : loaded.find((t) => t.id === d.config);
    const tree: unknown = d.config === 'study' ? study : task?.config;
    const segs = parsePath(d.path);
    if (segs === undefined || tree === undefined || getAt(tree, segs) !== undefined) return;
    let hint = neighbourHint(tree, segs);
    if (task !== undefined) {
      const fault = unknownKeyProblem(task, d.path);
      if (fault === null) return; // a legitimate key left to its preset's default
      hint = fault.hint ?? hint;
    }
    const path = `designValues[${i}].path`;
    const pos = sources.get(path)?.value ?? sources.get(`designValues[${i}]`)?.value;
    const what = d.config === 'study' ? `a key of the study file ${basename(file)}` : `a key of configuration '${d.config}' (${displayName(task!.file)})`;
    problems.push({
      file: pos?.file ?? file, line: pos?.line ?? 0, col: pos?.col ?? 0, path,
      expected: what, found: `'${d.path}' (no such key)`,
      ...(hint !== undefined ? { hint } : {}),
    });
  });
  if (problems.length > 0) throw new ConfigErrors(problems);
}

/**
 * Loads `task`'s configuration with `path` set (to 0): the schema's problem when that names the key
 * (an unknown key, a list item past the end), with a did-you-mean to the whole corrected path; null
 * when the key is one the configuration accepts.
 */
function unknownKeyProblem(task: RunTask, path: string): { hint?: string } | null {
  try {
    loadRunConfig(task.file, [...task.overrides, `${path}=0`]);
    return null;
  } catch (e) {
    if (!(e instanceof ConfigErrors)) {
      if (isUserError(e)) return null; // not a schema problem of the key
      throw e;
    }
    const p = e.problems.find((q) => /^unknown key\b/.test(q.found) || /with an item \d+/.test(q.expected));
    if (p === undefined) return null; // the key is accepted; the probe value is not
    const dym = /^did you mean '([^']+)'\?$/.exec(p.hint ?? '')?.[1];
    const segs = parsePath(path);
    const at = parsePath(p.path);
    if (dym === undefined || segs === undefined || at === undefined || at.length === 0 || at.length > segs.length) return {};
    return { hint: `did you mean '${formatPath([...segs.slice(0, at.length - 1), dym, ...segs.slice(at.length)])}'?` };
  }
}

/** "did you mean 'area.flash.density'?" when a key next to the first missing segment is close. */
function neighbourHint(tree: unknown, segs: readonly (string | number)[]): string | undefined {
  const near = nearPath(tree, segs);
  return near === undefined ? undefined : `did you mean '${formatPath(near)}'?`;
}
