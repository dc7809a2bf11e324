/**
 * Downloads in the user's language, built the same way (server/export/table.ts): a stored check's
 * conflicts, the page's search results, the deadlines list and the relinquishment-planner candidates,
 * each as CSV or XLSX, and as GeoJSON or a zipped Shapefile where the rows carry polygons. Each
 * function parses its own query (zod, stable 4xx codes), reads the register, and returns the file.
 */
import type { Geometry } from 'geojson';
import { z } from 'zod';
import type { Queryable } from '../db';
import { notFound, unprocessable } from '../errors';
import { hasPolygons, tableCsv, tableGeojson, tableShapefile, tableXlsx, type TableFile } from '../export/table';
import { fromZod } from '../http/error-middleware';
import { isoDay } from '../http/iso-day';
import { deadlinesWithin, type DeadlineBlockRow } from '../lifecycle/deadlines-list';
import { planForBlock } from '../lifecycle/plan-for-block';
import { isoDate } from '../rules';
import { BLOCK_KINDS, BLOCK_STATUSES, codesOf, MINERALS, label } from '../vocab';
import type { CheckRecord } from './check-record';
import { storedCheck, registerAsAt } from './check-report';
import { conflictsCsv, conflictsGeojson, conflictsHavePolygons, conflictsShapefile, conflictsXlsx } from './exports';
import { blocksTable, candidatesTable, deadlinesTable, type ListFacts } from './list-exports';
import { SERVICE } from './service-info';

export interface FileOut {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

export const FILE_FORMATS = ['csv', 'xlsx', 'geojson', 'shp'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
const FileQuery = z.object({ format: z.enum(FILE_FORMATS).default('csv'), lang: z.enum(['zh', 'en']).default('zh') });

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  shp: 'application/zip',
};
const EXT: Record<FileFormat, string> = { csv: 'csv', xlsx: 'xlsx', geojson: 'geojson', shp: 'shp.zip' };

function parse<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const r = schema.safeParse(query ?? {});
  if (!r.success) throw fromZod(r.error, 'EXPORT_BAD_PARAMETER');
  return r.data;
}

const noGeometry = () =>
  unprocessable(
    'EXPORT_NO_POLYGONS',
    'These rows carry no polygon to write as GeoJSON or a Shapefile: download CSV or XLSX',
    '这些记录没有可写入 GeoJSON 或 Shapefile 的面状图形，请下载 CSV 或 XLSX',
    [{ field: 'format' }],
  );

/** One table file in the asked format; GeoJSON/Shapefile only when some row has a polygon. */
async function tableFile<R>(
  t: TableFile<R>,
  format: FileFormat,
  base: string,
  geometryOf: ((r: R) => Geometry | null) | null,
  nameOf: (r: R) => string,
  meta: Record<string, unknown> = {},
): Promise<FileOut> {
  let buffer: Buffer;
  if (format === 'csv') buffer = tableCsv(t);
  else if (format === 'xlsx') buffer = await tableXlsx(t);
  else {
    if (!geometryOf || !hasPolygons(t.rows, geometryOf)) throw noGeometry();
    buffer = format === 'geojson' ? tableGeojson(t, geometryOf, meta) : tableShapefile(t, geometryOf, base.replace(/[^\w-]/g, '_'), nameOf);
  }
  return { buffer, contentType: CONTENT_TYPES[format], filename: `${base}.${EXT[format]}` };
}

const facts = async (db: Queryable): Promise<ListFacts> => ({
  issued_at: new Date().toISOString(),
  register_as_at: await registerAsAt(db),
  service: SERVICE,
});
const stamp = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

// ---------------------------------------------------------------- a stored check's conflicts

export async function checkConflictsFile(db: Queryable, id: string, query: unknown): Promise<FileOut> {
  const { format, lang } = parse(FileQuery, query);
  const rec = (await storedCheck(db, id)).record as unknown as CheckRecord;
  const base = `${lang === 'zh' ? '重叠核查' : 'conflicts'}-${rec.certificate_id}`;
  const out = (buffer: Buffer): FileOut => ({ buffer, contentType: CONTENT_TYPES[format], filename: `${base}.${EXT[format]}` });
  if (format === 'csv') return out(conflictsCsv(rec, lang));
  if (format === 'xlsx') return out(await conflictsXlsx(rec, lang));
  if (format === 'geojson') return out(conflictsGeojson(rec, lang));
  if (!conflictsHavePolygons(rec)) throw noGeometry();
  return out(conflictsShapefile(rec, lang));
}

// ---------------------------------------------------------------- search results

