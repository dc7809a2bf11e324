/**
 * Every step speaks both languages (issue 9): its description is a Message, and its formula is arithmetic only —
 * numbers, dates, operators, units and one-letter variables — so the Chinese page shows no English in the trail.
 */
import { describe, expect, it } from 'vitest';
import { isMessage } from '../i18n/message';
import {
  assessExtension,
  blockDeadlines,
  covidInvestmentReduction,
  covidTermExtension,
  explorationUsageFee,
  minimumInvestmentSchedule,
  unfinishedRatio,
  type Step,
} from '.';
import { checkInvestmentComposition } from './investment';
import { miningUsageFee, protectedAreaRefund, transferIncome } from './fees';

/** Latin tokens a formula may hold: units and one-letter variables. */
const UNITS = new Set(['km', 'km²', 'CNY']);
function wordsIn(formula: string): string[] {
  return [...formula.matchAll(/[A-Za-z][A-Za-z²]*/g)].map((m) => m[0]).filter((w) => w.length > 1 && !UNITS.has(w));
}

function steps(): Step[] {
  const out: Step[] = [];
  const ext = (x: Record<string, unknown>) =>
    out.push(
      ...assessExtension({
        regime: 'shanxi-cbm-2020',
        licensed_area_km2: 268.752,
        proven_reserve_area_km2: 58.91,
        unfinished_ratio: 0.1,
        ...x,
      } as never).steps,
    );
  ext({});
  ext({ unfinished_ratio: 0.4 });
  ext({ unfinished_ratio: 0.6 });
  ext({ extensions_used: 2 });
  ext({ years_existing: 20, extensions_used: 1 });
  ext({ valid_to: '2021-03-28', application_date: '2021-03-01', proven_reserves_submitted_date: '2015-01-01' });
  ext({ valid_to: '2019-12-31' });
  ext({ contract: { exemption_reading: 'or', signed: true, committed_investment_completed: true } });
  ext({ contract: { agreed_reduction_ratio: 0.1 } });
  ext({ contract: { committed_completion_ratio: 0.2 } });
  ext({ contract: { committed_completion_ratio: 0.6, contract_reduction_ratio: 0.3 } });
  ext({ contract: { base_reading: 'first_registration' }, first_registration_area_km2: 300, extensions_used: 1 });
  ext({ acquisition_method: 'listing', unfinished_ratio: 0.7 });
  ext({ proven_reserve_area_km2: 260 });
  ext({ regime: 'national-2019' });
  ext({ regime: 'national-2019', deep_or_upper_of_own_mining_right: true });
  ext({ regime: 'national-2023', force_majeure_area_km2: 10 });
  ext({ regime: 'national-2023', deep_or_upper_of_own_mining_right: true });
  const sched = minimumInvestmentSchedule({ first_registration_date: '2001-03-01', area_km2: 100, from: '2018-09-09', to: '2020-09-08' });
  out.push(...sched.steps);
  out.push(...unfinishedRatio(1000, 2000, { covid_reduction_cny: 100 }).steps, ...unfinishedRatio(0, 0).steps);
  out.push(...checkInvestmentComposition({ total_cny: 100, physical_and_research_cny: 50 }).steps);
  out.push(
    ...explorationUsageFee({ exploration_year: 3, area_km2: 10 }).steps,
    ...explorationUsageFee({ exploration_year: 14, area_km2: 10 }).steps,
  );
  out.push(...miningUsageFee({ area_km2: 82.144 }).steps, ...transferIncome({ annual_sales_cny: 1e6 }).steps);
  out.push(...protectedAreaRefund({ paid_income_cny: 100, occupied_area_km2: 1, block_area_km2: 10 }).steps);
  out.push(...covidTermExtension({ valid_from: '2019-01-01', valid_to: '2021-03-28' }).steps);
  out.push(...covidInvestmentReduction({ valid_from: '2019-01-01', valid_to: '2021-03-28', area_km2: 100 }).steps);
  out.push(
    ...blockDeadlines(
      {
        kind: 'exploration',
        regime: 'shanxi-cbm-2020',
        valid_to: '2026-03-28',
        first_registration_date: '1999-03-01',
        extensions_used: 0,
        proven_reserves_submitted_date: '2019-03-01',
        report_then_produce_date: '2022-01-01',
      } as never,
      '2025-12-01',
    ).steps,
  );
  return out;
}

describe('rule steps in both languages', () => {
  const all = steps();
  it('collects a broad trail', () => expect(all.length).toBeGreaterThan(60));
  it('every step has a description Message with a Chinese sentence', () => {
    for (const s of all) {
      expect(isMessage(s.description), `${s.rule} ${s.formula}`).toBe(true);
      expect(s.description.message_zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('every formula is arithmetic only (no English words)', () => {
    for (const s of all) expect(wordsIn(s.formula), `${s.rule}: ${s.formula}`).toEqual([]);
  });
  it('descriptions in Chinese hold no raw keys or English words (rule ids and units aside)', () => {
    for (const s of all) expect(wordsIn(s.description.message_zh.replace(/R-[A-Z0-9-]+/g, '')), s.description.message_zh).toEqual([]);
  });
});
