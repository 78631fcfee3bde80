/**
 * Vega-Lite spec → standalone SVG, server-side: compile with vega-lite, render with a headless
 * vega View (renderer 'none'). Text widths use vega's built-in estimate (no canvas), which is
 * deterministic: the same spec gives the same SVG bytes.
 */
import type { TopLevelSpec } from 'vega-lite';

/** vega and vega-lite, loaded on the first render (≈ 0.5 s: not on every CLI start). */
let libs: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/** Renders one Vega-Lite spec to an SVG string. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]);
  const [vega, { compile }] = await libs;
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
