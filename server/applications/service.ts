/**
 * Applications with a lifecycle (issue 14 item 1): create and edit a draft, move it through its states (each step by
 * the side allowed to take it, states.ts), freeze a snapshot at submission (snapshot.ts), and on approval apply the
 * register effect through the register's own write path (features/write.ts: If-Match version, history, audit).
 * Every step is a row of the application's step list and an audit row, in the transaction that makes it.
 * The route (router.ts) only parses, authenticates and answers.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { z } from 'zod';
import type { ApplicationSnapshot, ApplicationStep } from '../contract/applications';
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { oversees, type AuthorityTree } from '../auth/scope';
import { AUTH_SAY, forbidden } from '../auth/errors';
import { todayInChina, defaultRegime } from '../conflicts/subject';
import { AppError } from '../errors';
import { findCollection } from '../features/collections';
import { etagOf, ifMatchHolds, parseIfMatch } from '../features/etag';
import { preconditionFailed } from '../features/messages';
import { publicProperties } from '../features/versions';
import { auditFeature, currentRow, parseProperties, updateAtVersion, versionOf, withoutNulls } from '../features/write';
import { conversionCheckOf } from './conversion';
import type { RowFeature } from '../features/feature-out';
import { checkGeometry } from '../geometry/validate';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { say, type Message } from '../i18n/message';
import { compareDates } from '../rules/dates';
import { APPLICATION_SAY as M, applicationNotFound, conflict409, refuse422 } from './messages';
import { assertWithinBlock, takeSnapshot, type AppBlock } from './snapshot';
import {
  GEOMETRY,
  mayRead,
  mayTake,
  nextState,
  onApplicantSide,
  ON_A_BLOCK,
  TRANSITIONS,
  type ApplicationKind,
  type ApplicationState,
  type TransitionAction,
} from './states';

/** A row of applications_get.sql. */
export interface ApplicationRow {
  id: string;
  kind: ApplicationKind;
  state: ApplicationState;
  block_id: string | null;
  applicant: string;
  authority: string;
  mineral: string | null;
  title: string | null;
  geometry: Polygon | MultiPolygon | null;
  note: string | null;
  snapshot: string | null;
  snapshot_sha256: string | null;
  version: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
}

/** A row of application_steps_list.sql: the contract's step (the effect is the JSON this module wrote). */
type StepRow = z.input<typeof ApplicationStep>;
/** The frozen snapshot as this module wrote it (snapshot.ts), read back from its exact text. */
type SnapshotJson = z.input<typeof ApplicationSnapshot>;

/** Who acts, and what they act with. */
export interface Actor {
  principal: Principal;
  tree: AuthorityTree;
  request_id: string | null;
}

export interface ServiceDeps {
  db: Db;
  maxVertices: number;
  /** called after the register changed (tile versions, caches) */
  onWrite?: (collection: string) => void;
}

export interface NewApplication {
  kind: ApplicationKind;
  block_id?: string;
  applicant?: string;
  authority?: string;
  mineral?: string;
  title?: string;
  geometry?: unknown;
  note?: string;
  reason?: string;
  document_no?: string;
}

export interface DraftEdit {
  title?: string | null;
  geometry?: unknown;
  note?: string | null;
  mineral?: string | null;
  reason?: string;
}

export interface StepRequest {
  reason: string;
  document_no?: string;
  /** the block's ETag the decider has reviewed (approval's register write); default: the version frozen at submission */
  block_if_match?: string;
}

const blocks = findCollection('blocks')!;

/** The application as the API answers it (snapshot parsed from its exact text; steps when given). */
export function applicationOut(row: ApplicationRow, steps?: StepRow[]) {
  const { snapshot, ...rest } = row;
  return {
    ...rest,
    snapshot: snapshot === null ? null : (JSON.parse(snapshot) as SnapshotJson),
    steps: steps ?? [],
  };
}

async function getRow(q: Queryable, id: string): Promise<ApplicationRow> {
  const row = (await q.named<ApplicationRow>('applications_get', [id])).rows[0];
  if (!row) throw applicationNotFound(id);
  return row;
}

async function blockOf(q: Queryable, id: string): Promise<AppBlock | null> {
  return (await q.named<AppBlock>('application_block', [id])).rows[0] ?? null;
}

const stepRows = async (q: Queryable, id: string) => (await q.named<StepRow>('application_steps_list', [id])).rows;

