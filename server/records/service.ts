/**
 * Records on file about rights (issue 14 items 5 and 6): agreements between two rights about their overlap, and
 * register status flags (查封 seizure, 抵押 mortgage) on a right. Who may record and read them, the checks on what is
 * recorded, and the audit row of every write in the transaction that makes it. The routes (router.ts) only wire.
 * How they act: the conflict check splits an overlap by the agreements covering it (conflicts/agreements.ts; whether one
 * counts, as the API answers it in `in_force`: in-force.ts); a seized right refuses a transfer or reduction in the
 * register's write path (features/write.ts assertNotSeized).
 */
import type { z } from 'zod';
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { mayWriteAuthority, maySeeConfidential, type AuthorityTree } from '../auth/scope';
import { assertConfidential, assertMayWrite } from '../auth/context';
import { forbidden } from '../auth/errors';
import { todayInChina } from '../conflicts/subject';
import type {
  Agreement,
  MortgageConsent,
  NewAgreementBody,
  NewConsentBody,
  NewFlagBody,
  ReleaseFlagBody,
  RightFlag,
} from '../contract/records';
import { notFound } from '../errors';
import { checkGeometry } from '../geometry/validate';
import { say } from '../i18n/message';
import { compareDates } from '../rules/dates';
import { agreementInForce, withinTerm } from './in-force';
import { notFoundRecord, RECORDS_SAY as M, refuse } from './messages';
import type { Request } from 'express';

export interface Actor {
  principal: Principal;
  tree: AuthorityTree;
  request_id: string | null;
}

type BlockScope = { id: string; holder: string | null; authority: string | null };

