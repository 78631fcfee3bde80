/**
 * Test helper: for every `figure.plot` of a rendered report page, the number of Vega marks
 * (bars, points, line paths) that are actually visible (non-empty rendered box), and the SVG size.
 */
import type { Page } from 'playwright-core';

export interface PlotMarks {
  readonly id: string;
  readonly visibleMarks: number;
  readonly width: number;
  readonly height: number;
}

export async function plotMarks(page: Page): Promise<PlotMarks[]> {
  return page.$$eval('figure.plot', (figs) => figs.map((f) => {
    const svg = f.querySelector('svg');
    const box = svg?.getBoundingClientRect();
    let visible = 0;
    const marks = svg ? Array.from(svg.querySelectorAll('g.mark-rect path, g.mark-symbol path, g.mark-line path')) : [];
    for (const el of marks) {
      const r = (el as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
      if (Number.isFinite(r.width) && Number.isFinite(r.height) && (r.width > 0.5 || r.height > 0.5)) visible++;
    }
    return { id: f.id, visibleMarks: visible, width: box?.width ?? 0, height: box?.height ?? 0 };
  }));
}
