/**
 * Abnormal-list reasons from the investment ledger (273号令 第四十三、四十四条): the CBM exploration rights of the year
 * whose figure is below the year's minimum, was not filed by the deadline, or was filed late. The figure is the
 * ledger's (investments, 002) — the one the extension assessment reads.
 */
import type { Queryable } from '../db/types';
import { annualMinimum, investmentReasons } from '../rules/annual-investment';
import type { ReasonSource, SourcedReason } from './reasons';

interface StandingRow {
  id: string;
  name: string;
  holder: string | null;
  authority: string | null;
  status: string;
  first_registration_date: string;
  valid_to: string | null;
  area_km2: number;
  licensed_area_km2: number | null;
  contract_investment_cny_per_km2_year: number | null;
  amount_cny: number | null;
  report_id: string | null;
  first_filed_on: string | null;
}

export const investmentSource: ReasonSource = {
  name: 'investment',
  async collect(db: Queryable, q) {
    const rows = (await db.named<StandingRow>('abnormal_investment_standing', [q.year, q.authority])).rows;
    const out: SourcedReason[] = [];
    for (const b of rows) {
      const min = annualMinimum({
        year: q.year,
        first_registration_date: b.first_registration_date,
        area_km2: b.licensed_area_km2 ?? b.area_km2,
        valid_to: b.valid_to,
        contract_rate_cny_per_km2_year: b.contract_investment_cny_per_km2_year,
      });
      if (min.minimum_cny <= 0) continue;
      const reasons = investmentReasons(
        {
          block_id: b.id,
          block_name: b.name,
          year: q.year,
          reported_cny: b.amount_cny,
          minimum_cny: min.minimum_cny,
          first_filed_on: b.first_filed_on,
          deadline: q.deadline,
          on: q.on,
        },
        { figures: q.figures },
      );
      for (const r of reasons)
        out.push({
          holder: b.holder ?? '—',
          block_id: b.id,
          block_name: b.name,
          authority: b.authority,
          reason: { ...r, source: 'investment' },
        });
    }
    return out;
  },
};
