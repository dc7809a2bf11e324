import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachFile, extractAttachment } from './pdf-attach';

// A minimal classic-xref PDF of the shape Skia writes (objects, xref table, trailer with /Root and /Info).
function minimalPdf(): Buffer {
  const objs = [
    '<</Title (t)>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>',
    '<</Type /Catalog\n/Pages 2 0 R>>',
  ];
  let s = '%PDF-1.4\n';
  const off: number[] = [];
  objs.forEach((o, i) => {
    off.push(s.length);
    s += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const x = s.length;
  s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${off.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  s += `trailer\n<</Size ${objs.length + 1}\n/Root 4 0 R\n/Info 1 0 R>>\nstartxref\n${x}\n%%EOF`;
  return Buffer.from(s, 'latin1');
}

describe('attachFile / extractAttachment', () => {
  const json = Buffer.from(JSON.stringify({ certificate_id: 'cert-x', name: '柿庄南', area: 41.7527 }), 'utf8');

  it('appends an attachment that extracts byte for byte and keeps the original bytes', () => {
    const pdf = minimalPdf();
    const out = attachFile(pdf, { name: 'certificate.json', mimeType: 'application/json', data: json, description: 'signed record' });
    expect(out.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(extractAttachment(out, 'application/json')?.equals(json)).toBe(true);
    expect(out.toString('latin1')).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it('gives xref offsets that point at the objects', () => {
    const out = attachFile(minimalPdf(), { name: 'certificate.json', mimeType: 'application/json', data: json }).toString('latin1');
    const xref = out.lastIndexOf('xref\n');
    const rows = out
      .slice(xref)
      .split('\n')
      .filter((l) => / 00000 n $/.test(l));
    for (const r of rows) expect(out.slice(Number(r.slice(0, 10)), Number(r.slice(0, 10)) + 12)).toMatch(/^\d+ 0 obj\n/);
  });

  it('is listed and saved by poppler (pdfdetach), when installed', () => {
    if (!existsSync('/usr/bin/pdfdetach')) return;
    const dir = mkdtempSync(join(tmpdir(), 'attach-'));
    writeFileSync(join(dir, 'a.pdf'), attachFile(minimalPdf(), { name: 'certificate.json', mimeType: 'application/json', data: json }));
    expect(execFileSync('pdfdetach', ['-list', join(dir, 'a.pdf')]).toString()).toContain('certificate.json');
    execFileSync('pdfdetach', ['-save', '1', '-o', join(dir, 'c.json'), join(dir, 'a.pdf')]);
    expect(readFileSync(join(dir, 'c.json')).equals(json)).toBe(true);
  });

  it('returns null when there is no attachment and refuses a PDF it cannot update', () => {
    expect(extractAttachment(minimalPdf(), 'application/json')).toBeNull();
    expect(() => attachFile(Buffer.from('%PDF-1.7\nno trailer'), { name: 'a', mimeType: 'application/json', data: json })).toThrow(/xref/);
  });
});
