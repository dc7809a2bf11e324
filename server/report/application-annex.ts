/**
 * The extension annex (延续登记附件) from the applicant's own retained polygon (issue 15 item 2: "retained polygon from
 * the planner or the applicant's choice"): the polygon an extension (or change) application carries, against the block
 * on record. Gathers the three areas once (sql/queries/annex_retained_parts.sql: licensed, retained, relinquished, all
 * ellipsoidal), for the dossier PDF (block-dossier.ts, `?application=`) and for the corner-table file (CSV/XLSX:
 * GET /api/applications/{id}/annex). Who may read the application may have its annex (server/applications/states.ts).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { forbidden, unauthenticated } from '../auth/errors';
import type { Principal } from '../auth/principal';
import type { AuthorityTree } from '../auth/scope';
import type { Queryable } from '../db';
import { notFound, unprocessable } from '../errors';
import { localColumns, tableCsv, tableXlsx, type ColumnDef, type TableFile } from '../export/table';
import { fromZod } from '../http/error-middleware';
import { say } from '../i18n/message';
import { APPLICATION_SAY, applicationNotFound } from '../applications/messages';
import { mayRead } from '../applications/states';
import { APPLICATION_KINDS, APPLICATION_STATES, label, type Lang } from '../vocab';
import { cornerTable, type CornerTable, type CornerTableRow } from './check-model';
import { registerAsAt } from './check-report';
import { commonHead, type ListFacts } from './list-exports';
import { REPORT_SAY } from './messages';
import { SERVICE } from './service-info';

/** Application kinds whose polygon is the area retained in the block (a conversion's is a new mining area). */
const RETAINING_KINDS = new Set(['extension', 'change']);

/** The application behind an annex, as the annex names it. */
export interface AnnexApplication {
  id: string;
  kind: string;
  state: string;
  applicant: string;
  block_id: string;
  submitted_at: string | null;
}

/** The annex's areas from an application's polygon (km², ellipsoidal on the CGCS2000 spheroid). */
interface ApplicantRetained {
  application: AnnexApplication;
  block: { id: string; name: string };
  licensed: Polygon | MultiPolygon;
  retained: Polygon | MultiPolygon;
  /** the block minus the retained polygon; null when the applicant keeps all of it */
  relinquished: Polygon | MultiPolygon | null;
  licensed_km2: number;
  retained_km2: number;
  relinquished_km2: number;
}

/** Who asks for an application's annex. */
interface AnnexReader {
  principal: Principal;
  tree: AuthorityTree;
}

interface AppRow {
  id: string;
  kind: string;
  state: string;
  block_id: string | null;
  applicant: string;
  authority: string;
  created_by: string;
  geometry: Polygon | MultiPolygon | null;
  submitted_at: string | null;
}

/**
 * The application's retained polygon against its block. 401 anonymous, 404 unknown application, 403 for whoever may
 * not read the application, 422 ANNEX_NO_RETAINED_POLYGON (not an extension/change, or no polygon) and
 * 422 ANNEX_OTHER_BLOCK when `blockId` is given and the application concerns another block.
 */
export async function applicantRetained(db: Queryable, appId: string, who: AnnexReader, blockId?: string): Promise<ApplicantRetained> {
  if (who.principal.role === 'public') throw unauthenticated();
  const row = (await db.named<AppRow>('applications_get', [appId])).rows[0];
  if (!row) throw applicationNotFound(appId);
  if (!mayRead(who.tree, who.principal, row)) throw forbidden(say(APPLICATION_SAY, 'FORBIDDEN_APPLICATION', { id: appId }));
  if (!RETAINING_KINDS.has(row.kind) || !row.geometry || !row.block_id) {
    const m = say(REPORT_SAY, 'ANNEX_NO_RETAINED_POLYGON', { id: appId, kind: row.kind });
    throw unprocessable(m.code, m.message, m.message_zh, [{ field: 'application', value: appId }]);
  }
  if (blockId !== undefined && row.block_id !== blockId) {
    const m = say(REPORT_SAY, 'ANNEX_OTHER_BLOCK', { id: appId, block: row.block_id, asked: blockId });
    throw unprocessable(m.code, m.message, m.message_zh, [{ field: 'application', value: appId }]);
  }
  const [parts, block] = await Promise.all([
    db.named<{
      licensed: string;
      licensed_km2: number;
      retained_km2: number;
      relinquished: string | null;
      relinquished_km2: number;
    }>('annex_retained_parts', [row.block_id, JSON.stringify(row.geometry)]),
    db.named<{ name: string }>('lifecycle_block', [row.block_id]),
  ]);
  const p = parts.rows[0];
  if (!p || !block.rows[0]) throw notFound('block', row.block_id);
  return {
    application: {
      id: row.id,
      kind: row.kind,
      state: row.state,
      applicant: row.applicant,
      block_id: row.block_id,
      submitted_at: row.submitted_at,
    },
    block: { id: row.block_id, name: block.rows[0].name },
    licensed: JSON.parse(p.licensed) as Polygon | MultiPolygon,
    retained: row.geometry,
    relinquished: p.relinquished ? (JSON.parse(p.relinquished) as Polygon | MultiPolygon) : null,
    licensed_km2: Number(p.licensed_km2),
    retained_km2: Number(p.retained_km2),
    relinquished_km2: Number(p.relinquished_km2),
  };
}

// ---------------------------------------------------------------- the corner-table file

