/** Reading report PDFs in tests with poppler-utils (Debian): text, fonts, attachments, page images. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const OUT = join(import.meta.dirname, '../../test-results/reports');

export function savePdf(name: string, pdf: Buffer): string {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export const pdfText = (path: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), path, '-']).toString('utf8');
export const pdfFonts = (path: string) => execFileSync('pdffonts', [path]).toString('utf8');
export const pdfPages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())?.[1]);
export const pdfAttachments = (path: string) => execFileSync('pdfdetach', ['-list', path]).toString('utf8');

/**
 * Render every page from `first` (default 1) to PNG (pdftoppm, 60 dpi; page `first` at 110 dpi as `<name>-p1.png`) under
 * test-results/reports; that page is copied to docs/screenshots/report-<name>.png when UPDATE_SCREENSHOTS=1. Returns its path.
 */
export function renderPages(path: string, name: string, first = 1): string {
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}-page-`)) rmSync(join(OUT, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(first), path, join(OUT, `${name}-page`)]);
  const f = String(first);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', f, '-l', f, '-singlefile', path, join(OUT, `${name}-p1`)]);
  const p1 = join(OUT, `${name}-p1.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(p1, join(import.meta.dirname, '../../docs/screenshots', `report-${name}.png`));
  return p1;
}
