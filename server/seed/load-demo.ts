import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import type { Db } from '../db';

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

/**
 * Load the synthetic demo data (data/demo, made by data/generate-demo.ts) in one transaction.
 * Every feature is flagged `synthetic`. A demo block is on record from its first registration
 * (`recorded_from`), so the "as at" history view has something to show.
 */
export async function loadDemo(db: Db, dir = DEMO_DIR): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const layer of LAYERS) {
      const path = join(dir, layer.file);
      if (!existsSync(path)) continue;
      const fc = JSON.parse(readFileSync(path, 'utf8')) as { features: Feature[] };
      const features = fc.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          ...f.properties,
          id: f.properties?.id ?? f.id,
          synthetic: true,
          ...(layer.file === 'blocks.geojson' && f.properties?.first_registration_date
            ? { recorded_from: `${f.properties.first_registration_date}T00:00:00+08:00` }
            : {}),
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
    const terms = join(dir, 'block_terms.json');
    if (existsSync(terms)) {
      const rows = JSON.parse(readFileSync(terms, 'utf8')) as unknown[];
      await tx.named('block_terms_insert', [JSON.stringify(rows)]);
      counts.block_terms = rows.length;
    }
  });
  return counts;
}

/** Load the demo data when the database holds no block yet. */
export async function seedIfEmpty(db: Db): Promise<Record<string, number> | null> {
  const empty = (await db.named<{ empty: boolean }>('demo_is_empty')).rows[0]?.empty;
  if (!empty) return null;
  return loadDemo(db);
}
