/**
 * The conversion check (探矿权转采矿权, issue 14 item 2) with its register facts: the named query gives the areas, wells
 * and pipelines (sql/queries/conversion_facts.sql), the pure rule judges them (server/rules/conversion.ts). Used by
 * POST /api/blocks/{id}/conversion-check, by the snapshot frozen at submission of a conversion application, and by
 * its approval (the exploration right reduced to `remaining`, or cancelled).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/types';
import { forbidden, AUTH_SAY } from '../auth/errors';
import { oversees } from '../auth/scope';
import { AppError } from '../errors';
import { say } from '../i18n/message';
import { checkConversion, type ConversionCheck, type ConversionFacts } from '../rules/conversion';
import { checkGeometry } from '../geometry/validate';
import { APPLICATION_SAY as M, refuse422 } from './messages';
import type { AppBlock } from './snapshot';
import type { Actor } from './service';

interface FactsRow extends Omit<ConversionFacts, 'wells' | 'pipelines'> {
  remaining: string | null;
  wells: ConversionFacts['wells'];
  pipelines: ConversionFacts['pipelines'];
}

export interface ConversionResult {
  check: ConversionCheck;
  /** the exploration block minus the proposal (GeoJSON), what the exploration right keeps on approval; null: nothing */
  remaining: Polygon | MultiPolygon | null;
}

/** The conversion check of `geometry` against exploration block `blockId` (null when the block is not on record). */
export async function conversionCheckOf(q: Queryable, blockId: string, geometry: Polygon | MultiPolygon): Promise<ConversionResult | null> {
  const row = (await q.named<FactsRow>('conversion_facts', [blockId, JSON.stringify(geometry)])).rows[0];
  if (!row) return null;
  const num = (x: unknown) => Number(x ?? 0);
  const facts: ConversionFacts = {
    block_id: row.block_id,
    block_km2: num(row.block_km2),
    proposal_km2: num(row.proposal_km2),
    outside_km2: num(row.outside_km2),
    remaining_km2: num(row.remaining_km2),
    wells: row.wells.map((w) => ({ ...w, covered: w.covered === true })),
    pipelines: row.pipelines.map((p) => ({ ...p, in_block_km: num(p.in_block_km), outside_km: num(p.outside_km) })),
  };
  return {
    check: checkConversion(facts),
    remaining: row.remaining ? (JSON.parse(row.remaining) as Polygon | MultiPolygon) : null,
  };
}

/** 422 CONVERSION_NEEDS_EXPLORATION unless the block is an exploration right. */
export function assertExploration(block: AppBlock) {
  if (block.kind !== 'exploration')
    throw refuse422(say(M, 'CONVERSION_NEEDS_EXPLORATION', { block: block.id }), [{ field: 'block_id', block_id: block.id }]);
}

/**
 * POST /api/blocks/{id}/conversion-check: the holder of the block, a regulator overseeing its authority, or an
 * administrator (the check lists the holder's wells and pipelines by id).
 */
export async function conversionCheckFor(db: Queryable, who: Actor, blockId: string, g: unknown, maxVertices: number) {
  const block = (await db.named<AppBlock>('application_block', [blockId])).rows[0];
  if (!block) {
    const m = say(M, 'BLOCK_NOT_FOUND', { block: blockId });
    throw new AppError(404, 'NOT_FOUND', m.message, m.message_zh, [{ field: 'id', block_id: blockId }]);
  }
  const p = who.principal;
  const allowed =
    p.role === 'admin' ||
    (p.role === 'holder' && block.holder !== null && p.holders.includes(block.holder)) ||
    (p.role === 'regulator' && oversees(who.tree, p.authority, block.authority ?? '自然资源部'));
  if (!allowed)
    throw forbidden(
      p.role === 'regulator'
        ? say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: block.authority ?? '—' })
        : say(M, 'FORBIDDEN_APPLICANT', { applicant: block.holder ?? '—' }),
    );
  assertExploration(block);
  const geometry = checkGeometry(g, 'polygon', maxVertices) as Polygon | MultiPolygon;
  const out = await conversionCheckOf(db, blockId, geometry);
  // a statement that answers no row has failed silently (embedded engine): never read that as a pass
  if (!out) throw new Error(`conversion check of ${blockId} answered no row`);
  return { block, ...out };
}