/** 403 unless `p` may read the application. */
function assertMayRead(who: Actor, row: ApplicationRow) {
  if (!mayRead(who.tree, who.principal, row)) throw forbidden(say(M, 'FORBIDDEN_APPLICATION', { id: row.id }));
}

/** A polygon of an application, validated as register writes are (422 with the point at fault), or null. */
function polygonOf(kind: ApplicationKind, g: unknown, maxVertices: number): Polygon | MultiPolygon | null {
  const rule = GEOMETRY[kind];
  if (g === undefined || g === null) {
    if (rule === 'required') throw refuse422(say(M, 'GEOMETRY_REQUIRED', { kind }), [{ field: 'geometry' }]);
    return null;
  }
  if (rule === 'none') throw refuse422(say(M, 'GEOMETRY_NOT_ALLOWED', { kind }), [{ field: 'geometry' }]);
  return checkGeometry(g, 'polygon', maxVertices) as Polygon | MultiPolygon;
}

async function recordStep(
  tx: Queryable,
  who: Actor,
  row: ApplicationRow,
  action: string,
  from: string | null,
  after: ApplicationRow,
  s: { reason?: string | null; document_no?: string | null; effect?: unknown },
) {
  const p = who.principal;
  await tx.named('application_steps_insert', [
    row.id,
    action,
    from,
    after.state,
    p.username,
    p.user_id,
    p.role,
    s.reason ?? null,
    s.document_no ?? null,
    s.effect === undefined || s.effect === null ? null : JSON.stringify(s.effect),
  ]);
  const { snapshot: _s, geometry: _g, ...beforeHead } = row;
  const { snapshot: _s2, geometry: _g2, ...afterHead } = after;
  await appendAudit(tx, {
    principal: p,
    operation: action,
    collection: 'applications',
    item_id: row.id,
    before: from === null ? null : beforeHead,
    after: { ...afterHead, reason: s.reason ?? null, document_no: s.document_no ?? null, snapshot_sha256: after.snapshot_sha256 },
    request_id: who.request_id,
  });
}

/** POST /api/applications: a draft, by the holder for its own right (or a new one), a regulator or an admin. */
export async function createApplication(deps: ServiceDeps, who: Actor, body: NewApplication) {
  const { db } = deps;
  const p = who.principal;
  let applicant: string;
  let authority: string;
  let mineral: string | null;
  let block: AppBlock | null = null;
  if (ON_A_BLOCK.has(body.kind)) {
    if (!body.block_id) throw refuse422(say(M, 'BLOCK_REQUIRED', { kind: body.kind }), [{ field: 'block_id' }]);
    block = await blockOf(db, body.block_id);
    if (!block) throw refuse422(say(M, 'BLOCK_NOT_FOUND', { block: body.block_id }), [{ field: 'block_id' }]);
    if (body.kind === 'conversion' && block.kind !== 'exploration')
      throw refuse422(say(M, 'CONVERSION_NEEDS_EXPLORATION', { block: block.id }), [{ field: 'block_id' }]);
    const holder = block.holder ?? '';
    if (body.applicant !== undefined && body.applicant !== holder)
      throw refuse422(say(M, 'APPLICANT_NOT_HOLDER', { applicant: body.applicant, holder }), [{ field: 'applicant' }]);
    applicant = holder;
    authority = block.authority ?? '自然资源部';
    mineral = block.mineral;
  } else {
    if (body.block_id) throw refuse422(say(M, 'BLOCK_NOT_ALLOWED', { kind: body.kind }), [{ field: 'block_id' }]);
    const own = p.role === 'holder' && p.holders.length === 1 ? p.holders[0] : undefined;
    const named = body.applicant ?? own;
    if (!named) throw refuse422(say(M, 'APPLICANT_REQUIRED'), [{ field: 'applicant' }]);
    applicant = named;
    mineral = body.mineral ?? 'cbm';
    // a new Shanxi CBM right is registered by the province (R-GRANT-7, as the conflict check reads it); others by the ministry
    authority = body.authority ?? (defaultRegime(mineral) === 'shanxi-cbm-2020' ? '山西省自然资源厅' : '自然资源部');
    if (!who.tree.has(authority))
      throw new AppError(422, 'UNKNOWN_AUTHORITY', ...texts(say(AUTH_SAY, 'UNKNOWN_AUTHORITY', { authority })), [{ field: 'authority' }]);
  }
  // who may open it: the holder for its own organisation, a regulator overseeing the authority, an admin
  if (p.role === 'holder' && !p.holders.includes(applicant)) throw forbidden(say(M, 'FORBIDDEN_APPLICANT', { applicant }));
  if (p.role === 'regulator' && !oversees(who.tree, p.authority, authority))
    throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: authority }));
  const geometry = polygonOf(body.kind, body.geometry, deps.maxVertices);
  if (geometry && block && body.kind !== 'conversion') await assertWithinBlock(db, block.id, geometry);

  const created = await db.transaction(async (tx) => {
    const row = (
      await tx.named<ApplicationRow>('applications_insert', [
        body.kind,
        block?.id ?? null,
        applicant,
        authority,
        mineral,
        body.title ?? null,
        geometry ? JSON.stringify(geometry) : null,
        body.note ?? null,
        p.username,
        p.user_id,
      ])
    ).rows[0];
    await recordStep(tx, who, row, 'create', null, row, { reason: body.reason, document_no: body.document_no });
    return row;
  });
  return { row: created, steps: await stepRows(db, created.id) };
}