const optText = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(200).optional());
const SearchQuery = FileQuery.extend({
  q: optText,
  mineral: z.enum(codesOf(MINERALS)).optional(),
  kind: z.enum(codesOf(BLOCK_KINDS)).optional(),
  status: z.enum(codesOf(BLOCK_STATUSES)).optional(),
  holder: optText,
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'minLon,minLat,maxLon,maxLat')
    .refine((s) => {
      const [a, b, c, d] = s.split(',').map(Number);
      return a <= c && b <= d && a >= -180 && c <= 180 && b >= -90 && d <= 90;
    }, 'bbox must be minLon,minLat,maxLon,maxLat in CRS84')
    .optional(),
  as_at: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/** The blocks the page's search finds (the same filters as /collections/blocks/items), with their polygons. */
export async function searchResultsFile(db: Queryable, query: unknown, maxRows: number): Promise<FileOut> {
  const p = parse(SearchQuery, query);
  const [minx, miny, maxx, maxy] = p.bbox ? p.bbox.split(',').map(Number) : [-180, -90, 180, 90];
  const filters = Object.fromEntries(
    (['q', 'mineral', 'kind', 'status', 'holder'] as const).filter((k) => p[k] !== undefined).map((k) => [k, p[k]]),
  );
  const rows = (
    await db.named<{ matched: number; feature: { geometry: Geometry; properties: Record<string, unknown> } }>('blocks_items', [
      minx,
      miny,
      maxx,
      maxy,
      Math.min(p.limit, maxRows),
      0,
      JSON.stringify(filters),
      p.as_at ?? null,
    ])
  ).rows;
  const matched = rows.length ? Number(rows[0].matched) : 0;
  const Z = (zh: string, en: string) => (p.lang === 'zh' ? zh : en);
  const asked: { label: string; value: string }[] = [
    { label: Z('查询词', 'Search'), value: p.q ?? '—' },
    ...(p.mineral ? [{ label: Z('矿种', 'Mineral'), value: label(MINERALS, p.mineral, p.lang) }] : []),
    ...(p.kind ? [{ label: Z('类型', 'Kind'), value: label(BLOCK_KINDS, p.kind, p.lang) }] : []),
    ...(p.status ? [{ label: Z('状态', 'Status'), value: label(BLOCK_STATUSES, p.status, p.lang) }] : []),
    ...(p.holder ? [{ label: Z('矿业权人', 'Holder'), value: p.holder }] : []),
    ...(p.bbox ? [{ label: Z('范围', 'Extent'), value: p.bbox }] : []),
    ...(p.as_at ? [{ label: Z('登记库日期', 'Register as on'), value: p.as_at }] : []),
  ];
  const f = await facts(db);
  const t = blocksTable(
    rows.map((r) => r.feature),
    asked,
    matched,
    p.lang,
    f,
  );
  return tableFile(
    t,
    p.format,
    `${Z('矿业权查询结果', 'search-results')}-${stamp(f.issued_at)}`,
    (r) => r.geometry,
    (r) => r.name || r.id,
  );
}

// ---------------------------------------------------------------- deadlines

const DeadlinesQuery = FileQuery.extend({
  within: z
    .string()
    .regex(/^\d{1,4}d?$/, 'a number of days, e.g. 90d')
    .default('90d'),
  on: isoDay.optional(),
});

/** The deadlines list (GET /api/deadlines) as CSV or XLSX; it has no geometry. */
export async function deadlinesFile(db: Queryable, query: unknown): Promise<FileOut> {
  const p = parse(DeadlinesQuery, query);
  const days = Number.parseInt(p.within, 10);
  const on = p.on ?? isoDate(new Date());
  const rows = (await db.named<DeadlineBlockRow>('deadline_blocks')).rows;
  const t = deadlinesTable(deadlinesWithin(rows, on, days), on, days, p.lang, await facts(db));
  return tableFile(t, p.format, `${p.lang === 'zh' ? '期限提醒' : 'deadlines'}-${on}-${days}d`, null, () => '');
}

// ---------------------------------------------------------------- planner candidates

const bool = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean().optional());
const PlanQuery = FileQuery.extend({
  required_km2: z.coerce.number().positive().optional(),
  max_candidates: z.coerce.number().int().min(1).max(3).optional(),
  protected_counts_toward_required: bool,
  part: z.enum(['retained', 'relinquished']).default('retained'),
});

/** The planner's candidates for a block (the same as POST /api/blocks/{id}/relinquishment-plans) with the retained (or relinquished) polygons. */
export async function candidatesFile(db: Queryable, id: string, query: unknown): Promise<FileOut> {
  const p = parse(PlanQuery, query);
  const plan = await planForBlock(db, id, { ...p, on: isoDate(new Date()) });
  const block = (await db.named<{ name: string; area_km2: number }>('lifecycle_block', [id])).rows[0];
  if (!block) throw notFound('block', id);
  const t = candidatesTable(plan, { name: block.name, area_km2: Number(block.area_km2) }, p.part, p.lang, await facts(db));
  return tableFile(
    t,
    p.format,
    `${p.lang === 'zh' ? '缩减方案' : 'relinquishment-candidates'}-${id}`,
    (r) => r.geometry,
    (r) => `${block.name} ${r.candidate}`,
    { block_id: id, required_km2: plan.required_km2, part: p.part },
  );
}
