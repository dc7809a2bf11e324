/** KML and KMZ (zipped KML): always WGS84/CGCS2000 lon/lat, read with @tmcw/togeojson over @xmldom/xmldom. */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { badRequest } from '../errors';
import { collectPolygons, polygonsToParcels } from './geojson';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { decodeText } from './text';
import { checkXmlElements } from './xml-scan';
import type { FormatOutput, ParseHints, ParseWarning } from './types';
import { findEntries, safeUnzip } from './zip';

const unreadable = (why: string) =>
  badRequest('PARSE_UNREADABLE', `KML is unreadable or truncated: ${why}`, `KML 无法读取或不完整：${why}`, [{ reason: why }]);

export function parseKmlText(text: string, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  checkXmlElements(text, limits.maxXmlElements, 'KML');
  let doc: Document;
  try {
    const errors: string[] = [];
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(text, 'text/xml') as unknown as Document;
    if (errors.length) throw new Error(errors[0]);
  } catch (e) {
    throw unreadable(String((e as Error)?.message ?? e).slice(0, 200));
  }
  if (!doc?.documentElement || doc.documentElement.localName !== 'kml') throw unreadable('no <kml> root element');
  let fc: unknown;
  try {
    fc = kml(doc);
  } catch (e) {
    throw unreadable(String((e as Error)?.message ?? e).slice(0, 200));
  }
  const budget = new VertexBudget(limits);
  const warnings: ParseWarning[] = [];
  const polys = collectPolygons(fc, budget, warnings, name);
  if (hints.crs !== undefined && hints.crs !== 4490 && hints.crs !== 4326)
    warnings.push({
      code: 'PARSE_CRS_IGNORED',
      message: `KML is always lon/lat; crs ${hints.crs} ignored`,
      message_zh: `KML 总是经纬度，已忽略坐标系参数 ${hints.crs}`,
    });
  const out = polygonsToParcels(polys, { format: hints.format }, 4490);
  return { ...out, warnings: [...warnings, ...out.warnings] };
}

export function parseKml(buf: Uint8Array, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  return parseKmlText(decodeText(buf).text, hints, limits, name);
}

export function parseKmz(buf: Uint8Array, hints: ParseHints, limits: ParseLimits, name: string): FormatOutput {
  const entries = safeUnzip(buf, limits);
  const kmls = findEntries(entries, '.kml');
  const main = kmls.find((n) => n.toLowerCase() === 'doc.kml') ?? kmls[0];
  if (!main) throw unreadable('KMZ contains no .kml file');
  return parseKml(entries[main], hints, limits, name);
}
