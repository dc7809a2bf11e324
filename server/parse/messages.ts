/**
 * Sentences of the coordinate-file readers added for real-world tables (issue 10): warnings, readings and the
 * text of refusals. Each is a Message ({code, params, message, message_zh}); refusals reuse the text with AppError.
 */
import { defineMessages, say, type MessageParams } from '../i18n/message';
import type { ParseWarning } from './types';

const unitZh: Record<string, string> = { ha: '公顷', km2: '平方千米', m2: '平方米', mu: '亩' };
const unitEn: Record<string, string> = { ha: 'ha', km2: 'km²', m2: 'm²', mu: 'mu' };

export const PARSE_SAY = defineMessages({
  PARSE_CELLS_NOT_USED: {
    en: (p: { line: number; cells: string }) => `Line ${p.line}: numbers not used as coordinates: ${p.cells}`,
    zh: (p: { line: number; cells: string }) => `第 ${p.line} 行：以下数值未作为坐标读取：${p.cells}`,
  },
  PARSE_ROW_SKIPPED: {
    en: (p: { line: number; text: string }) => `Line ${p.line} is a note or total, not a corner; skipped: “${p.text}”`,
    zh: (p: { line: number; text: string }) => `第 ${p.line} 行为说明或合计行，不是拐点，已跳过：“${p.text}”`,
  },
  PARSE_GROUPS_READ: {
    en: (p: { groups: number; order: string; corners: number }) =>
      `The table holds ${p.groups} coordinate groups per row; all ${p.corners} corners were read, ${p.order === 'rows' ? 'row by row (left to right)' : 'group by group (left block first)'}`,
    zh: (p: { groups: number; order: string; corners: number }) =>
      `表格每行有 ${p.groups} 组坐标；已读取全部 ${p.corners} 个拐点，顺序为${p.order === 'rows' ? '逐行从左到右' : '先左组后右组'}`,
  },
  PARSE_GROUPS_ORDER_ASSUMED: {
    en: (p: { groups: number }) =>
      `The ${p.groups} coordinate groups per row carry no point numbers; read the left block first, then the next (the usual layout) — check the corner order`,
    zh: (p: { groups: number }) => `每行 ${p.groups} 组坐标均无点号；按通常版式先读左组再读右组，请核对拐点顺序`,
  },
  PARSE_PACKED_DMS: {
    en: (p: { columns: string; example: string; value: number }) =>
      `Columns ${p.columns} are read as packed degrees-minutes-seconds (ddd.mmss, as the header says): ${p.example} = ${p.value.toFixed(8)}°`,
    zh: (p: { columns: string; example: string; value: number }) =>
      `${p.columns} 列按表头所示读作度分秒连写（ddd.mmss）：${p.example} = ${p.value.toFixed(8)}°`,
  },
  PARSE_ANGLE_AMBIGUOUS: {
    en: (p: { line: number; example: string; dmsText: string; dms: number; columns: string }) =>
      `Line ${p.line}: are ${p.columns} decimal degrees or packed ddd.mmss? Every minute and second digit pair is below 60, so '${p.example}' may be ${p.example}° or ${p.dmsText} = ${p.dms.toFixed(6)}°. Say which in the header: add (度分秒) or (十进制度) after the column name`,
    zh: (p: { line: number; example: string; dmsText: string; dms: number; columns: string }) =>
      `第 ${p.line} 行：${p.columns} 是十进制度还是度分秒连写（ddd.mmss）？所有分、秒位均小于 60，“${p.example}”既可能是 ${p.example}°，也可能是 ${p.dmsText} = ${p.dms.toFixed(6)}°。请在表头列名后注明（度分秒）或（十进制度）`,
  },
  PARSE_PACKED_DMS_INVALID: {
    en: (p: { line: number; value: string; column: string }) =>
      `Line ${p.line}: the header says ${p.column} is packed ddd.mmss, but '${p.value}' has minutes or seconds ≥ 60`,
    zh: (p: { line: number; value: string; column: string }) =>
      `第 ${p.line} 行：表头注明“${p.column}”为度分秒连写，但“${p.value}”的分或秒不小于 60`,
  },
  PARSE_DMS_MARKS_LOST: {
    en: (p: { line: number; value: string; field: string; guess: string }) =>
      `Line ${p.line}, ${p.field}: '${p.value}' is not an angle — the minute and second marks (′ ″) seem lost in copying (perhaps ${p.guess}); write the marks back`,
    zh: (p: { line: number; value: string; field: string; guess: string }) =>
      `第 ${p.line} 行${p.field}：“${p.value}”不是有效角度，分秒符号（′ ″）似乎在复制时丢失（可能是 ${p.guess}），请补上符号`,
  },
  PARSE_OLD_DATUM: {
    en: (p: { datum: string; seen: string; line: number | null }) =>
      `${p.line ? `Line ${p.line}: ` : ''}the coordinates are in ${p.datum} (“${p.seen}”), not CGCS2000. There are no public transformation parameters between them (the shift is up to ~100 m and differs from place to place), so they cannot be converted here: convert them to 2000国家大地坐标系 with your surveying authority's parameters first`,
    zh: (p: { datum: string; seen: string; line: number | null }) =>
      `${p.line ? `第 ${p.line} 行：` : ''}坐标为${p.datum}（“${p.seen}”），不是2000国家大地坐标系。两者之间没有公开的转换参数（差异可达约100米且因地而异），本系统无法转换；请先用测绘主管部门提供的参数转换为2000国家大地坐标系`,
  },
  PARSE_POINT_WITHOUT_COORDS: {
    en: (p: { line: number; point: string }) => `Line ${p.line}: point ${p.point} has no coordinates (half a table?)`,
    zh: (p: { line: number; point: string }) => `第 ${p.line} 行：点 ${p.point} 没有坐标（表格不完整？）`,
  },
  PARSE_HALF_POINT: {
    en: (p: { line: number; value: string }) => `Line ${p.line}: '${p.value}' has no partner coordinate: a point needs two numbers`,
    zh: (p: { line: number; value: string }) => `第 ${p.line} 行：“${p.value}”缺少配对坐标，一个点需要两个数值`,
  },
  PARSE_RING_TOO_FEW: {
    en: (p: { parcel: string; ring: number; corners: number; line: number | null }) =>
      `Parcel '${p.parcel}' 圈号 ${p.ring} has ${p.corners} distinct corners; at least 3 are needed`,
    zh: (p: { parcel: string; ring: number; corners: number; line: number | null }) =>
      `地块“${p.parcel}”圈号 ${p.ring} 只有 ${p.corners} 个不同的拐点，至少需要 3 个`,
  },
  PARSE_PARTS_SPLIT: {
    en: (p: { parcel: string; parts: string; holes: string }) =>
      `Parcel '${p.parcel}' has several parts (圈号 ${p.parts})${p.holes ? ` and holes (圈号 ${p.holes})` : ''}; each part is listed separately`,
    zh: (p: { parcel: string; parts: string; holes: string }) =>
      `地块“${p.parcel}”由多个部分组成（圈号 ${p.parts}）${p.holes ? `，另有内环（圈号 ${p.holes}）` : ''}；各部分分别列出`,
  },
  PARSE_POINT_COUNT_SHORT: {
    en: (p: { parcel: string; declared: number; found: number; line: number }) =>
      `Parcel '${p.parcel}' declares ${p.declared} boundary points but lists ${p.found}; the listed rings close and reproduce the declared area, so they were used`,
    zh: (p: { parcel: string; declared: number; found: number; line: number }) =>
      `地块“${p.parcel}”声明界址点数 ${p.declared}，实际列出 ${p.found} 个；所列各圈闭合且与申报面积一致，已采用`,
  },
  PARSE_POINT_COUNT_TRUNCATED: {
    en: (p: { parcel: string; declared: number; found: number; why: string }) =>
      `Parcel '${p.parcel}' declares ${p.declared} points but ${p.found} follow: file truncated? (${p.why === 'open' ? 'a ring is not closed' : p.why === 'no-area' ? 'no declared area to check them against' : 'the listed corners do not reproduce the declared area'})`,
    zh: (p: { parcel: string; declared: number; found: number; why: string }) =>
      `地块“${p.parcel}”声明 ${p.declared} 个界址点，实际只有 ${p.found} 个：文件不完整？（${p.why === 'open' ? '有未闭合的圈' : p.why === 'no-area' ? '未申报面积，无法核对' : '所列拐点与申报面积不符'}）`,
  },
  PARSE_AREA_DECLARED: {
    en: (p: AreaParams) =>
      `Parcel '${p.parcel}': declared ${p.declared} ${unitEn[p.unit]}${p.agrees ? ' equals' : ' vs'} the planar Gauss-Krüger area ${p.planar} ${unitEn[p.unit]} (EPSG:${p.epsg}); the ellipsoidal CGCS2000 area is ${p.ellipsoidal} ${unitEn[p.unit]} (${p.ellDiffPct} %): declared areas are planar, the difference is the projection's scale, not an error`,
    zh: (p: AreaParams) =>
      `地块“${p.parcel}”：申报面积 ${p.declared} ${unitZh[p.unit]}${p.agrees ? '，与' : '；'}高斯-克吕格平面面积 ${p.planar} ${unitZh[p.unit]}（EPSG:${p.epsg}）${p.agrees ? '一致' : ''}；CGCS2000 椭球面积为 ${p.ellipsoidal} ${unitZh[p.unit]}（${p.ellDiffPct}%）。申报面积为平面面积，二者之差来自投影变形，并非错误`,
  },
  PARSE_AREA_MISMATCH: {
    en: (p: AreaParams & { pct: string }) =>
      `Parcel '${p.parcel}' declares ${p.declared} ${unitEn[p.unit]}; the corners enclose ${p.planar} ${unitEn[p.unit]} planar Gauss-Krüger (EPSG:${p.epsg}), ${p.pct} % apart (ellipsoidal ${p.ellipsoidal})`,
    zh: (p: AreaParams & { pct: string }) =>
      `地块“${p.parcel}”申报面积 ${p.declared} ${unitZh[p.unit]}，按拐点计算的高斯-克吕格平面面积为 ${p.planar} ${unitZh[p.unit]}（EPSG:${p.epsg}），相差 ${p.pct}%（椭球面积 ${p.ellipsoidal}）`,
  },
  PARSE_ZONE_NEEDED: {
    en: () =>
      'Eastings have no zone prefix and no zone, crs or central meridian was given; the zone cannot be determined. Choose the 3° zone (e.g. 38), the central meridian (e.g. 114) or the CRS (e.g. EPSG:4545)',
    zh: () =>
      '横坐标不带带号，且未指定带号、坐标系或中央经线，无法确定投影带。请选择3度带带号（如 38）、中央经线（如 114）或坐标系（如 EPSG:4545）',
  },
});

type AreaParams = {
  parcel: string;
  declared: string;
  unit: string;
  planar: string;
  ellipsoidal: string;
  epsg: number;
  agrees: boolean;
  ellDiffPct: string;
};

/** A warning carrying a Message plus where it points (line, parcel, point). */
export function warn<K extends keyof typeof PARSE_SAY & string>(
  code: K,
  params: Parameters<(typeof PARSE_SAY)[K]['en']>[0],
  at: { line?: number; parcel?: string | number; point?: string | number } = {},
): ParseWarning {
  const m = (say as (c: typeof PARSE_SAY, k: string, p: MessageParams) => ReturnType<typeof say>)(PARSE_SAY, code, params as MessageParams);
  return {
    ...m,
    ...(at.parcel !== undefined ? { parcel: at.parcel } : {}),
    ...(at.point !== undefined ? { point: at.point } : {}),
    ...(at.line !== undefined ? { line: at.line } : {}),
  };
}
