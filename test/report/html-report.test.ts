/**
 * The HTML report renders in headless Chromium with its plots present (SVG elements with marks).
 * Skips only when /usr/bin/chromium is absent (CI's .ci/run installs it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { plotMarks } from './plot-marks.js';
import { buildHtmlReport, escapeHtml } from '../../src/report/html.js';
import { renderVegaLite } from '../../src/report/vega-svg.js';
import { bitErrorSpec, energyBreakdownSpec, latencySpec, rhoSweepSpec } from '../../src/report/plots.js';
import { claimsTable, compareClaim } from '../../src/report/claims.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-report.test: SKIPPED browser check: ${CHROMIUM} not found (apt-get install -y chromium)`);

async function sampleReport(): Promise<string> {
  const energy = await renderVegaLite(energyBreakdownSpec([
    { config: 'FP16', part: 'lpddr5', energyMj: 85 },
    { config: 'QMC', part: 'reram', energyMj: 5.1 }, { config: 'QMC', part: 'mram', energyMj: 2.3 },
  ], 'Energy'));
  const lat = await renderVegaLite(latencySpec([{ config: 'FP16', latencyMs: 15.1, bottleneck: 'lpddr5' }, { config: 'QMC', latencyMs: 1.2, bottleneck: 'reram' }], 'Latency'));
  const rho = await renderVegaLite(rhoSweepSpec([0.1, 0.2, 0.3, 0.4, 0.5].map((r) => ({ rho: r, metric: 'latency', relative: 1 + Math.abs(r - 0.3), bottleneck: r > 0.35 ? 'mram' : 'reram' })), 'Rho'));
  const ber = await renderVegaLite(bitErrorSpec([{ config: 'QMC 3-bit', device: 'reram', ber: 1e-3, expectedBer: 1.1e-3 }], 'BER'));
  return buildHtmlReport({
    title: 'Test <report>', meta: [['model', 'Hymba-1.5B']], verdict: { text: 'all pass', ok: true },
    sections: [{
      heading: 'Claims', paragraphs: ['text & more'],
      tables: [claimsTable([compareClaim({ id: 'c', title: 'c', paper: 2, unit: 'x', tolerance: 0.03, required: true, source: 's' }, 2.01)], 'Claims')],
      plots: [{ id: 'energy', title: 'Energy', svg: energy }, { id: 'latency', title: 'Latency', svg: lat },
        { id: 'rho', title: 'Rho', svg: rho }, { id: 'ber', title: 'BER', svg: ber }],
    }],
    designValues: [{ name: 'reram.arrays', value: '170', derivation: 'from 12.48x', estimate: true }],
    estimated: [{ result: 'latency-vs-fp16', restsOn: ['reram.arrays'] }],
  });
}

describe('html report', () => {
  it('is self-contained and escapes text', async () => {
    const html = await sampleReport();
    expect(html).toContain('Test &lt;report&gt;');
    expect(html).toContain('text &amp; more');
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('(estimate)');
    expect(escapeHtml('"a"')).toBe('&quot;a&quot;');
  });

  it('is deterministic', async () => {
    expect(await sampleReport()).toBe(await sampleReport());
  });

  it.skipIf(!hasChromium)('renders in headless Chromium with plots that have marks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qmcsim-report-'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, await sampleReport());
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      const plots = await plotMarks(page);
      expect(plots.map((p) => p.id)).toEqual(['plot-energy', 'plot-latency', 'plot-rho', 'plot-ber']);
      for (const p of plots) {
        expect(p.visibleMarks, p.id).toBeGreaterThan(0);
        expect(p.width, p.id).toBeGreaterThan(50);
        expect(p.height, p.id).toBeGreaterThan(50);
      }
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(join(dir, 'report.png'), png);
      expect(png.length).toBeGreaterThan(10_000);
      await page.close();
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
