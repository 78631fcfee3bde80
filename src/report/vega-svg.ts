/**
 * Vega-Lite spec → standalone SVG, server-side: compile with vega-lite, render with a headless
 * vega View (renderer 'none'). Text widths use vega's built-in estimate (no canvas), which is
 * deterministic: the same spec gives the same SVG bytes.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders one Vega-Lite spec to an SVG string. */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
