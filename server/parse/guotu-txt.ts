/**
 * 国土 TXT land-boundary exchange format (国土资源部 界址点坐标交换格式):
 *
 *   [属性描述]            key=value lines, any order: 坐标系, 几度分带, 投影类型, 计量单位, 带号, 精度, 转换参数 …
 *   [地块坐标]
 *   界址点数,地块面积(公顷),地块编号,地块名称,面,图幅号,用途,地类编码,@
 *   点号,圈号,X(北),Y(东, 带号在前)
 *   …
 * Several parcels per file. Rings are told apart by geometry, not by 圈号 (1, 2 … or 101, 102 …): a ring inside
 * another is a hole, one outside the others a further part of the 地块. Variants read: full-width section marks
 * (【地块坐标】, ［…］), 计量单位=米(m), tab- or blank-separated point lines, note/total lines under the points, and a
 * 界址点数 larger than the points listed when the listed rings close and reproduce the declared 地块面积.
 */
import { badRequest, unprocessable } from '../errors';
import type { ZoneFamily } from '../geodesy/crs';
import type { ParseLimits } from './limits';
import { VertexBudget } from './limits';
import { texts } from './angles';
import { refuseOldDatum } from './datum';
import { warn } from './messages';
import { requireNumber, toNumber } from './numbers';
import { splitParts } from './parts';
import { resolveGk, type PlanarPoint } from './projected';
import { decodeText, splitLines } from './text';
import type { DeclaredArea, FormatOutput, ParseHints, ParseWarning, RawParcel, VertexRef } from './types';

interface TxtParcel {
  name: string;
  line: number;
  declaredPoints?: number;
  declared?: DeclaredArea;
  rings: Map<number, PlanarPoint[]>;
}

/** Lines under the points that are notes or totals (面积合计, 备注 …), not corners. */
const NOTE = /^(面积|总面积|合计|总计|共计|小计|备注|说明|注|附注)/;

/** 地块面积 as written: value and the decimals it was rounded to. */
function declaredHa(field: string | undefined, line: number): DeclaredArea | undefined {
  const v = toNumber(field ?? '');
  if (v === undefined || v <= 0) return undefined;
  return { value: v, unit: 'ha', decimals: (field!.trim().split('.')[1] ?? '').length, line };
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
  const warnings: ParseWarning[] = [];

  lines.forEach((rawLine, idx) => {
    const lineNo = idx + 1;
    let line = rawLine.replace(/^\uFEFF/, '').trim();
    if (!line) return;
    const c0 = line.charCodeAt(0);
    if (c0 === 0x5b || c0 === 0x3010 || c0 === 0xff3b) {
      const sec = /^[[【]\s*(.+?)\s*[\]】]$/.exec(line.normalize('NFKC'));
      if (sec) {
        section = sec[1] === '属性描述' ? 'attr' : sec[1] === '地块坐标' ? 'coords' : 'other';
        if (section === 'coords') sawCoords = true;
        return;
      }
    }
    if (section === 'attr') {
      line = line.normalize('NFKC');
      const eq = line.indexOf('=');
      if (eq > 0) header.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
      return;
    }
    if (section !== 'coords') return;
    const fields = (/[,，]/.test(line) ? line.split(/[,，]/) : line.split(/\s+/)).map((f) => f.trim());
    if (line.endsWith('@')) {
      budget.addParcel(lineNo);
      const declaredPoints = toNumber(fields[0]);
      const name = fields[3] || fields[2] || `地块${parcels.length + 1}`;
      current = { name, line: lineNo, declaredPoints, declared: declaredHa(fields[1], lineNo), rings: new Map() };
      parcels.push(current);
      return;
    }
    if (NOTE.test(line.normalize('NFKC'))) {
      warnings.push(warn('PARSE_ROW_SKIPPED', { line: lineNo, text: line.slice(0, 120) }, { line: lineNo }));
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

  // 界址点数 larger than the points listed: a refusal unless the listed rings close and the declared area can check them.
  const short = new Map<TxtParcel, { declared: number; found: number; closed: boolean }>();
  for (const p of parcels) {
    const found = [...p.rings.values()].reduce((s, r) => s + r.length, 0);
    if (p.declaredPoints === undefined || found >= p.declaredPoints) continue;
    const closed = [...p.rings.values()].every((r) => r.length > 3 && r[0].x === r[r.length - 1].x && r[0].y === r[r.length - 1].y);
    if (!closed || !p.declared)
      throw unreadable(
        ...texts('PARSE_POINT_COUNT_TRUNCATED', { parcel: p.name, declared: p.declaredPoints, found, why: closed ? 'no-area' : 'open' }),
        [{ line: p.line, parcel: p.name, declared: p.declaredPoints, found }],
      );
    short.set(p, { declared: p.declaredPoints, found, closed });
  }

  const unit = header.get('计量单位');
  if (unit && !/^(米|m|metre|meter|公尺)\s*(\((米|m)\))?$/i.test(unit.normalize('NFKC')))
    throw unprocessable(
      'PARSE_CRS_UNSUPPORTED',
      `计量单位 '${unit}' is not supported (metres only)`,
      `不支持的计量单位“${unit}”（仅支持米）`,
      [{ field: '计量单位', value: unit }],
    );
  const datum = header.get('坐标系') ?? '';
  refuseOldDatum(datum, undefined, '坐标系');
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
  const raw: RawParcel[] = parcels.flatMap((p) => {
    const ringNos = [...p.rings.keys()].sort((a, b) => a - b);
    const parcel: RawParcel = {
      name: p.name,
      line: p.line,
      ...(p.declared ? { declared: p.declared } : {}),
      ...(short.has(p) ? { pointsShort: short.get(p) } : {}),
      rings: ringNos.map((n) => {
        const pts = p.rings.get(n)!;
        return { coords: pts.map((pt) => gk.toLonLat(pt)), refs: pts.map((pt) => pt.ref), no: n };
      }),
    };
    return splitParts(parcel, warnings);
  });
  // clockwise 界址点 numbering is the convention: re-orienting it is not worth a warning
  return { crs: gk.crs.epsg, parcels: raw, warnings: [...gk.warnings, ...warnings], orientationByConvention: true };
}
