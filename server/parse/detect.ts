import { unzipSync } from 'fflate';
import { badRequest } from '../errors';
import { refuseOldDatum } from './datum';
import { ENCLOSED, toNumber } from './numbers';
import { decodeText, looksBinary } from './text';
import { isZip } from './zip';
import { FORMATS, type FormatName } from './types';

const ALIASES: Record<string, FormatName> = {
  txt: 'guotu-txt',
  guotu: 'guotu-txt',
  'guotu-txt': 'guotu-txt',
  国土: 'guotu-txt',
  csv: 'csv',
  xlsx: 'xlsx',
  excel: 'xlsx',
  geojson: 'geojson',
  json: 'geojson',
  kml: 'kml',
  kmz: 'kmz',
  shp: 'shp',
  shapefile: 'shp',
  zip: 'shp',
};

export const formatUnknown = (detail: Record<string, unknown> = {}) =>
  badRequest(
    'PARSE_FORMAT_UNKNOWN',
    `Unknown file format; supported: ${FORMATS.join(', ')}`,
    `无法识别的文件格式；支持：国土TXT、CSV、XLSX、GeoJSON、KML/KMZ、Shapefile(zip)`,
    [{ supported: [...FORMATS], ...detail }],
  );

/** Normalise an explicit `format` hint; unknown names are refused. */
export function formatFromHint(hint: string): FormatName {
  const f = ALIASES[hint.trim().toLowerCase()];
  if (!f) throw formatUnknown({ field: 'format', value: hint });
  return f;
}

/** Detect the format from the content (the file name only breaks ties between text formats). */
export function detectFormat(buf: Uint8Array, filename = ''): FormatName {
  if (isZip(buf)) return detectZip(buf);
  if (buf.length === 0) throw formatUnknown({ reason: 'empty file' });
  if (looksBinary(buf)) throw formatUnknown({ reason: 'binary content' });
  const head = decodeText(buf.subarray(0, 64 * 1024)).text.replace(/^\s+/, '');
  if (/[[【［]\s*(属性描述|地块坐标)\s*[\]】］]/.test(head.slice(0, 8192))) return 'guotu-txt';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<kml[\s>]/i.test(head) || /<kml[\s>]/i.test(head.slice(0, 2048))) return 'kml';
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  const lower = filename.toLowerCase();
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l.trim());
  if (lines.length && lines.slice(0, 5).some((l) => /[,;\t]/.test(l))) return 'csv';
  // point lists separated by blanks, with or without circled labels: ①4175560.923 40592990.799 ②…
  if (lines.slice(0, 30).some(isPointListLine)) return 'csv';
  refuseOldDatum(head.slice(0, 8192));
  throw formatUnknown({ filename, reason: 'no [地块坐标] section, no delimiter-separated table and no line with two numbers' });
}

function detectZip(buf: Uint8Array): FormatName {
  const names: string[] = [];
  try {
    unzipSync(buf, { filter: (f) => (names.push(f.name.toLowerCase()), false) });
  } catch {
    throw badRequest('PARSE_UNREADABLE', 'Zip archive is unreadable or truncated', '压缩包无法读取或不完整');
  }
  if (names.some((n) => n.endsWith('.shp'))) return 'shp';
  if (names.some((n) => n.endsWith('.kml'))) return 'kmz';
  if (names.some((n) => n.startsWith('xl/')) || names.includes('[content_types].xml')) return 'xlsx';
  throw formatUnknown({ reason: 'zip without .shp, .kml or xl/', entries: names.slice(0, 20) });
}

/** A line holding at least two numbers separated by blanks (circled labels split off first). */
function isPointListLine(line: string): boolean {
  const toks = line
    .replace(new RegExp(`(${ENCLOSED.source})`, 'g'), ' $1 ')
    .trim()
    .split(/\s+/);
  let run = 0;
  for (const t of toks) {
    if (toNumber(t) !== undefined) {
      if (++run >= 2) return true;
    } else run = 0;
  }
  return false;
}