const texts = (m: Message): [string, string] => [m.message, m.message_zh];

/** The application's If-Match: 428 when `required` and absent, 412 (with its current ETag) when it names another version. */
function checkIfMatch(header: string | undefined, row: ApplicationRow, required: boolean) {
  const m = parseIfMatch(header);
  if (m.kind === 'missing' && !required) return;
  if (m.kind === 'missing' || m.kind === 'any')
    throw new AppError(
      428,
      'PRECONDITION_REQUIRED',
      `Editing application '${row.id}' needs If-Match with the ETag from GET of the application`,
      `修改申请“${row.id}”须在 If-Match 中带上读取该申请（GET）时返回的 ETag`,
      [{ field: 'If-Match' }],
    );
  if (!ifMatchHolds(m, row.version)) throw preconditionFailed(row.id, etagOf(row.version));
}

/** GET /api/applications/{id}. */
export async function readApplication(db: Queryable, who: Actor, id: string) {
  const row = await getRow(db, id);
  assertMayRead(who, row);
  return { row, steps: await stepRows(db, id) };
}

/** PATCH /api/applications/{id}: the applicant side edits a draft (If-Match required). */
export async function editDraft(deps: ServiceDeps, who: Actor, id: string, edit: DraftEdit, ifMatch: string | undefined) {
  const { db } = deps;
  const row = await getRow(db, id);
  assertMayRead(who, row);
  if (!onApplicantSide(who.principal, row)) throw forbidden(say(M, 'FORBIDDEN_STEP', { id, action: 'edit', side: 'applicant' }));
  checkIfMatch(ifMatch, row, true);
  if (row.state !== 'draft') throw conflict409(say(M, 'NOT_A_DRAFT', { id, state: row.state }), [{ state: row.state }]);
  const geometry = edit.geometry === undefined ? row.geometry : polygonOf(row.kind, edit.geometry, deps.maxVertices);
  if (edit.geometry !== undefined && geometry && row.block_id && row.kind !== 'conversion')
    await assertWithinBlock(db, row.block_id, geometry);
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const after = await db.transaction(async (tx) => {
    const upd = (
      await tx.named<ApplicationRow>('applications_update_draft', [
        id,
        row.version,
        pick(edit.title, row.title),
        geometry ? JSON.stringify(geometry) : null,
        pick(edit.note, row.note),
        pick(edit.mineral, row.mineral),
      ])
    ).rows[0];
    if (!upd) return null;
    await recordStep(tx, who, row, 'edit', row.state, upd, { reason: edit.reason });
    return upd;
  });
  if (!after) throw conflict409(say(M, 'CHANGED_MEANWHILE', { id }));
  return { row: after, steps: await stepRows(db, id) };
}

/** The register write a step makes, prepared before the transaction (block read and new feature built). */
interface Effect {
  before: RowFeature;
  feature: { type: 'Feature'; geometry?: unknown; properties: Record<string, unknown> };
  messages: Message[];
  /** conversion: the new mining right, inserted in the same transaction (blocks_insert) */
  create?: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> };
}

/** The block status an extension application in progress puts on record (vocab BLOCK_STATUSES: 延续申请中). */
const EXTENSION_APPLIED = 'extension_applied';

