/**
 * Provenance of every value in a validated configuration: the file:line:col that wrote it, the
 * `--set` override that replaced it, or 'default' when the schema filled it in. Recorded beside
 * results (lessons-from-anchors §4: "echo the resolved configuration with provenance").
 */
import { formatPath, type PathSegment } from './paths.js';
import type { SourceMap } from './yaml.js';

/** Leaf path → 'configs/x.yaml:12:5' | '--set a.b=1' | 'default', sorted by path. */
export function provenance(value: unknown, sources: SourceMap): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, path: PathSegment[], inherited: string | undefined): void => {
    const src = sources.get(formatPath(path))?.value;
    const here = src === undefined ? inherited : src.line > 0 ? `${src.file}:${src.line}:${src.col}` : src.file;
    if (Array.isArray(v) && v.length > 0) v.forEach((x, i) => walk(x, [...path, i], here));
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k], undefined);
    } else if (path.length > 0) out[formatPath(path)] = here ?? 'default';
  };
  walk(value, [], undefined);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
