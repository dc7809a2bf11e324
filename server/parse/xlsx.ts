import ExcelJS from 'exceljs';
import { badRequest } from '../errors';
import type { ParseLimits } from './limits';
import { parseTable, type TableRow } from './table';
import type { FormatOutput, ParseHints } from './types';
import { countXmlElements, tooManyElements } from './xml-scan';
import { repack, safeUnzip } from './zip';

/** XLSX corner table: the first worksheet that has rows. The archive is size-checked and re-packed before exceljs sees it. */
export async function parseXlsx(buf: Uint8Array, hints: ParseHints, limits: ParseLimits, name: string): Promise<FormatOutput> {
  const entries = safeUnzip(buf, limits);
  // exceljs builds every cell of every sheet in memory: count the workbook's XML elements first
  let elements = 0;
  for (const [name, bytes] of Object.entries(entries))
    if (name.toLowerCase().endsWith('.xml')) {
      elements += countXmlElements(bytes, limits.maxXmlElements - elements);
      if (elements > limits.maxXmlElements) throw tooManyElements('XLSX workbook', limits.maxXmlElements);
    }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(repack(entries)) as unknown as ArrayBuffer);
  } catch (e) {
    throw badRequest('PARSE_UNREADABLE', `XLSX workbook is unreadable (${(e as Error)?.message ?? e})`, 'XLSX 工作簿无法读取', [
      { reason: String((e as Error)?.message ?? e) },
    ]);
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw badRequest('PARSE_UNREADABLE', 'XLSX workbook has no rows', 'XLSX 工作簿中没有数据');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] = typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : cell.text;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    rows.push({ line: rowNumber, cells });
  });
  return parseTable(rows, hints, limits, name || sheet.name);
}
