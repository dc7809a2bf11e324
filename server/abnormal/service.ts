/**
 * The abnormal list (异常名录, 273号令 第四十四条; issue 14 item 3): regulators read the live candidates of a year with
 * their figures; a regulator publishes them (frozen in their public form, without the confidential figures, audited);
 * everyone else reads the latest publication. The route (router.ts) only parses and answers.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { oversees, type AuthorityTree } from '../auth/scope';
import { AUTH_SAY, forbidden } from '../auth/errors';
import { todayInChina } from '../conflicts/subject';
import { AppError } from '../errors';
import { say } from '../i18n/message';
import { compareDates } from '../rules/dates';
import { DEFAULT_DEADLINE_MMDD, reportDeadline } from '../rules/annual-investment';
import { ABNORMAL_SAY as M } from './messages';
import { collectAbnormalReasons, type AbnormalEntry } from './reasons';

export interface Actor {
  principal: Principal;
  tree: AuthorityTree;
  request_id: string | null;
}

interface PublicationRow {
  id: string;
  year: number;
  authority: string;
  deadline: string;
  entries: string;
  entries_sha256: string;
  document_no: string | null;
  note: string | null;
  published_by: string;
  published_at: string;
}

/** The latest year whose filing deadline has passed on `on`. */
export function latestDueYear(on: string, mmdd: string = DEFAULT_DEADLINE_MMDD): number {
  const y = Number(on.slice(0, 4)) - 1;
  return compareDates(on, reportDeadline(y, mmdd).deadline) > 0 ? y : y - 1;
}

const unknownAuthority = (authority: string) => {
  const m = say(AUTH_SAY, 'UNKNOWN_AUTHORITY', { authority });
  return new AppError(422, 'UNKNOWN_AUTHORITY', m.message, m.message_zh, [{ field: 'authority' }]);
};

/** The authority whose subtree is listed: the named one (which the regulator must oversee) or the regulator's own. */
function scopeOf(who: Actor, named: string | undefined): string | null {
  const p = who.principal;
  if (named !== undefined && !who.tree.has(named)) throw unknownAuthority(named);
  if (p.role === 'admin') return named ?? null;
  const authority = named ?? p.authority;
  if (!authority || !oversees(who.tree, p.authority, authority))
    throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: authority ?? '—' }));
  return authority;
}

const holdersIn = (entries: AbnormalEntry[]) => new Set(entries.map((e) => e.holder)).size;

const publicationOut = (row: PublicationRow) => ({ ...row, entries: JSON.parse(row.entries) as AbnormalEntry[] });

export interface ListQuery {
  year?: number;
  authority?: string;
  deadline_mmdd?: string;
  view?: 'candidates' | 'published';
}

/** GET /api/abnormal-list. */
export async function abnormalList(db: Queryable, who: Actor, q: ListQuery) {
  const on = todayInChina();
  const mmdd = q.deadline_mmdd ?? DEFAULT_DEADLINE_MMDD;
  const p = who.principal;
  const regulator = p.role === 'regulator' || p.role === 'admin';
  if (regulator && q.view !== 'published') {
    const authority = scopeOf(who, q.authority);
    const year = q.year ?? latestDueYear(on, mmdd);
    const deadline = reportDeadline(year, mmdd).deadline;
    const entries = await collectAbnormalReasons(db, { year, authority, deadline, on, figures: true });
    const pub = (await db.named<PublicationRow>('abnormal_publications_latest', [year, authority])).rows[0];
    const { entries: _e, ...publication } = pub ?? ({} as PublicationRow);
    return {
      status: 'candidates' as const,
      year,
      authority,
      deadline,
      on,
      holders: holdersIn(entries),
      entries,
      publication: pub ? publication : null,
    };
  }
  if (q.authority !== undefined && !who.tree.has(q.authority)) throw unknownAuthority(q.authority);
  const pub = (await db.named<PublicationRow>('abnormal_publications_latest', [q.year ?? null, q.authority ?? null])).rows[0];
  if (!pub)
    return {
      status: 'not_published' as const,
      year: q.year ?? null,
      authority: q.authority ?? null,
      deadline: null,
      on,
      holders: 0,
      entries: [],
      publication: null,
    };
  const out = publicationOut(pub);
  const { entries, ...publication } = out;
  return {
    status: 'published' as const,
    year: pub.year,
    authority: pub.authority,
    deadline: pub.deadline,
    on,
    holders: holdersIn(entries),
    entries,
    publication,
  };
}

export interface PublishBody {
  year: number;
  authority?: string;
  deadline_mmdd?: string;
  document_no?: string;
  note?: string;
}

/** POST /api/abnormal-list/publications: the candidates of the year frozen in their public form, audited. */
export async function publish(db: Db, who: Actor, body: PublishBody) {
  const on = todayInChina();
  const named = body.authority ?? (who.principal.role === 'admin' ? undefined : (who.principal.authority ?? undefined));
  if (named === undefined) throw new AppError(422, 'INVALID_PUBLICATION', ...texts(say(M, 'AUTHORITY_REQUIRED')), [{ field: 'authority' }]);
  const authority = scopeOf(who, named)!;
  const deadline = reportDeadline(body.year, body.deadline_mmdd ?? DEFAULT_DEADLINE_MMDD).deadline;
  if (compareDates(on, deadline) <= 0)
    throw new AppError(422, 'YEAR_NOT_DUE', ...texts(say(M, 'YEAR_NOT_DUE', { year: body.year, deadline })), [{ field: 'year' }]);
  const entries = await collectAbnormalReasons(db, { year: body.year, authority, deadline, on, figures: false });
  const text = JSON.stringify(entries);
  const sha = createHash('sha256').update(text).digest('hex');
  const p = who.principal;
  const row = await db.transaction(async (tx) => {
    const r = (
      await tx.named<PublicationRow>('abnormal_publications_insert', [
        body.year,
        authority,
        deadline,
        text,
        sha,
        body.document_no ?? null,
        body.note ?? null,
        p.username,
        p.user_id,
      ])
    ).rows[0];
    await appendAudit(tx, {
      principal: p,
      operation: 'publish',
      collection: 'abnormal_list',
      item_id: r.id,
      before: null,
      after: {
        id: r.id,
        year: r.year,
        authority,
        deadline,
        entries: entries.length,
        holders: holdersIn(entries),
        entries_sha256: sha,
        document_no: r.document_no,
      },
      request_id: who.request_id,
    });
    return r;
  });
  return publicationOut(row);
}

const texts = (m: { message: string; message_zh: string }): [string, string] => [m.message, m.message_zh];
