/**
 * Corner-table headers: which column is what. A header cell is a name (经度, 北纬, X坐标, 点号 …) with an optional
 * annotation in brackets or as a suffix (度分秒, m, 十进制度). A row may hold several coordinate groups side by side
 * (序号,北纬,东经,序号,北纬,东经): a role seen twice starts the next group.
 */
import { angleStyleOf, type AngleStyle } from './angles';

export type Role =
  'parcel' | 'ring' | 'point' | 'lon' | 'lat' | 'lonD' | 'lonM' | 'lonS' | 'latD' | 'latM' | 'latS' | 'x' | 'y' | 'x6' | 'y6';

const LON = '经度|东经|lon|lng|long|longitude|e|l|le|el';
const LAT = '纬度|北纬|lat|latitude|n|b|bn|nb';

const ROLE_NAMES: [Role, RegExp][] = [
  ['parcel', /^(地块|地块名称|地块名|名称|区块|区块名称|矿区|矿权|name|parcel|block|点名)$/],
  ['ring', /^(圈号|圈|环|环号|ring|part)$/],
  ['point', /^(序号|点号|拐点|拐点号|拐点编号|拐点序号|界址点|界址点号|编号|点|id|no|pt|point|index|点序号|label)$/],
  ['lonD', new RegExp(`^(${LON})(度|d|deg|degree)$`)],
  ['lonM', new RegExp(`^(${LON})(分|m|min|minute)$`)],
  ['lonS', new RegExp(`^(${LON})(秒|s|sec|second)$`)],
  ['latD', new RegExp(`^(${LAT})(度|d|deg|degree)$`)],
  ['latM', new RegExp(`^(${LAT})(分|m|min|minute)$`)],
  ['latS', new RegExp(`^(${LAT})(秒|s|sec|second)$`)],
  ['lon', new RegExp(`^(${LON}|东经dms|经度dms|经度l|经度le|东经l|经度e|东经e)$`)],
  ['lat', new RegExp(`^(${LAT}|北纬dms|纬度dms|纬度b|纬度bn|北纬b|纬度n|北纬n)$`)],
  ['x6', /^(6度带|六度带|6度)(x|x坐标|北坐标|纵坐标)$/],
  ['y6', /^(6度带|六度带|6度)(y|y坐标|东坐标|横坐标)$/],
  ['x', /^(3度带|三度带|3度)?(x|x坐标|北坐标|纵坐标|northing|北|xm|x北|纵坐标x|北坐标x)$/],
  ['y', /^(3度带|三度带|3度)?(y|y坐标|东坐标|横坐标|easting|东|ym|y东|横坐标y|东坐标y)$/],
];

const norm = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：.。"'`°/／]/g, '');

/** Suffixes that are units or angle styles, not part of the name (tried only when the full name is unknown). */
const SUFFIX = /(度分秒|dms|ddmmss|dddmmss|十进制度|十进制|小数度|decimal|米|m|度|°|deg)$/;

export interface HeaderCell {
  role: Role;
  style: AngleStyle;
  annotation: string;
}

/** Role and annotation of one header cell, or undefined. */
export function headerCell(text: string): HeaderCell | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return undefined;
  const ann: string[] = [];
  const base = t.replace(/[(（[【{]([^)）\]】}]*)[)）\]】}]/g, (_, a: string) => (ann.push(a), ''));
  let h = norm(base);
  let role = roleOf(h);
  if (!role) {
    const m = SUFFIX.exec(h);
    if (m && m.index > 0) {
      ann.push(m[1]);
      h = h.slice(0, m.index);
      role = roleOf(h);
    }
  }
  if (!role) return undefined;
  const annotation = ann.join(' ');
  return { role, style: angleStyleOf(annotation), annotation };
}

function roleOf(h: string): Role | undefined {
  for (const [role, re] of ROLE_NAMES) if (re.test(h)) return role;
  return undefined;
}

export type Mode = 'lonlat' | 'dmsCols' | 'xy' | 'xy6';

export interface Group {
  cols: Partial<Record<Role, number>>;
  style: Partial<Record<Role, AngleStyle>>;
  mode: Mode;
  /** Columns holding the same corner in another form (the annex's DMS + 3° + 6° columns): checked, not read. */
  alternates: Mode[];
}

const PAIRS: [Mode, Role, Role][] = [
  ['lonlat', 'lon', 'lat'],
  ['dmsCols', 'lonD', 'latD'],
  ['xy', 'x', 'y'],
  ['xy6', 'x6', 'y6'],
];

/** Coordinate groups of a header row, or [] when it names no coordinate pair. */
export function headerGroups(cells: string[]): Group[] {
  const raw: { cols: Partial<Record<Role, number>>; style: Partial<Record<Role, AngleStyle>> }[] = [];
  let g = { cols: {} as Partial<Record<Role, number>>, style: {} as Partial<Record<Role, AngleStyle>> };
  cells.forEach((c, i) => {
    const h = headerCell(c);
    if (!h) return;
    if (g.cols[h.role] !== undefined) {
      raw.push(g);
      g = { cols: {}, style: {} };
    }
    g.cols[h.role] = i;
    g.style[h.role] = h.style;
  });
  raw.push(g);
  const groups: Group[] = [];
  for (const r of raw) {
    const modes = PAIRS.filter(([, a, b]) => r.cols[a] !== undefined && r.cols[b] !== undefined).map(([m]) => m);
    if (!modes.length) continue;
    groups.push({ cols: r.cols, style: r.style, mode: modes[0], alternates: modes.slice(1) });
  }
  // parcel / ring named once (left of the first group) apply to every group
  for (const shared of ['parcel', 'ring'] as Role[]) {
    const first = groups.find((x) => x.cols[shared] !== undefined);
    if (first) for (const x of groups) if (x.cols[shared] === undefined) x.cols[shared] = first.cols[shared];
  }
  return groups;
}

/** The columns of a group's primary coordinates (two for a pair, up to six for D/M/S columns). */
export function coordColumns(g: Group, mode: Mode = g.mode): number[] {
  const c = g.cols;
  const list =
    mode === 'lonlat'
      ? [c.lon, c.lat]
      : mode === 'dmsCols'
        ? [c.lonD, c.lonM, c.lonS, c.latD, c.latM, c.latS]
        : mode === 'xy'
          ? [c.x, c.y]
          : [c.x6, c.y6];
  return list.filter((i): i is number => i !== undefined);
}

export function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
