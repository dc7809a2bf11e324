/**
 * Written commitments over proposed ecological red lines (issue 14 item 5, last sentence): a holder's 书面承诺 at the
 * extension of an existing CBM right not to work inside a proposed (拟划) red line and to file a change registration once
 * it is officially delineated; the department then temporarily does not deduct that red line (2020-07-27 letter 二,
 * 000 L6185, PA-5). It is the only protected-area overlap the seeds let a commitment keep, so recording refuses, naming
 * the rule:
 *  - a nature reserve's core zone (273号令 第三十一条, 000 L3446: existing exploration may continue, mining may not; during
 *    the 三区→两区 transition the exploration area is not deducted at all, 000 L6181 — nothing there rests on a commitment);
 *  - any other protected area (deducted at extension, 晋自然资发〔2020〕11号 十, 000 L4292-4294; water sources and relics
 *    are protected in place, 000 L6177);
 *  - an officially delineated red line (deducted; change registration, 000 L6185);
 *  - a right that is not CBM (the letter is about CBM rights).
 * Recorded by a regulator overseeing the right (or an admin), read by its holder, those regulators and admins; every
 * write audited in its transaction. The check splits the overlap by them (conflicts/commitments.ts).
 */
import type { z } from 'zod';
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import { mayWriteAuthority, maySeeConfidential } from '../auth/scope';
import { forbidden } from '../auth/errors';
import type { Commitment, NewCommitmentBody } from '../contract/records';
import { checkGeometry } from '../geometry/validate';
import { say } from '../i18n/message';
import { compareDates } from '../rules/dates';
import { label, MINERALS, PA_CATEGORIES } from '../vocab';
import { commitmentInForce } from './in-force';
import { notFoundRecord, RECORDS_SAY as M, refuse } from './messages';
import type { Actor } from './service';

interface CommitmentRow extends Omit<z.input<typeof Commitment>, 'geometry' | 'in_force'> {
  geometry: string;
}

/** A polygon given may leave the overlap by no more than this (km², 1 m²) or this share of itself (0.1 %). */
const OUTSIDE_ABS_KM2 = 1e-6;
const OUTSIDE_REL = 1e-3;

const commitmentOut = (r: CommitmentRow): z.input<typeof Commitment> => ({
  ...r,
  area_km2: Number(r.area_km2),
  geometry: JSON.parse(r.geometry) as z.input<typeof Commitment>['geometry'],
  in_force: commitmentInForce(r),
});

const row = async (q: Queryable, id: string) => (await q.named<CommitmentRow>('commitments_select', [id, null, true])).rows[0];

const mayRead = (who: Actor, r: Pick<CommitmentRow, 'holder' | 'authority'>) =>
  maySeeConfidential(who.tree, who.principal, { holder: r.holder, authority: r.authority });

function assertMayWrite(who: Actor, block: string, authority: string | null) {
  if (mayWriteAuthority(who.tree, who.principal, authority)) return;
  throw forbidden(say(M, 'FORBIDDEN_COMMITMENT_WRITE', { authority: who.principal.authority ?? '—', block }));
}

/** 422 naming the rule when the feature is not a proposed red line (or the right is not CBM). */
async function assertCurable(db: Queryable, body: z.output<typeof NewCommitmentBody>, mineral: string) {
  const id = body.feature_id;
  if (body.collection === 'protected-areas') {
    const pa = (await db.named<{ category: string; zone: string | null }>('protected_area_scope', [id])).rows[0];
    if (!pa) throw refuse(422, say(M, 'COMMITMENT_FEATURE_NOT_FOUND', { collection: 'protected-areas', id }), [{ field: 'feature_id' }]);
    if (pa.category === 'nature_reserve' && pa.zone !== 'general')
      throw refuse(422, say(M, 'COMMITMENT_NOT_CURABLE_CORE', { id }), [{ field: 'feature_id', rule: 'PA-6', source: '000 L3446' }]);
    throw refuse(422, say(M, 'COMMITMENT_NOT_CURABLE_PROTECTED', { id, category: label(PA_CATEGORIES, pa.category, 'zh') }), [
      { field: 'feature_id', rule: 'PA-4', source: '000 L4292-4294' },
    ]);
  }
  if (mineral !== 'cbm')
    throw refuse(422, say(M, 'COMMITMENT_NOT_CBM', { id: body.block_id, mineral: label(MINERALS, mineral, 'zh') }), [
      { field: 'block_id', rule: 'PA-5', source: '000 L6185' },
    ]);
}

