import Papa from 'papaparse';
import type { ParseLimits } from './limits';
import { parseTable, type TableRow } from './table';
import { decodeText } from './text';
import type { FormatOutput, ParseHints } from './types';

/** CSV (comma, semicolon or tab; UTF-8 or GBK; with or without BOM) corner table. */
export function parseCsv(buf: Uint8Array, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  const { text } = decodeText(buf);
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const rows: TableRow[] = res.data.map((cells, i) => ({ line: i + 1, cells: (cells as unknown[]).map((c) => String(c ?? '')) }));
  return parseTable(rows, hints, limits, name);
}
