// report.html colours a claim's result cell by its verdict. A claim whose reference is our
// reconstruction prints 'PASS (recon)': it got no class (uncoloured) while 'PASS' was green.
import { describe, expect, it } from 'vitest';
import { buildHtmlReport } from '../../src/report/html.js';
import { claimsTable, compareClaim } from '../../src/report/claims.js';

const spec = { title: 't', unit: 'x', tolerance: 0.03, source: 's' };
const html = buildHtmlReport({
  title: 'r', meta: [], verdict: { text: 'ok', ok: true },
  sections: [{
    heading: 'Claims', paragraphs: [],
    tables: [claimsTable([
      compareClaim({ ...spec, id: 'paper-pass', paper: 2, required: true }, 2),
      compareClaim({ ...spec, id: 'recon-pass', paper: 2, required: false, basis: 'reconstruction' }, 2.01),
      compareClaim({ ...spec, id: 'recon-gap', paper: 2, required: false, basis: 'reconstruction' }, 3),
    ], 'Claims')],
    plots: [],
  }],
  designValues: [], estimated: [],
});

describe('report.html result cells', () => {
  it('PASS (recon) is coloured as a pass, gap (recon) as informational', () => {
    expect(html).toContain('<td class="pass">PASS</td>');
    expect(html).toContain('<td class="pass">PASS (recon)</td>');
    expect(html).toContain('<td class="info">gap (recon)</td>');
  });
});