const Z = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** A row of the file: the corner table's row without the decimal degrees (the map's) */
type CornerRow = Omit<CornerTableRow, 'lonDeg' | 'latDeg'>;
const CORNER_COLUMNS: ColumnDef<CornerRow>[] = [
  { key: 'parcel', zh: '地块', en: 'Parcel', width: 24 },
  { key: 'ring', zh: '圈号', en: 'Ring', kind: 'int', width: 6 },
  { key: 'n', zh: '点号', en: 'No.', kind: 'int', width: 6 },
  { key: 'x', zh: 'X(m，纵坐标/北)', en: 'X (m, northing)', kind: 'm', width: 16 },
  { key: 'y', zh: 'Y(m，横坐标/东，含带号)', en: 'Y (m, easting with zone prefix)', kind: 'm', width: 18 },
  { key: 'lon', zh: '经度', en: 'Longitude', width: 18 },
  { key: 'lat', zh: '纬度', en: 'Latitude', width: 18 },
];
const rowsOf = (t: CornerTable): CornerRow[] => t.rows.map(({ parcel, ring, n, x, y, lon, lat }) => ({ parcel, ring, n, x, y, lon, lat }));
const gkLine = (lang: Lang, t: CornerTable) =>
  Z(
    lang,
    `CGCS2000 高斯-克吕格 3° 带 第 ${t.zone} 带（EPSG:${t.epsg}）；X 为纵坐标（北），Y 为横坐标（东，含带号 ${t.zone}）`,
    `CGCS2000 Gauss-Krüger 3° zone ${t.zone} (EPSG:${t.epsg}); X northing, Y easting with the zone prefix ${t.zone}`,
  );

/** The annex as a table file: the retained area's corners; XLSX adds the relinquished and the licensed corners. */
function annexTable(a: ApplicantRetained, lang: Lang, facts: ListFacts): TableFile<CornerRow> {
  const before = cornerTable(a.licensed, a.block.name);
  const after = cornerTable(a.retained, `${a.block.name}${Z(lang, '（保留）', ' (retained)')}`, before.zone);
  const cut = a.relinquished ? cornerTable(a.relinquished, `${a.block.name}${Z(lang, '（缩减）', ' (relinquished)')}`, before.zone) : null;
  const cols = localColumns(CORNER_COLUMNS, lang);
  const sheet = (name: string, t: CornerTable) => ({
    name,
    header: cols.map((c) => c.title),
    rows: rowsOf(t).map((r) => [r.parcel, r.ring, r.n, Number(r.x.toFixed(3)), Number(r.y.toFixed(3)), r.lon, r.lat]),
    widths: CORNER_COLUMNS.map((c) => c.width ?? 14),
  });
  return {
    title: Z(lang, '延续登记附件：申请人拟保留范围拐点坐标', 'Extension annex: corners of the area the applicant retains'),
    head: [
      [
        Z(lang, '申请', 'Application'),
        Z(
          lang,
          `${a.application.id}（${label(APPLICATION_KINDS, a.application.kind, lang)}，${label(APPLICATION_STATES, a.application.state, lang)}）`,
          `${a.application.id} (${label(APPLICATION_KINDS, a.application.kind, lang)}, ${label(APPLICATION_STATES, a.application.state, lang)})`,
        ),
      ],
      [Z(lang, '申请人', 'Applicant'), a.application.applicant],
      [Z(lang, '区块', 'Block'), `${a.block.name}（${a.block.id}）`],
      [Z(lang, '保留范围来源', 'Retained area from'), Z(lang, '申请人提交的拟保留范围', "the applicant's own retained polygon")],
      [Z(lang, '延续前登记面积(km²)', 'Licensed area before (km²)'), a.licensed_km2.toFixed(4)],
      [Z(lang, '延续后保留面积(km²)', 'Retained after (km²)'), a.retained_km2.toFixed(4)],
      [Z(lang, '缩减（退出）面积(km²)', 'Relinquished (km²)'), a.relinquished_km2.toFixed(4)],
      [Z(lang, '拐点坐标', 'Corner coordinates'), gkLine(lang, after)],
      ...commonHead(lang, facts),
    ],
    sheet: Z(lang, '保留范围拐点坐标', 'Retained corners'),
    columns: cols,
    rows: rowsOf(after),
    created: new Date(facts.issued_at),
    extraSheets: [
      ...(cut ? [sheet(Z(lang, '缩减范围拐点坐标', 'Relinquished corners'), cut)] : []),
      sheet(Z(lang, '延续前登记范围拐点坐标', 'Licensed corners before'), before),
    ],
  };
}

const ANNEX_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
const AnnexQuery = z.object({ format: z.enum(ANNEX_FORMATS).default('pdf'), lang: z.enum(['zh', 'en']).default('zh') });

/** The parsed query of GET /api/applications/{id}/annex (422 EXPORT_BAD_PARAMETER). */
export function annexQuery(query: unknown): z.infer<typeof AnnexQuery> {
  const r = AnnexQuery.safeParse(query ?? {});
  if (!r.success) throw fromZod(r.error, 'EXPORT_BAD_PARAMETER');
  return r.data;
}

/** The annex's corner table as CSV or XLSX (the PDF is the dossier's: block-dossier.ts with `application`). */
export async function applicationAnnexFile(
  db: Queryable,
  appId: string,
  format: 'csv' | 'xlsx',
  lang: Lang,
  who: AnnexReader,
): Promise<{ buffer: Buffer; contentType: string; filename: string }> {
  const a = await applicantRetained(db, appId, who);
  const facts: ListFacts = { issued_at: new Date().toISOString(), register_as_at: await registerAsAt(db), service: SERVICE };
  const t = annexTable(a, lang, facts);
  const base = `${Z(lang, '延续登记附件', 'extension-annex')}-${a.block.name}-${a.application.id}`;
  return format === 'csv'
    ? { buffer: tableCsv(t), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` }
    : {
        buffer: await tableXlsx(t),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${base}.xlsx`,
      };
}
