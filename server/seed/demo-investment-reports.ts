/**
 * The demo's annual investment filings (data/demo/investment_reports.json, synthetic): each goes through the same
 * queries as a filing over the API (a revision in investment_reports, the year's figure of the ledger), with the day
 * it was filed, marked synthetic.
 */
import { readFileSync } from 'node:fs';
import type { Queryable } from '../db/types';
import { breakdownTotals, type InvestmentBreakdown } from '../rules/annual-investment';

interface DemoReport {
  block_id: string;
  year: number;
  breakdown: InvestmentBreakdown;
  submitted_at: string;
  document_no?: string;
  note?: string;
}

export async function loadDemoInvestmentReports(tx: Queryable, path: string): Promise<number> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { synthetic: boolean; reports: DemoReport[] };
  if (doc.synthetic !== true) throw new Error(`${path}: demo filings must be marked synthetic`);
  for (const r of doc.reports) {
    const t = breakdownTotals(r.breakdown);
    const row = (
      await tx.named<{ id: string; amount_cny: number }>('investment_reports_insert', [
        r.block_id,
        r.year,
        t.total_cny,
        t.physical_and_research_cny,
        JSON.stringify(r.breakdown),
        r.note ?? null,
        r.document_no ?? null,
        'demo-holder',
        null,
        'holder',
        r.submitted_at,
        true,
      ])
    ).rows[0];
    await tx.named('investments_set_from_report', [r.block_id, r.year, row.amount_cny, row.id]);
  }
  return doc.reports.length;
}
