import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db';
import { seedDemoAccounts } from './demo-accounts';
import { loadDemoInvestmentReports } from './demo-investment-reports';
import { loadDemoPayments } from '../payments/demo';
import { loadDemoApplications } from './demo-applications';
import { drainConflictPairs } from '../conflicts/pairs';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/demo');

/** Demo layer files in load order (blocks before what refers to them) and their insert query. */
const LAYERS: { file: string; query: string }[] = [
  { file: 'boundaries.geojson', query: 'boundaries_insert' },
  { file: 'blocks.geojson', query: 'blocks_insert' },
  { file: 'reserves.geojson', query: 'reserves_insert' },
  { file: 'protected_areas.geojson', query: 'protected_areas_insert' },
  { file: 'redlines.geojson', query: 'redlines_insert' },
  { file: 'wells.geojson', query: 'wells_insert' },
  { file: 'pipelines.geojson', query: 'pipelines_insert' },
];

const BATCH = 2000;
/** Vertex limit of the demo applications' polygons (the service's default MAX_VERTICES). */
const DEMO_MAX_VERTICES = 200_000;

/** The date a demo feature is on record from, per layer (its own date where it has one). */
const RECORD_DATE: Record<string, string> = {
  'blocks.geojson': 'first_registration_date',
  'reserves.geojson': 'submitted_date',
  'protected_areas.geojson': 'designated_date',
  'redlines.geojson': 'version_date',
  'wells.geojson': 'spud_date',
};
/** Demo features with no date of their own are on record from this day (same on both engines, so as_at agrees). */
const DEMO_EPOCH = '2000-01-01';

function recordedFrom(file: string, p: Record<string, unknown>): { recorded_from?: string } {
  const own = RECORD_DATE[file] ? p[RECORD_DATE[file]] : undefined;
  // blocks without a first registration date keep the load time, as before
  if (file === 'blocks.geojson' && typeof own !== 'string') return {};
  return { recorded_from: `${typeof own === 'string' ? own : DEMO_EPOCH}T00:00:00+08:00` };
}

/**
 * Load the synthetic demo data (data/demo, made by data/generate-demo.ts) in one transaction.
 * Every feature is flagged `synthetic`. A demo feature is on record from its own date (a block's first
 * registration, a red line's version date, …) or the demo epoch (`recorded_from`), so the "as at" view has
 * something to show and answers the same on both engines.
 */
export async function loadDemo(db: Db, dir = DEMO_DIR, opts: { accounts?: boolean } = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const layer of LAYERS) {
      const path = join(dir, layer.file);
      if (!existsSync(path)) continue;
      const fc = JSON.parse(readFileSync(path, 'utf8')) as {
        features: { id?: unknown; geometry: unknown; properties?: Record<string, unknown> }[];
      };
      const features = fc.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          ...f.properties,
          id: f.properties?.id ?? f.id,
          synthetic: true,
          ...recordedFrom(layer.file, f.properties ?? {}),
        },
      }));
      for (let i = 0; i < features.length; i += BATCH) {
        await tx.named(layer.query, [JSON.stringify(features.slice(i, i + BATCH))]);
      }
      counts[layer.file.replace('.geojson', '')] = features.length;
    }
    const inv = join(dir, 'investments.json');
    if (existsSync(inv)) {
      const rows = JSON.parse(readFileSync(inv, 'utf8')) as unknown[];
      for (let i = 0; i < rows.length; i += BATCH) await tx.named('investments_insert', [JSON.stringify(rows.slice(i, i + BATCH))]);
      counts.investments = rows.length;
    }
    const reports = join(dir, 'investment_reports.json');
    if (existsSync(reports)) counts.investment_reports = await loadDemoInvestmentReports(tx, reports);
    const terms = join(dir, 'block_terms.json');
    if (existsSync(terms)) {
      const rows = JSON.parse(readFileSync(terms, 'utf8')) as unknown[];
      await tx.named('block_terms_insert', [JSON.stringify(rows)]);
      counts.block_terms = rows.length;
    }
    // payments (issue 14 item 4): terms, obligations issued from them, payments with one usage fee overdue
    Object.assign(counts, await loadDemoPayments(tx, join(dir, 'payments.json')));
    // agreements on file between CBM and coal rights, seizures and mortgages (issue 14 items 5 and 6)
    for (const [file, query] of [
      ['agreements.json', 'agreements_seed'],
      ['right_flags.json', 'right_flags_seed'],
    ] as const) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      const rows = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
      await tx.named(query, [JSON.stringify(rows)]);
      counts[file.replace('.json', '')] = rows.length;
    }
    // applications in every state (issue 14 item 8), through the applications service: their snapshots are the service's
    const apps = join(dir, 'applications.json');
    if (existsSync(apps)) counts.applications = await loadDemoApplications(tx, db.engine, apps, DEMO_MAX_VERTICES);
    // one demo account per role (documented demo passwords); not in production unless asked (SEED_DEMO_ACCOUNTS)
    if (opts.accounts ?? true) counts.accounts = await seedDemoAccounts(tx);
  });
  // the whole-register conflict pairs of what was loaded (023), so the first page of GET /api/conflicts finds them
  await drainConflictPairs(db);
  return counts;
}

/** Load the demo data when the database holds no block yet (with the demo accounts unless `accounts: false`). */
export async function seedIfEmpty(db: Db, opts: { accounts?: boolean } = {}): Promise<Record<string, number> | null> {
  const empty = (await db.named<{ empty: boolean }>('demo_is_empty')).rows[0]?.empty;
  if (!empty) return null;
  return loadDemo(db, DEMO_DIR, opts);
}