/** The block version the submission step left (its status write), else none. */
const submittedVersion = (steps: StepRow[]) => {
  const e = steps.find((s) => s.action === 'submit')?.effect as { block_version_after?: string } | null | undefined;
  return e?.block_version_after;
};

/**
 * Submission of an extension puts the block on record as 延续申请中 (status extension_applied): the register shows the
 * application was made in time (273号令 第十五条) until it is decided. `frozenVersion` is the block version the snapshot
 * was just taken on: the status write happens only on that version (412 otherwise).
 */
async function submitEffect(db: Queryable, row: ApplicationRow, frozenVersion: string | null): Promise<Effect | null> {
  if (row.kind !== 'extension' || !row.block_id) return null;
  const cur = await currentRow(db, blocks, row.block_id);
  if (!cur || cur.properties?.status === EXTENSION_APPLIED) return null;
  if (frozenVersion !== null && versionOf(cur) !== frozenVersion) throw preconditionFailed(row.block_id, etagOf(versionOf(cur)));
  const props = { ...withoutNulls(publicProperties(cur.properties)), status: EXTENSION_APPLIED };
  return {
    before: cur,
    feature: { type: 'Feature', properties: { ...parseProperties(blocks, props), id: row.block_id } },
    messages: [say(M, 'EFFECT_EXTENSION_APPLIED', { block: row.block_id })],
  };
}

/** Refusal or withdrawal of an extension in progress takes the block's 延续申请中 off again (status valid). */
async function undoSubmitEffect(db: Queryable, row: ApplicationRow): Promise<Effect | null> {
  if (row.kind !== 'extension' || !row.block_id || row.state === 'draft') return null;
  const cur = await currentRow(db, blocks, row.block_id);
  if (!cur || cur.properties?.status !== EXTENSION_APPLIED) return null;
  const props = { ...withoutNulls(publicProperties(cur.properties)), status: 'valid' };
  return {
    before: cur,
    feature: { type: 'Feature', properties: { ...parseProperties(blocks, props), id: row.block_id } },
    messages: [say(M, 'EFFECT_EXTENSION_CLOSED', { block: row.block_id })],
  };
}

/** A mining right's name from its exploration right's: …勘查 → …开采, else with （转采）. */
const miningName = (name: string) => (/勘查$/.test(name) ? name.replace(/勘查$/, '开采') : `${name}（转采）`);