export async function createCommitment(db: Db, who: Actor, body: z.output<typeof NewCommitmentBody>, maxVertices: number) {
  const valid_from = body.valid_from ?? body.signed_on;
  if (compareDates(valid_from, body.signed_on) < 0)
    throw refuse(422, say(M, 'COMMITMENT_BAD_DATES', { field: 'valid_from' }), [{ field: 'valid_from' }]);
  if (body.valid_to && compareDates(body.valid_to, valid_from) < 0)
    throw refuse(422, say(M, 'COMMITMENT_BAD_DATES', { field: 'valid_to' }), [{ field: 'valid_to' }]);
  const block = (await db.named<{ holder: string | null; authority: string | null }>('auth_block_scope', [body.block_id])).rows[0];
  if (!block) throw refuse(422, say(M, 'COMMITMENT_BLOCK_NOT_FOUND', { id: body.block_id }), [{ field: 'block_id' }]);
  assertMayWrite(who, body.block_id, block.authority);
  const mineral = (await db.named<{ mineral: string }>('block_mineral', [body.block_id])).rows[0].mineral;
  await assertCurable(db, body, mineral);
  const given = body.geometry ? JSON.stringify(checkGeometry(body.geometry, 'polygon', maxVertices)) : null;
  const fit = (
    await db.named<{ status: string; overlap_km2: number; outside_km2: number; covered_km2: number; geometry: string | null }>(
      'commitments_fit',
      [body.block_id, body.feature_id, given],
    )
  ).rows[0];
  if (!fit)
    throw refuse(422, say(M, 'COMMITMENT_FEATURE_NOT_FOUND', { collection: 'redlines', id: body.feature_id }), [{ field: 'feature_id' }]);
  if (fit.status !== 'proposed')
    throw refuse(422, say(M, 'COMMITMENT_NOT_CURABLE_OFFICIAL', { id: body.feature_id }), [
      { field: 'feature_id', rule: 'PA-4', source: '000 L6185' },
    ]);
  const p = { block: body.block_id, redline: body.feature_id };
  if (!fit.geometry || Number(fit.covered_km2) <= 1e-9)
    throw refuse(422, say(M, 'COMMITMENT_NO_OVERLAP', p), [{ field: given ? 'geometry' : 'feature_id' }]);
  const outside = Number(fit.outside_km2);
  if (outside > Math.max(OUTSIDE_ABS_KM2, OUTSIDE_REL * (outside + Number(fit.covered_km2))))
    throw refuse(422, say(M, 'COMMITMENT_OUTSIDE_OVERLAP', { ...p, outside: outside.toFixed(4) }), [{ field: 'geometry' }]);
  return db.transaction(async (tx) => {
    const { id } = (
      await tx.named<{ id: string }>('commitments_insert', [
        body.block_id,
        body.feature_id,
        fit.geometry,
        body.document_no,
        body.signed_on,
        valid_from,
        body.valid_to ?? null,
        body.terms,
        body.note ?? null,
        false,
        who.principal.username,
      ])
    ).rows[0];
    const r = (await row(tx, id))!;
    const { geometry: _g, ...after } = commitmentOut(r);
    await appendAudit(tx, { ...who, operation: 'create', collection: 'commitments', item_id: id, before: null, after });
    return commitmentOut(r);
  });
}

export async function listCommitments(db: Queryable, who: Actor, blockId: string | undefined, withdrawn: boolean) {
  const rows = (await db.named<CommitmentRow>('commitments_select', [null, blockId ?? null, withdrawn])).rows;
  return rows.filter((r) => mayRead(who, r)).map(commitmentOut);
}

export async function readCommitment(db: Queryable, who: Actor, id: string) {
  const r = await row(db, id);
  if (!r) throw notFoundRecord('COMMITMENT_NOT_FOUND', id);
  if (!mayRead(who, r)) throw forbidden(say(M, 'FORBIDDEN_COMMITMENT', { id }));
  return commitmentOut(r);
}

export async function withdrawCommitment(db: Db, who: Actor, id: string, reason: string) {
  const before = await row(db, id);
  if (!before) throw notFoundRecord('COMMITMENT_NOT_FOUND', id);
  assertMayWrite(who, before.block_id, before.authority);
  return db.transaction(async (tx) => {
    const done = await tx.named('commitments_withdraw', [id, who.principal.username, reason]);
    if (!done.rows.length) throw refuse(409, say(M, 'COMMITMENT_WITHDRAWN', { id }));
    const now = (await row(tx, id))!;
    const strip = (r: CommitmentRow) => {
      const { geometry: _g, ...rest } = commitmentOut(r);
      return rest;
    };
    await appendAudit(tx, {
      ...who,
      operation: 'withdraw',
      collection: 'commitments',
      item_id: id,
      before: strip(before),
      after: strip(now),
    });
    return commitmentOut(now);
  });
}
