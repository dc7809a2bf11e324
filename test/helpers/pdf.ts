/** Reading report PDFs in tests with poppler-utils (Debian): text, fonts, attachments, page images. */
import { execFile, execFileSync } from 'node:child_process';
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

/**
 * The QR codes' texts on one page: the page rendered by pdftoppm (PPM, 200 dpi) and read by jsQR, once on the whole
 * page and once on each quarter (jsQR answers one code per image; a report may print the code twice).
 */
export async function pdfQrTexts(path: string, page = 1): Promise<string[]> {
  const jsQR = (await import('jsqr')).default;
  // asynchronous, and a pause between decodes: a test server in this process keeps answering (a long block leaves
  // keep-alive sockets it closed meanwhile in the client's pool: the next fetch fails with ECONNRESET)
  const ppm = await new Promise<Buffer>((ok, fail) =>
    execFile(
      'pdftoppm',
      ['-r', '200', '-f', String(page), '-l', String(page), '-singlefile', path],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (err, out) => (err ? fail(err) : ok(out)),
    ),
  );
  const pause = () => new Promise((r) => setTimeout(r, 100));
  const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('pdftoppm did not answer a PPM image');
  const [w, h] = [Number(head[1]), Number(head[2])];
  const rgb = ppm.subarray(head[0].length);
  const crop = (x0: number, y0: number, cw: number, ch: number) => {
    const rgba = new Uint8ClampedArray(cw * ch * 4);
    for (let y = 0; y < ch; y++)
      for (let x = 0; x < cw; x++) {
        const s = ((y0 + y) * w + x0 + x) * 3;
        const d = (y * cw + x) * 4;
        rgba[d] = rgb[s];
        rgba[d + 1] = rgb[s + 1];
        rgba[d + 2] = rgb[s + 2];
        rgba[d + 3] = 255;
      }
    return jsQR(rgba, cw, ch)?.data ?? null;
  };
  const [hw, hh] = [Math.floor(w / 2), Math.floor(h / 2)];
  const found: (string | null)[] = [];
  for (const [x, y, cw, ch] of [
    [0, 0, w, h],
    [0, 0, hw, hh],
    [hw, 0, w - hw, hh],
    [0, hh, hw, h - hh],
    [hw, hh, w - hw, h - hh],
  ]) {
    found.push(crop(x, y, cw, ch));
    await pause();
  }
  // jsQR can read a patch of ruled table and small text as a code with no data (seen on the dossier's first page once
  // it carried the flags table): a code the service prints always carries a URL, so an empty read is not one
  return [...new Set(found.filter((t): t is string => t !== null && t !== ''))];
}
