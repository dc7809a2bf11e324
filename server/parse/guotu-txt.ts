/**
 * 国土 TXT land-boundary exchange format (国土资源部 界址点坐标交换格式):
 *
 *   [属性描述]            key=value lines, any order: 坐标系, 几度分带, 投影类型, 计量单位, 带号, 精度, 转换参数 …
 *   [地块坐标]
 *   界址点数,地块面积(公顷),地块编号,地块名称,面,图幅号,用途,地类编码,@
 *   点号,圈号,X(北),Y(东, 带号在前)
 *   …
 * Several parcels per file; 圈号 1 is the outer ring, 2+ are holes.
 */
import { badRequest, unprocessable } from '../errors';
import type { ZoneFamily } from '../geodesy/crs';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { requireNumber, toNumber } from './numbers';
import { resolveGk, type PlanarPoint } from './projected';
import { decodeText, splitLines } from './text';
import type { FormatOutput, ParseHints, RawParcel, VertexRef } from './types';

interface TxtParcel {
  name: string;
  line: number;
  declaredPoints?: number;
  declaredHa?: number;
  rings: Map<number, PlanarPoint[]>;
}

const unreadable = (message: string, zh: string, details: Record<string, unknown>[] = []) =>
  badRequest('PARSE_UNREADABLE', message, zh, details);

export function parseGuotuTxt(buf: Uint8Array, hints: ParseHints, limits: ParseLimits): FormatOutput {
  const { text } = decodeText(buf);
  const lines = splitLines(text);
  const header = new Map<string, string>();
  const budget = new VertexBudget(limits);
  const parcels: TxtParcel[] = [];
  let section: 'none' | 'attr' | 'coords' | 'other' = 'none';
  let current: TxtParcel | undefined;
  let sawCoords = false;

  lines.forEach((rawLine, idx) => {
    const lineNo = idx + 1;
    const line = rawLine.replace(/^\uFEFF/, '').trim();
    if (!line) return;
    const sec = line.charCodeAt(0) === 0x5b ? /^\[\s*(.+?)\s*\]$/.exec(line) : null;
    if (sec) {
      section = sec[1] === '属性描述' ? 'attr' : sec[1] === '地块坐标' ? 'coords' : 'other';
      if (section === 'coords') sawCoords = true;
      return;
    }
    if (section === 'attr') {
      const eq = line.indexOf('=');
      if (eq > 0) header.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
      return;
    }
    if (section !== 'coords') return;
    const fields = line.split(/[,，]/).map((f) => f.trim());
    if (line.endsWith('@')) {
      budget.addParcel(lineNo);
      const declaredPoints = toNumber(fields[0]);
      const declaredHa = toNumber(fields[1]);
      const name = fields[3] || fields[2] || `地块${parcels.length + 1}`;
      current = { name, line: lineNo, declaredPoints, declaredHa, rings: new Map() };
      parcels.push(current);
      return;
    }
    if (!current)
      throw unreadable(
        `Line ${lineNo}: point line before any parcel line (ending in '@')`,
        `第 ${lineNo} 行：在地块行（以 @ 结尾）之前出现坐标点`,
        [{ line: lineNo }],
      );
    if (fields.length < 4)
      throw unreadable(
        `Line ${lineNo}: a point line needs 点号,圈号,X,Y (found ${fields.length} fields)`,
        `第 ${lineNo} 行：坐标行应为“点号,圈号,X,Y”（只有 ${fields.length} 项）`,
        [{ line: lineNo, parcel: current.name, fields: fields.length }],
      );
    const ref: VertexRef = { line: lineNo, point: fields[0] };
    const ringNo = requireNumber(fields[1], ref, '圈号');
    if (!Number.isInteger(ringNo) || ringNo < 1)
      throw unreadable(`Line ${lineNo}: 圈号 must be a positive integer`, `第 ${lineNo} 行：圈号应为正整数`, [{ ...ref, field: '圈号' }]);
    const x = requireNumber(fields[2], ref, 'X');
    const y = requireNumber(fields[3], ref, 'Y');
    budget.addVertex(lineNo);
    let ring = current.rings.get(ringNo);
    if (!ring) current.rings.set(ringNo, (ring = []));
    ring.push({ x, y, ref });
  });

  if (!sawCoords)
    throw unreadable('No [地块坐标] section: not a 国土 TXT file, or truncated', '缺少 [地块坐标] 节：不是国土TXT文件或文件不完整');
  if (!parcels.length) throw unreadable('[地块坐标] contains no parcel line ending in @', '[地块坐标] 中没有以 @ 结尾的地块行');

  for (const p of parcels) {
    const found = [...p.rings.values()].reduce((s, r) => s + r.length, 0);
    if (p.declaredPoints !== undefined && found < p.declaredPoints)
      throw unreadable(
        `Parcel '${p.name}' declares ${p.declaredPoints} points but ${found} follow: file truncated?`,
        `地块“${p.name}”声明 ${p.declaredPoints} 个界址点，实际只有 ${found} 个：文件不完整？`,
        [{ line: p.line, parcel: p.name, declared: p.declaredPoints, found }],
      );
  }

  const unit = header.get('计量单位');
  if (unit && !/^(米|m|metre|meter)$/i.test(unit))
    throw unprocessable(
      'PARSE_CRS_UNSUPPORTED',
      `计量单位 '${unit}' is not supported (metres only)`,
      `不支持的计量单位“${unit}”（仅支持米）`,
      [{ field: '计量单位', value: unit }],
    );
  const datum = header.get('坐标系') ?? '';
  if (/54|80|北京|西安|wgs/i.test(datum) && !/2000/.test(datum))
    throw unprocessable(
      'PARSE_CRS_UNSUPPORTED',
      `坐标系 '${datum}' is not CGCS2000; convert to 2000国家大地坐标系 first (datum shifts are up to ~100 m)`,
      `坐标系“${datum}”不是2000国家大地坐标系，请先转换（基准差异可达约100米）`,
      [{ field: '坐标系', value: datum }],
    );
  const fam = toNumber(header.get('几度分带') ?? '');
  const family: ZoneFamily | undefined = fam === 3 ? '3' : fam === 6 ? '6' : undefined;
  const zone = toNumber(header.get('带号') ?? '');

  const all = parcels.flatMap((p) => [...p.rings.values()].flat());
  const gk = resolveGk(all, hints, { zone: zone !== undefined && Number.isInteger(zone) ? zone : undefined, family });
  const raw: RawParcel[] = parcels.map((p) => {
    const ringNos = [...p.rings.keys()].sort((a, b) => a - b);
    if (ringNos[0] !== 1)
      throw unprocessable('PARSE_TOO_FEW_POINTS', `Parcel '${p.name}' has no outer ring (圈号 1)`, `地块“${p.name}”缺少外环（圈号 1）`, [
        { line: p.line, parcel: p.name },
      ]);
    return {
      name: p.name,
      line: p.line,
      declaredHa: p.declaredHa,
      rings: ringNos.map((n) => {
        const pts = p.rings.get(n)!;
        return { coords: pts.map((pt) => gk.toLonLat(pt)), refs: pts.map((pt) => pt.ref) };
      }),
    };
  });
  return { crs: gk.crs.epsg, parcels: raw, warnings: gk.warnings };
}