/** What approving `row` changes in the register (null: nothing, with a sentence saying so). */
async function plannedEffect(
  db: Queryable,
  row: ApplicationRow,
  blockIfMatch: string | undefined,
  steps: StepRow[],
): Promise<Effect | Message> {
  const kind = row.kind;
  const writes = kind === 'extension' || kind === 'change' || kind === 'cancellation' || kind === 'retention' || kind === 'conversion';
  if (!writes || !row.block_id) return say(M, 'EFFECT_NONE', { kind });
  const snap = row.snapshot ? (JSON.parse(row.snapshot) as SnapshotView) : null;
  const cur = await currentRow(db, blocks, row.block_id);
  if (!cur) throw refuse422(say(M, 'BLOCK_NOT_FOUND', { block: row.block_id }), [{ field: 'block_id' }]);
  // If-Match of the register write: the block version the decider reviewed (given), else the one frozen at submission
  // (or the one the submission's own status write left)
  const frozen = submittedVersion(steps) ?? snap?.block?.version;
  const expected = blockIfMatch ? parseIfMatch(blockIfMatch) : parseIfMatch(frozen ? etagOf(frozen) : undefined);
  if (!ifMatchHolds(expected, versionOf(cur))) throw preconditionFailed(row.block_id, etagOf(versionOf(cur)));
  const props: Record<string, unknown> = withoutNulls(publicProperties(cur.properties));
  const messages: Message[] = [];
  let geometry: unknown;
  let licensed: number | undefined;
  let create: Effect['create'];
  const id = row.block_id;
  const today = todayInChina();
  if ((kind === 'extension' || kind === 'change') && row.geometry) {
    // the block may have been redrawn since submission (a decider passing block_if_match): still within it?
    await assertWithinBlock(db, id, row.geometry);
    geometry = row.geometry;
    // the licensed area on record becomes the retained polygon's (ellipsoidal), whatever offsets had set it to before
    licensed = ellipsoidalAreaKm2(row.geometry);
    messages.push(
      say(M, 'EFFECT_GEOMETRY', {
        block: id,
        before_km2: Number(Number(cur.properties?.licensed_area_km2 ?? cur.properties?.area_km2 ?? 0).toFixed(4)),
        after_km2: Number(licensed.toFixed(4)),
      }),
    );
  }
  if (kind === 'extension') {
    const a = snap?.assessment?.assessment;
    if (a && a.decision === 'extend' && a.new_valid_from && a.new_valid_to) {
      props.valid_from = a.new_valid_from;
      props.valid_to = a.new_valid_to;
      props.extensions_used = Number(props.extensions_used ?? 0) + 1;
      props.status = 'valid';
      messages.push(say(M, 'EFFECT_TERM', { block: id, valid_from: a.new_valid_from, valid_to: a.new_valid_to }));
    } else {
      if (props.status === EXTENSION_APPLIED) props.status = 'valid';
      messages.push(say(M, 'EFFECT_TERM_UNCHANGED', { block: id, decision: a?.decision ?? null }));
    }
  }
  if (kind === 'conversion' && row.geometry) {
    // re-checked on the block as it is now: the mining area must lie within it (R-CONV-1); the rest was for the decider
    const c = await conversionCheckOf(db, id, row.geometry);
    if (!c) throw new Error(`conversion check of ${id} answered no row`);
    if (c.check.outside_km2 > 0)
      throw refuse422(say(M, 'CONVERSION_OUTSIDE_BLOCK', { block: id, outside_km2: c.check.outside_km2 }), [
        { field: 'geometry', block_id: id, outside_km2: c.check.outside_km2, rule: 'R-CONV-1' },
      ]);
    const er = c.check.exploration_right;
    if (er.action === 'reduce' && c.remaining) {
      geometry = c.remaining;
      licensed = er.remaining_km2;
    } else {
      props.status = 'cancelled';
      props.valid_to = typeof props.valid_to === 'string' && compareDates(props.valid_to, today) < 0 ? props.valid_to : today;
    }
    messages.push(er.message);
    const mining = {
      id: `${id}-M-${row.id.replace(/^APP-/, '')}`,
      name: miningName(String(props.name)),
      holder: props.holder,
      kind: 'mining',
      mineral: props.mineral,
      status: 'valid',
      authority: props.authority,
      basin: props.basin,
      province_registered: props.province_registered,
      synthetic: props.synthetic,
      first_registration_date: today,
      first_registration_area_km2: Number(c.check.proposal_km2.toFixed(6)),
      valid_from: today,
    };
    create = { type: 'Feature', geometry: row.geometry, properties: { ...parseProperties(blocks, withoutNulls(mining)), id: mining.id } };
    messages.push(say(M, 'EFFECT_MINING_CREATED', { block: mining.id, from: id, km2: Number(c.check.proposal_km2.toFixed(4)) }));
  }
  if (kind === 'cancellation') {
    const validTo = typeof props.valid_to === 'string' && compareDates(props.valid_to, today) < 0 ? props.valid_to : today;
    props.status = 'cancelled';
    props.valid_to = validTo;
    messages.push(say(M, 'EFFECT_CANCELLED', { block: id, valid_to: validTo }));
  }
  if (kind === 'retention') {
    props.status = 'retained';
    messages.push(say(M, 'EFFECT_RETAINED', { block: id }));
  }
  const properties = { ...parseProperties(blocks, props), id, ...(licensed !== undefined ? { licensed_area_km2: licensed } : {}) };
  return { before: cur, feature: { type: 'Feature', ...(geometry ? { geometry } : {}), properties }, messages, create };
}

/** What the approval reads back from the frozen snapshot. */
interface SnapshotView {
  block: { version: string } | null;
  assessment: { assessment: { decision: string; new_valid_from: string | null; new_valid_to: string | null } | null } | null;
}

