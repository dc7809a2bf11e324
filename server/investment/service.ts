/**
 * Annual exploration investment (issue 14 item 3): a year's figure filed with its itemised costs, kept as a revision
 * (investment_reports, 019) and set as the year's figure of the one ledger (investments, 002) that the extension
 * assessment reads; each year checked against its minimum (server/rules/annual-investment.ts); the term's running
 * shortfall is the assessment's own (lifecycle/plan-for-block.ts assessBlock), so the two never disagree.
 * The route (router.ts) only parses, authenticates and answers.
 */
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { maySeeConfidential, type AuthorityTree } from '../auth/scope';
import { AUTH_SAY, forbidden, unauthenticated } from '../auth/errors';
import { todayInChina } from '../conflicts/subject';
import { notFound } from '../errors';
import { say, type Message } from '../i18n/message';
import { assessBlock } from '../lifecycle/plan-for-block';
import {
  annualMinimum,
  breakdownTotals,
  checkAnnualInvestment,
  DEFAULT_DEADLINE_MMDD,
  reportDeadline,
  type InvestmentBreakdown,
} from '../rules/annual-investment';
import { fmt } from '../rules/steps';
import { INVESTMENT_SAY as M, refuse422 } from './messages';

/** A row of investment_block.sql. */
export interface InvestmentBlock {
  id: string;
  name: string;
  holder: string | null;
  authority: string | null;
  kind: string;
  mineral: string;
  status: string;
  first_registration_date: string | null;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number;
  licensed_area_km2: number | null;
  contract_investment_cny_per_km2_year: number | null;
}

/** A row of investment_reports_insert.sql / investment_reports_list.sql. */
export interface ReportRow {
  id: string;
  block_id: string;
  year: number;
  revision: number;
  amount_cny: number;
  physical_and_research_cny: number;
  breakdown: Record<string, number>;
  note: string | null;
  document_no: string | null;
  submitted_by: string;
  role: string;
  submitted_at: string;
  synthetic: boolean;
}

interface LedgerRow {
  year: number;
  amount_cny: number;
  report_id: string | null;
  first_filed_on: string | null;
}

export interface Actor {
  principal: Principal;
  tree: AuthorityTree;
  request_id: string | null;
}

export interface ReportBody {
  year: number;
  breakdown: InvestmentBreakdown;
  amount_cny?: number;
  note?: string;
  document_no?: string;
}

/** Does 273号令 第十六条 set this block's minimum (a CBM exploration right)? */
const applies = (b: InvestmentBlock) => b.kind === 'exploration' && b.mineral === 'cbm';

async function blockOf(db: Queryable, id: string): Promise<InvestmentBlock> {
  const b = (await db.named<InvestmentBlock>('investment_block', [id])).rows[0];
  if (!b) throw notFound('block', id);
  return b;
}

/** 401/403 unless the caller may read (and file) the block's confidential investment records. */
function assertMay(who: Actor, b: InvestmentBlock) {
  if (who.principal.role === 'public') throw unauthenticated();
  if (!maySeeConfidential(who.tree, who.principal, b)) throw forbidden(say(AUTH_SAY, 'FORBIDDEN_HOLDER', { block: b.id }));
}

/** The year's minimum on the block's record (contract standard when on record, licensed area on record). */
export function yearMinimum(b: InvestmentBlock, year: number) {
  return annualMinimum({
    year,
    first_registration_date: b.first_registration_date!,
    area_km2: b.licensed_area_km2 ?? b.area_km2,
    valid_to: b.valid_to,
    contract_rate_cny_per_km2_year: b.contract_investment_cny_per_km2_year,
  });
}

/** The term's running shortfall as the extension assessment computes it (the same ledger, the same function). */
async function termShortfall(db: Queryable, b: InvestmentBlock, on: string) {
  if (!applies(b) || !b.valid_from || !b.valid_to || !b.first_registration_date) return null;
  const inv = (await assessBlock(db, b.id, on)).result.investment;
  if (!inv) return null;
  return {
    valid_from: b.valid_from,
    valid_to: b.valid_to,
    required_cny: inv.total_cny,
    actual_cny: inv.actual_cny,
    unfinished_ratio: inv.unfinished_ratio,
  };
}

