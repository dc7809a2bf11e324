/** Amplifying inputs (issue 12): refused by counting, before they are expanded into memory. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { parseUpload } from './index';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

/** A zip whose central directory understates the size of its one entry (a lying zip bomb). */
function lyingZip(name: string, content: Uint8Array): Uint8Array {
  const z = zipSync({ [name]: content }, { level: 9 });
  const v = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = 0; i + 4 <= z.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, 1000, true); // local header: uncompressed size
    if (sig === 0x02014b50) v.setUint32(i + 24, 1000, true); // central directory: uncompressed size
  }
  return z;
}

describe('hostile uploads are refused by counting', () => {
  it('a 20 KB KMZ expanding to 20 MiB of <a/> elements: 413 XML_TOO_MANY_ELEMENTS, fast', async () => {
    const kml = strToU8(
      '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>' + '<a/>'.repeat(5 * 1024 * 1024) + '</Document></kml>',
    );
    const kmz = zipSync({ 'doc.kml': kml }, { level: 9 });
    expect(kmz.length).toBeLessThan(40_000);
    const t = Date.now();
    const e = await refusal(parseUpload(Buffer.from(kmz), 'x.kmz'));
    expect([e.status, e.code]).toEqual([413, 'XML_TOO_MANY_ELEMENTS']);
    expect(Date.now() - t).toBeLessThan(30_000); // ~1 s on an idle 2-core machine
  }, 60_000);

  it('a zip whose headers understate its size: 413 ARCHIVE_TOO_LARGE, counted while inflating', async () => {
    const e = await refusal(
      parseUpload(
        Buffer.from(lyingZip('doc.kml', new Uint8Array(64 * 1024 * 1024).fill(32))),
        'x.kmz',
        {},
        { maxArchiveBytes: 8 * 1024 * 1024 },
      ),
    );
    expect([e.status, e.code]).toEqual([413, 'ARCHIVE_TOO_LARGE']);
  }, 60_000);

  it('an XLSX whose sheet holds millions of cells: 413 before exceljs builds them', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    const xlsx = zipSync(
      {
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      },
      { level: 9 },
    );
    const e = await refusal(parseUpload(Buffer.from(xlsx), 'x.xlsx'));
    expect([e.status, e.code]).toEqual([413, 'XML_TOO_MANY_ELEMENTS']);
  }, 60_000);

  it('a CSV of one 19 MB line: 413 LINE_TOO_LONG naming the line', async () => {
    const csv = Buffer.concat([Buffer.from('经度,纬度\n'), Buffer.alloc(19 * 1024 * 1024, 0x31)]);
    const e = await refusal(parseUpload(csv, 'x.csv', {}, { maxUploadBytes: 20 * 1024 * 1024 }));
    expect([e.status, e.code]).toEqual([413, 'LINE_TOO_LONG']);
    expect(e.details![0]).toMatchObject({ line: 2 });
  }, 60_000);
});