/** POST /api/applications/{id}/transitions: one step of the lifecycle. */
export async function takeStep(
  deps: ServiceDeps,
  who: Actor,
  id: string,
  action: TransitionAction,
  req: StepRequest,
  ifMatch: string | undefined,
) {
  const { db } = deps;
  const row = await getRow(db, id);
  assertMayRead(who, row);
  if (!mayTake(who.tree, who.principal, row, action))
    throw forbidden(say(M, 'FORBIDDEN_STEP', { id, action, side: TRANSITIONS[action].side }));
  checkIfMatch(ifMatch, row, false);
  const to = nextState(row.state, action);
  if (!to) {
    const allowed_from = TRANSITIONS[action].from.join(',');
    throw conflict409(say(M, 'ILLEGAL_TRANSITION', { id, action, state: row.state, allowed_from }), [
      { field: 'action', state: row.state, action, allowed_from },
    ]);
  }
  let frozen: { text: string; sha256: string } | null = null;
  let effect: Effect | Message | null = null;
  if (action === 'submit') {
    const block = row.block_id ? await blockOf(db, row.block_id) : null;
    if (row.block_id && !block) throw refuse422(say(M, 'BLOCK_NOT_FOUND', { block: row.block_id }), [{ field: 'block_id' }]);
    const s = await takeSnapshot(db, { ...row }, block);
    frozen = { text: s.text, sha256: s.sha256 };
    effect = await submitEffect(db, row, block?.version ?? null);
  }
  if (action === 'approve') effect = await plannedEffect(db, row, req.block_if_match, await stepRows(db, id));
  if (action === 'refuse' || action === 'withdraw') effect = await undoSubmitEffect(db, row);
  const out = await db.transaction(async (tx) => {
    const after = (
      await tx.named<ApplicationRow>('applications_set_state', [
        id,
        row.version,
        row.state,
        to,
        frozen?.text ?? null,
        frozen?.sha256 ?? null,
      ])
    ).rows[0];
    if (!after) return { lost: 'application' as const };
    let stepEffect: unknown = null;
    if (effect && 'feature' in effect) {
      const written = await updateAtVersion(tx, blocks, row.block_id!, effect.feature, effect.before, {
        principal: who.principal,
        request_id: who.request_id,
      });
      // the block changed between the check above and this write: roll the step back, 412 with its ETag
      if (!written)
        throw preconditionFailed(row.block_id!, etagOf(versionOf((await currentRow(tx, blocks, row.block_id!)) ?? effect.before)));
      let created: string | undefined;
      if (effect.create) {
        created = (await tx.named<{ id: string }>('blocks_insert', [JSON.stringify([effect.create])])).rows[0].id;
        const made = (await currentRow(tx, blocks, created))!;
        await appendAudit(tx, {
          principal: who.principal,
          operation: 'create',
          collection: blocks.id,
          item_id: created,
          before: null,
          after: auditFeature(made),
          request_id: who.request_id,
        });
      }
      stepEffect = {
        block_id: row.block_id,
        block_version_before: versionOf(effect.before),
        block_version_after: versionOf(written),
        ...(created ? { created_block_id: created } : {}),
        messages: effect.messages,
      };
    } else if (effect) stepEffect = { messages: [effect] };
    await recordStep(tx, who, row, action, row.state, after, { reason: req.reason, document_no: req.document_no, effect: stepEffect });
    return { after };
  });
  if ('lost' in out) throw conflict409(say(M, 'CHANGED_MEANWHILE', { id }));
  if (effect && 'feature' in effect) deps.onWrite?.('blocks');
  return { row: out.after, steps: await stepRows(db, id) };
}

export interface ListQuery {
  state?: ApplicationState;
  authority?: string;
  kind?: ApplicationKind;
  block_id?: string;
  limit: number;
  offset: number;
}

/**
 * GET /api/applications: a regulator's queue (its authority's subtree, or a named authority it oversees), a holder's
 * own list (its organisations' applications), everything for an admin (or the named authority's subtree).
 */
export async function listApplications(db: Queryable, who: Actor, q: ListQuery) {
  const p = who.principal;
  let authority: string | null = q.authority ?? null;
  let applicants: string[] | null = null;
  if (p.role === 'regulator') {
    authority ??= p.authority;
    if (!oversees(who.tree, p.authority, authority))
      throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: authority ?? '—' }));
  } else if (p.role === 'holder') applicants = p.holders;
  const rows = (
    await db.named<ApplicationRow & { matched: string }>('applications_list', [
      q.state ?? null,
      authority,
      applicants,
      q.kind ?? null,
      q.block_id ?? null,
      q.limit,
      q.offset,
    ])
  ).rows;
  const matched = rows.length ? Number(rows[0].matched) : q.offset === 0 ? 0 : undefined;
  return { rows: rows.map(({ matched: _m, ...r }) => r), matched, authority };
}