interface AgreementRow {
  id: string;
  kind: z.output<typeof Agreement>['kind'];
  block_a: string;
  block_b: string;
  holder_a: string | null;
  holder_b: string | null;
  authority_a: string | null;
  authority_b: string | null;
  geometry: string;
  area_km2: number;
  document_no: string;
  signed_on: string;
  valid_from: string;
  valid_to: string | null;
  terms: string[];
  note: string | null;
  synthetic: boolean;
  recorded_by: string;
  recorded_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

type FlagRow = Omit<z.input<typeof RightFlag>, 'in_force'> & { holder: string | null; block_authority: string | null };

/** A polygon given must leave the parties' overlap by no more than this (km², 1 m²) or this share of itself (0.1 %). */
const OUTSIDE_ABS_KM2 = 1e-6;
const OUTSIDE_REL = 1e-3;

export function agreementOut(r: AgreementRow): z.input<typeof Agreement> {
  return {
    id: r.id,
    kind: r.kind,
    parties: [
      { block_id: r.block_a, holder: r.holder_a, authority: r.authority_a },
      { block_id: r.block_b, holder: r.holder_b, authority: r.authority_b },
    ],
    geometry: JSON.parse(r.geometry) as z.input<typeof Agreement>['geometry'],
    area_km2: Number(r.area_km2),
    document_no: r.document_no,
    signed_on: r.signed_on,
    valid_from: r.valid_from,
    valid_to: r.valid_to,
    terms: r.terms,
    note: r.note,
    synthetic: r.synthetic,
    recorded_by: r.recorded_by,
    recorded_at: r.recorded_at,
    withdrawn_at: r.withdrawn_at,
    withdrawn_by: r.withdrawn_by,
    withdrawn_reason: r.withdrawn_reason,
    in_force: agreementInForce(r),
  };
}

const scopes = (r: AgreementRow): BlockScope[] => [
  { id: r.block_a, holder: r.holder_a, authority: r.authority_a },
  { id: r.block_b, holder: r.holder_b, authority: r.authority_b },
];

/** The holders of either party, the regulators overseeing either, and admins read an agreement. */
export const mayReadAgreement = (who: Actor, r: AgreementRow) => scopes(r).some((b) => maySeeConfidential(who.tree, who.principal, b));

async function blockScope(q: Queryable, id: string): Promise<BlockScope | undefined> {
  const row = (await q.named<{ holder: string | null; authority: string | null }>('auth_block_scope', [id])).rows[0];
  return row ? { id, ...row } : undefined;
}

async function agreementRow(q: Queryable, id: string, withdrawn = true): Promise<AgreementRow | undefined> {
  return (await q.named<AgreementRow>('agreements_select', [id, null, withdrawn])).rows[0];
}

/** 403 unless a regulator overseeing either party (or an admin) writes. */
function assertMayWriteAgreement(who: Actor, a: BlockScope, b: BlockScope) {
  if ([a, b].some((s) => mayWriteAuthority(who.tree, who.principal, s.authority))) return;
  throw forbidden(say(M, 'FORBIDDEN_AGREEMENT_WRITE', { authority: who.principal.authority ?? '—', a: a.id, b: b.id }));
}

export async function createAgreement(db: Db, who: Actor, body: z.output<typeof NewAgreementBody>, maxVertices: number) {
  const [p, q] = body.parties;
  if (p === q) throw refuse(422, say(M, 'AGREEMENT_SAME_PARTY', { id: p }), [{ field: 'parties' }]);
  const valid_from = body.valid_from ?? body.signed_on;
  if (compareDates(valid_from, body.signed_on) < 0)
    throw refuse(422, say(M, 'AGREEMENT_BAD_DATES', { field: 'valid_from' }), [{ field: 'valid_from' }]);
  if (body.valid_to && compareDates(body.valid_to, valid_from) < 0)
    throw refuse(422, say(M, 'AGREEMENT_BAD_DATES', { field: 'valid_to' }), [{ field: 'valid_to' }]);
  const found = await Promise.all([blockScope(db, p), blockScope(db, q)]);
  found.forEach((s, i) => {
    if (!s) throw refuse(422, say(M, 'AGREEMENT_PARTY_NOT_FOUND', { id: body.parties[i] }), [{ field: `parties.${i}` }]);
  });
  const [sa, sb] = (found as BlockScope[]).sort((x, y) => (x.id < y.id ? -1 : 1));
  assertMayWriteAgreement(who, sa, sb);
  const given = body.geometry ? JSON.stringify(checkGeometry(body.geometry, 'polygon', maxVertices)) : null;
  const fit = (
    await db.named<{ overlap_km2: number; outside_km2: number; covered_km2: number; geometry: string | null }>('agreements_fit', [
      sa.id,
      sb.id,
      given,
    ])
  ).rows[0];
  if (!fit || !fit.geometry || Number(fit.covered_km2) <= 1e-9)
    throw refuse(422, say(M, 'AGREEMENT_NO_OVERLAP', { a: sa.id, b: sb.id }), [{ field: given ? 'geometry' : 'parties' }]);
  const outside = Number(fit.outside_km2);
  if (outside > Math.max(OUTSIDE_ABS_KM2, OUTSIDE_REL * (outside + Number(fit.covered_km2))))
    throw refuse(422, say(M, 'AGREEMENT_OUTSIDE_OVERLAP', { a: sa.id, b: sb.id, outside: outside.toFixed(4) }), [{ field: 'geometry' }]);
  return db.transaction(async (tx) => {
    const { id } = (
      await tx.named<{ id: string }>('agreements_insert', [
        body.kind,
        sa.id,
        sb.id,
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
    const row = (await agreementRow(tx, id))!;
    const { geometry: _g, ...after } = agreementOut(row);
    await appendAudit(tx, { ...who, operation: 'create', collection: 'agreements', item_id: id, before: null, after });
    return agreementOut(row);
  });
}

export async function listAgreements(db: Queryable, who: Actor, blockId: string | undefined, withdrawn: boolean) {
  const rows = (await db.named<AgreementRow>('agreements_select', [null, blockId ?? null, withdrawn])).rows;
  return rows.filter((r) => mayReadAgreement(who, r)).map(agreementOut);
}

export async function readAgreement(db: Queryable, who: Actor, id: string) {
  const row = await agreementRow(db, id);
  if (!row) throw notFoundRecord('AGREEMENT_NOT_FOUND', id);
  if (!mayReadAgreement(who, row)) throw forbidden(say(M, 'FORBIDDEN_AGREEMENT', { id }));
  return agreementOut(row);
}

export async function withdrawAgreement(db: Db, who: Actor, id: string, reason: string) {
  const row = await agreementRow(db, id);
  if (!row) throw notFoundRecord('AGREEMENT_NOT_FOUND', id);
  const [a, b] = scopes(row);
  assertMayWriteAgreement(who, a, b);
  return db.transaction(async (tx) => {
    const done = await tx.named('agreements_withdraw', [id, who.principal.username, reason]);
    if (!done.rows.length) throw refuse(409, say(M, 'AGREEMENT_WITHDRAWN', { id }));
    const now = (await agreementRow(tx, id))!;
    const strip = (r: AgreementRow) => {
      const { geometry: _g, ...rest } = agreementOut(r);
      return rest;
    };
    await appendAudit(tx, { ...who, operation: 'withdraw', collection: 'agreements', item_id: id, before: strip(row), after: strip(now) });
    return agreementOut(now);
  });
}

// ---------------------------------------------------------------- register flags

/** In force on `day`: not released, started, not ended. */
export const inForce = (f: Pick<FlagRow, 'start_on' | 'end_on' | 'released_on'>, day = todayInChina()) =>
  !f.released_on && withinTerm(f.start_on, f.end_on ?? null, day);

export function flagOut(r: FlagRow): z.input<typeof RightFlag> {
  const { holder: _h, block_authority: _a, ...rest } = r;
  return { ...rest, in_force: inForce(r) };
}

const flagRow = async (q: Queryable, id: string) => (await q.named<FlagRow>('right_flags_select', [id, null, true])).rows[0];

export async function listFlags(db: Queryable, blockId: string, released: boolean) {
  if (!(await blockScope(db, blockId))) throw notFound('block', blockId);
  return (await db.named<FlagRow>('right_flags_select', [null, blockId, released])).rows.map(flagOut);
}

export async function createFlag(db: Db, req: Request, who: Actor, blockId: string, body: z.output<typeof NewFlagBody>) {
  const block = await blockScope(db, blockId);
  if (!block) throw notFound('block', blockId);
  assertMayWrite(req, block.authority, `block ${blockId}`);
  if (body.end_on && compareDates(body.end_on, body.start_on) < 0)
    throw refuse(422, { ...say(M, 'FLAG_BAD_DATES', { field: 'end_on' }), code: 'INVALID_FLAG' }, [{ field: 'end_on' }]);
  const out = await db.transaction(async (tx) => {
    const { id } = (
      await tx.named<{ id: string }>('right_flags_insert', [
        blockId,
        body.kind,
        body.document_no,
        body.authority,
        body.beneficiary ?? null,
        body.start_on,
        body.end_on ?? null,
        body.note ?? null,
        false,
        who.principal.username,
      ])
    ).rows[0];
    const row = flagOut((await flagRow(tx, id))!);
    await appendAudit(tx, { ...who, operation: 'create', collection: 'right_flags', item_id: id, before: null, after: row });
    return row;
  });
  return out;
}

export async function releaseFlag(db: Db, req: Request, who: Actor, id: string, body: z.output<typeof ReleaseFlagBody>) {
  const before = await flagRow(db, id);
  if (!before) throw notFoundRecord('FLAG_NOT_FOUND', id);
  assertMayWrite(req, before.block_authority, `block ${before.block_id}`);
  if (compareDates(body.released_on, before.start_on) < 0)
    throw refuse(422, { ...say(M, 'FLAG_BAD_DATES', { field: 'released_on' }), code: 'INVALID_FLAG' }, [{ field: 'released_on' }]);
  return db.transaction(async (tx) => {
    const done = await tx.named('right_flags_release', [id, body.released_on, body.document_no, who.principal.username]);
    if (!done.rows.length) throw refuse(409, say(M, 'FLAG_RELEASED', { id }));
    const after = flagOut((await flagRow(tx, id))!);
    await appendAudit(tx, { ...who, operation: 'release', collection: 'right_flags', item_id: id, before: flagOut(before), after });
    return after;
  });
}

/**
 * The mortgagee's consent to the transfer of a mortgaged right (抵押权人同意, 自然资规〔2023〕4号 二（五）3（3）, 001 L9610):
 * recorded on the mortgage by a regulator overseeing the right (or an admin), audited; the write path then lets the
 * holder change go through (features/write.ts assertMortgageConsent).
 */
export async function createConsent(db: Db, req: Request, who: Actor, flagId: string, body: z.output<typeof NewConsentBody>) {
  const flag = await flagRow(db, flagId);
  if (!flag) throw notFoundRecord('FLAG_NOT_FOUND', flagId);
  assertMayWrite(req, flag.block_authority, `block ${flag.block_id}`);
  if (flag.kind !== 'mortgage') throw refuse(422, say(M, 'CONSENT_NOT_MORTGAGE', { id: flagId }), [{ field: 'id' }]);
  if (!inForce(flag)) throw refuse(422, say(M, 'CONSENT_NOT_IN_FORCE', { id: flagId }), [{ field: 'id' }]);
  return db.transaction(async (tx) => {
    const row = (
      await tx.named<z.input<typeof MortgageConsent>>('right_flag_consents_insert', [
        flagId,
        body.document_no,
        body.given_on,
        body.transferee ?? null,
        body.note ?? null,
        false,
        who.principal.username,
      ])
    ).rows[0];
    await appendAudit(tx, { ...who, operation: 'create', collection: 'right_flag_consents', item_id: row.id, before: null, after: row });
    return row;
  });
}

/** The consents recorded on a flag, to the right's holder, the regulators overseeing it and admins (401/403 otherwise). */
export async function listConsents(db: Queryable, req: Request, flagId: string) {
  const flag = await flagRow(db, flagId);
  if (!flag) throw notFoundRecord('FLAG_NOT_FOUND', flagId);
  assertConfidential(req, { id: flag.block_id, holder: flag.holder, authority: flag.block_authority });
  return consentsOf(db, flagId);
}

const consentsOf = async (db: Queryable, flagId: string) =>
  (await db.named<z.input<typeof MortgageConsent>>('right_flag_consents_select', [flagId, null])).rows;

/**
 * The flags on a right not released (as GET /api/blocks/{id}/flags answers), a mortgage's with its consents (as
 * GET /api/flags/{id}/consents answers) where `mayReadConsents` (the caller may read the right's confidential
 * records), else `consents: null` (the block dossier).
 */
export async function flagsWithConsents(db: Queryable, blockId: string, mayReadConsents: boolean) {
  return Promise.all(
    (await listFlags(db, blockId, false)).map(async (f) => ({
      ...f,
      consents: f.kind === 'mortgage' && mayReadConsents ? await consentsOf(db, f.id) : null,
    })),
  );
}

/**
 * Take a consent off record (026): by a regulator overseeing the right (or an admin), audited with its reason; from now
 * the holder-change guard no longer counts it (right_flags_mortgage_guard.sql).
 */
export async function withdrawConsent(db: Db, req: Request, who: Actor, id: string, reason: string) {
  const before = (await db.named<z.input<typeof MortgageConsent>>('right_flag_consents_select', [null, id])).rows[0];
  if (!before) throw notFoundRecord('CONSENT_NOT_FOUND', id);
  const flag = (await flagRow(db, before.flag_id))!;
  assertMayWrite(req, flag.block_authority, `block ${flag.block_id}`);
  return db.transaction(async (tx) => {
    const after = (await tx.named<z.input<typeof MortgageConsent>>('right_flag_consents_withdraw', [id, who.principal.username, reason]))
      .rows[0];
    if (!after) throw refuse(409, say(M, 'CONSENT_WITHDRAWN', { id }));
    await appendAudit(tx, { ...who, operation: 'withdraw', collection: 'right_flag_consents', item_id: id, before, after });
    return after;
  });
}
