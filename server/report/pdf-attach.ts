/**
 * A file attached to a PDF by an incremental update (ISO 32000-1 §7.5.6, §7.11.4): the original bytes
 * stay as they are, and new objects — the embedded file stream, its file specification, a /Names tree
 * with /EmbeddedFiles — plus a rewritten catalog and a new xref section are appended. Readers list the
 * file as an attachment (poppler's `pdfdetach -list` does). Written for the classic-xref PDFs that
 * Chromium (Skia) produces; anything else is refused rather than damaged.
 *
 * The stream is stored uncompressed, so the attached JSON is also plainly visible in the PDF's bytes.
 */

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

function lastMatch(re: RegExp, s: string): RegExpExecArray | null {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((m = g.exec(s))) last = m;
  return last;
}

export interface Attachment {
  name: string;
  mimeType: string;
  data: Buffer;
  description?: string;
}

const pdfName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;

/** The PDF with `file` attached (incremental update). */
export function attachFile(pdf: Buffer, file: Attachment): Buffer {
  const text = latin1(pdf);
  const sx = lastMatch(/startxref\s+(\d+)\s+%%EOF\s*$/, text);
  const trailer = lastMatch(/trailer\s*<<([\s\S]*?)>>\s*startxref/, text);
  if (!sx || !trailer) throw new Error('attachFile: no classic xref trailer (xref streams are not supported)');
  const size = Number(/\/Size\s+(\d+)/.exec(trailer[1])?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]);
  if (!size || !root) throw new Error('attachFile: trailer without /Size or /Root');
  const cat = lastMatch(new RegExp(`(?:^|[\\r\\n])${root[1]}\\s+${root[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`), text);
  if (!cat) throw new Error('attachFile: catalog object not found');
  if (/\/Names\b|\/AF\b/.test(cat[1])) throw new Error('attachFile: the catalog already has /Names or /AF');

  const [ef, spec, names] = [size, size + 1, size + 2];
  const catNo = Number(root[1]);
  const parts: (string | Buffer)[] = [];
  const offsets = new Map<number, number>();
  let pos = pdf.length;
  const push = (p: string | Buffer) => {
    parts.push(p);
    pos += typeof p === 'string' ? Buffer.byteLength(p, 'latin1') : p.length;
  };
  const obj = (n: number, body: string | Buffer[]) => {
    offsets.set(n, pos);
    if (typeof body === 'string') push(`${n} 0 obj\n${body}\nendobj\n`);
    else {
      push(`${n} 0 obj\n`);
      for (const b of body) push(b);
      push('\nendobj\n');
    }
  };
  push(text.endsWith('\n') ? '' : '\n');
  obj(ef, [
    Buffer.from(
      `<</Type /EmbeddedFile /Subtype /${pdfName(file.mimeType)} /Length ${file.data.length} /Params <</Size ${file.data.length}>>>>\nstream\n`,
      'latin1',
    ),
    file.data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  obj(
    spec,
    `<</Type /Filespec /F ${pdfString(file.name)} /UF ${pdfString(file.name)} /EF <</F ${ef} 0 R>> /AFRelationship /Data${file.description ? ` /Desc ${pdfString(file.description)}` : ''}>>`,
  );
  obj(names, `<</EmbeddedFiles <</Names [${pdfString(file.name)} ${spec} 0 R]>>>>`);
  obj(catNo, `<<${cat[1].trimEnd()}\n/Names ${names} 0 R\n/AF [${spec} 0 R]>>`);
  const xrefAt = pos;
  const entry = (n: number) => `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
  push(`xref\n0 1\n0000000000 65535 f \n${catNo} 1\n${entry(catNo)}${ef} 3\n${entry(ef)}${entry(spec)}${entry(names)}`);
  push(
    `trailer\n<</Size ${size + 3} /Root ${root[1]} ${root[2]} R${info ? ` /Info ${info[1]} ${info[2]} R` : ''} /Prev ${sx[1]}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  return Buffer.concat([pdf, ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))]);
}

/** The last embedded file stream of the given MIME type in a PDF (uncompressed streams only), or null. */
export function extractAttachment(pdf: Buffer, mimeType: string): Buffer | null {
  const text = latin1(pdf);
  const m = lastMatch(
    new RegExp(`<<\\/Type \\/EmbeddedFile \\/Subtype \\/${pdfName(mimeType).replace(/[.]/g, '\\.')} \\/Length (\\d+)[^\\n]*\\nstream\\n`),
    text,
  );
  if (!m) return null;
  const start = m.index + m[0].length;
  const len = Number(m[1]);
  if (start + len > pdf.length) return null;
  return pdf.subarray(start, start + len);
}