/** POST /api/blocks/{id}/investment-reports. */
export async function fileReport(db: Db, who: Actor, id: string, body: ReportBody) {
  const b = await blockOf(db, id);
  assertMay(who, b);
  if (b.kind !== 'exploration') throw refuse422(say(M, 'NOT_EXPLORATION', { block: b.id, kind: b.kind }), [{ field: 'id' }]);
  const today = todayInChina();
  if (body.year >= Number(today.slice(0, 4))) throw refuse422(say(M, 'YEAR_NOT_CLOSED', { year: body.year, today }), [{ field: 'year' }]);
  if (b.first_registration_date && body.year < Number(b.first_registration_date.slice(0, 4)))
    throw refuse422(say(M, 'YEAR_BEFORE_REGISTRATION', { year: body.year, first: b.first_registration_date }), [{ field: 'year' }]);
  const items = Object.entries(body.breakdown).filter(([, v]) => v !== undefined);
  if (!items.length) throw refuse422(say(M, 'BREAKDOWN_EMPTY'), [{ field: 'breakdown' }]);
  const totals = breakdownTotals(body.breakdown);
  if (body.amount_cny !== undefined && Math.abs(body.amount_cny - totals.total_cny) > 0.005)
    throw refuse422(say(M, 'BREAKDOWN_MISMATCH', { amount: fmt(body.amount_cny, 2), sum: fmt(totals.total_cny, 2) }), [
      { field: 'amount_cny' },
    ]);
  const p = who.principal;
  const report = await db.transaction(async (tx) => {
    await tx.named('investment_block_lock', [b.id]);
    const before = (await tx.named<LedgerRow>('investment_ledger', [b.id])).rows.find((r) => r.year === body.year) ?? null;
    const row = (
      await tx.named<ReportRow>('investment_reports_insert', [
        b.id,
        body.year,
        totals.total_cny,
        totals.physical_and_research_cny,
        JSON.stringify(Object.fromEntries(items)),
        body.note ?? null,
        body.document_no ?? null,
        p.username,
        p.user_id,
        p.role,
        null,
        false,
      ])
    ).rows[0];
    await tx.named('investments_set_from_report', [b.id, body.year, row.amount_cny, row.id]);
    await appendAudit(tx, {
      principal: p,
      operation: row.revision === 1 ? 'file' : 'refile',
      collection: 'investment_reports',
      item_id: `${b.id}/${body.year}`,
      before: before ? { year: before.year, amount_cny: before.amount_cny, report_id: before.report_id } : null,
      after: row,
      request_id: who.request_id,
    });
    return row;
  });
  const notes: Message[] = [];
  if (report.revision > 1) notes.push(say(M, 'REVISION', { year: report.year, revision: report.revision }));
  let check = null;
  if (applies(b) && b.first_registration_date) {
    const min = yearMinimum(b, report.year);
    const c = checkAnnualInvestment({
      year: report.year,
      minimum_cny: min.minimum_cny,
      reported_cny: report.amount_cny,
      physical_and_research_cny: report.physical_and_research_cny,
    });
    check = { ...c, steps: [totals.step, ...min.steps, ...c.steps], warnings: [...min.warnings, ...c.warnings], readings: min.readings };
  } else notes.push(say(M, 'NOT_273', { mineral: b.mineral }));
  const term = await termShortfall(db, b, today);
  if (!term && applies(b)) notes.push(say(M, 'NO_TERM'));
  return { report, check, term, notes };
}

/** GET /api/blocks/{id}/investment. */
export async function blockInvestment(db: Queryable, who: Actor, id: string, deadlineMmdd = DEFAULT_DEADLINE_MMDD) {
  const b = await blockOf(db, id);
  assertMay(who, b);
  const today = todayInChina();
  const ledger = (await db.named<LedgerRow>('investment_ledger', [b.id])).rows;
  const reports = (await db.named<ReportRow>('investment_reports_list', [b.id])).rows;
  const notes: Message[] = [];
  const years = [];
  if (applies(b) && b.first_registration_date) {
    const first = Number(b.first_registration_date.slice(0, 4));
    const lastClosed = Number(today.slice(0, 4)) - 1;
    const last = b.valid_to ? Math.min(lastClosed, Number(b.valid_to.slice(0, 4))) : lastClosed;
    const byYear = new Map(ledger.map((r) => [r.year, r]));
    for (let y = last; y >= first; y--) {
      const r = byYear.get(y) ?? null;
      const min = yearMinimum(b, y);
      const c = r ? checkAnnualInvestment({ year: y, minimum_cny: min.minimum_cny, reported_cny: r.amount_cny }) : null;
      years.push({
        year: y,
        amount_cny: r?.amount_cny ?? null,
        source: r ? (r.report_id ? ('report' as const) : ('register' as const)) : null,
        report_id: r?.report_id ?? null,
        first_filed_on: r?.first_filed_on ?? null,
        deadline: reportDeadline(y, deadlineMmdd).deadline,
        minimum_cny: min.minimum_cny,
        meets_minimum: c?.meets_minimum ?? null,
        shortfall_ratio: c?.shortfall_ratio ?? null,
        steps: [...min.steps, ...(c?.steps ?? [])],
      });
    }
  } else notes.push(say(M, 'NOT_273', { mineral: b.mineral }));
  const term = await termShortfall(db, b, today);
  if (!term && applies(b)) notes.push(say(M, 'NO_TERM'));
  return {
    block_id: b.id,
    name: b.name,
    holder: b.holder,
    authority: b.authority,
    applies: applies(b),
    deadline_mmdd: deadlineMmdd,
    years,
    reports,
    term,
    notes,
  };
}
