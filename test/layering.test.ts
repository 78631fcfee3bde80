// Enforces the layer rules of docs/contracts.md by parsing the imports of every file in src/:
// engine knows nothing of devices/arch/workloads; units imports no other src folder; workloads
// never imports arch; config stays generic; mathjs stays out of units/engine; no wall clock or
// Math.random outside src/cli (team rule 3).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', 'src');

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p));
    else if (/\.(ts|mts|js)$/.test(name)) out.push(p);
  }
  return out;
}

/** Module specifiers of static imports/exports, dynamic import() and require(). */
export function importsOf(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs: string[] = [];
  const re = /(?:^|[;\s])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3]) as string);
  return specs;
}

/** Top-level src folder a relative import from `file` lands in, or undefined for packages. */
function targetFolder(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const rel = relative(SRC, resolve(dirname(file), spec));
  if (rel.startsWith('..')) return `(outside src: ${rel})`;
  return rel.split(sep)[0];
}

const all = filesUnder(SRC).map((file) => ({ file, folder: relative(SRC, file).split(sep)[0] as string, specs: importsOf(readFileSync(file, 'utf8')) }));

function violations(from: string, forbidden: (target: string | undefined, spec: string) => boolean): string[] {
  return all.filter((f) => f.folder === from).flatMap((f) => f.specs
    .filter((s) => forbidden(targetFolder(f.file, s), s))
    .map((s) => `${relative(SRC, f.file)} imports '${s}'`));
}

describe('layering', () => {
  it('the import parser sees static, type, re-export and dynamic imports', () => {
    expect(importsOf("import { a } from '../devices/x.js';\nimport type { B } from \"../arch/y.js\";\nexport * from './z.js';\nconst m = await import('../workloads/w.js');\n// import x from '../commented.js'"))
      .toEqual(['../devices/x.js', '../arch/y.js', './z.js', '../workloads/w.js']);
  });

  it('src/engine imports nothing from devices, arch or workloads', () => {
    expect(all.some((f) => f.folder === 'engine')).toBe(true);
    expect(violations('engine', (t) => t === 'devices' || t === 'arch' || t === 'workloads')).toEqual([]);
  });

  it('src/units imports nothing from other src folders', () => {
    expect(violations('units', (t) => t !== undefined && t !== 'units')).toEqual([]);
  });

  it('src/workloads does not import src/arch', () => {
    expect(violations('workloads', (t) => t === 'arch')).toEqual([]);
  });

  it('src/config stays generic (no devices, arch, workloads, report, cli)', () => {
    expect(violations('config', (t) => t !== undefined && !['config', 'units', 'engine'].includes(t))).toEqual([]);
  });

  it('mathjs is never imported by src/units or src/engine', () => {
    expect([...violations('units', (_t, s) => s === 'mathjs'), ...violations('engine', (_t, s) => s === 'mathjs')]).toEqual([]);
  });

  it('no Math.random or wall clock outside src/cli', () => {
    const bad = all.filter((f) => f.folder !== 'cli').flatMap((f) => {
      const text = readFileSync(f.file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      return /Math\.random\s*\(|Date\.now\s*\(|new Date\s*\(|performance\.now\s*\(/.test(text) ? [relative(SRC, f.file)] : [];
    });
    expect(bad).toEqual([]);
  });
});
