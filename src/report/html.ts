/**
 * Self-contained report.html: inline CSS, inline SVG plots, tables, the design values used (with how
 * each was derived) and the list of results that rest on estimated parameters. No scripts, no
 * external resources, so it renders offline and in headless Chromium identically.
 */
import { formatCell, headerText, type Table } from './table.js';

/** One design value printed in the report. */
export interface DesignValue {
  readonly name: string;
  /** As the user writes it in YAML ('170', '0.09 pJ/bit'). */
  readonly value: string;
  /** How it was derived / where it comes from. */
  readonly derivation: string;
  /** True when not from a primary source. */
  readonly estimate: boolean;
}

/** A result that depends on estimated parameters. */
export interface EstimatedDependency {
  readonly result: string;
  readonly restsOn: readonly string[];
}

export interface Plot {
  readonly id: string;
  readonly title: string;
  /** Rendered SVG markup (renderVegaLite). */
  readonly svg: string;
  readonly caption?: string;
}

export interface ReportSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly tables?: readonly Table[];
  readonly plots?: readonly Plot[];
}

export interface HtmlReportInput {
  readonly title: string;
  /** Key facts shown at the top (model, seed, config hash, tool version). */
  readonly meta: readonly (readonly [string, string])[];
  /** Optional verdict line shown prominently ('12 of 12 required claims pass'). */
  readonly verdict?: { readonly text: string; readonly ok: boolean };
  readonly sections: readonly ReportSection[];
  readonly designValues: readonly DesignValue[];
  readonly estimated: readonly EstimatedDependency[];
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #d5d9e0;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d5d9e0;padding:.25em .6em;text-align:left}td.num{text-align:right}
th{background:#f1f3f7}caption{text-align:left;font-weight:600;padding:.3em 0}
td.pass{color:#146c2e;font-weight:600}td.fail{color:#b3261e;font-weight:600}td.info{color:#8a5a00;font-weight:600}
.verdict{padding:.6em 1em;border-radius:6px;font-weight:600;display:inline-block}
.ok{background:#e3f4e8;color:#146c2e}.bad{background:#fbe4e2;color:#b3261e}
figure{margin:1em 0 2em}figcaption{color:#555;font-size:.9em}.notes{color:#555;font-size:.9em;margin-top:-.8em}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dl.meta dt{font-weight:600}
.est{color:#8a5a00}`;

function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(headerText(c))}</th>`).join('');
  const rows = t.rows.map((r) => {
    const cells = t.columns.map((c) => {
      const v = r[c.key];
      const text = formatCell(v, c);
      const cls = typeof v === 'number' ? 'num'
        : text.startsWith('PASS') ? 'pass' : text === 'FAIL' ? 'fail' : text.startsWith('gap') ? 'info' : '';
      return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const notes = (t.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<table id="table-${escapeHtml(t.id)}"><caption>${escapeHtml(t.title)}</caption><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${notes ? `<ul class="notes">${notes}</ul>` : ''}`;
}

function plotHtml(p: Plot): string {
  const cap = p.caption ? `<figcaption>${escapeHtml(p.caption)}</figcaption>` : '';
  return `<figure class="plot" id="plot-${escapeHtml(p.id)}"><h3>${escapeHtml(p.title)}</h3>${p.svg}${cap}</figure>`;
}

/** Builds the whole HTML document. Deterministic: same input, same bytes. */
export function buildHtmlReport(input: HtmlReportInput): string {
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title>`);
  parts.push(`<style>${CSS}</style></head><body><h1>${escapeHtml(input.title)}</h1>`);
  parts.push(`<dl class="meta">${input.meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`);
  if (input.verdict) {
    parts.push(`<p class="verdict ${input.verdict.ok ? 'ok' : 'bad'}">${escapeHtml(input.verdict.text)}</p>`);
  }
  for (const s of input.sections) {
    parts.push(`<section><h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
    for (const t of s.tables ?? []) parts.push(tableHtml(t));
    for (const p of s.plots ?? []) parts.push(plotHtml(p));
    parts.push('</section>');
  }
  parts.push('<section id="design-values"><h2>Design values used</h2><table><thead><tr><th>parameter</th><th>value</th><th>source / derivation</th></tr></thead><tbody>');
  for (const d of input.designValues) {
    parts.push(`<tr><td>${escapeHtml(d.name)}${d.estimate ? ' <span class="est">(estimate)</span>' : ''}</td>` +
      `<td>${escapeHtml(d.value)}</td><td>${escapeHtml(d.derivation)}</td></tr>`);
  }
  parts.push('</tbody></table></section>');
  parts.push('<section id="estimated"><h2>Results resting on estimated parameters</h2><ul>');
  for (const e of input.estimated) {
    parts.push(`<li><b>${escapeHtml(e.result)}</b>: ${escapeHtml(e.restsOn.join(', '))}</li>`);
  }
  parts.push('</ul></section></body></html>\n');
  return parts.join('\n');
}
