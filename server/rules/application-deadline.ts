/**
 * The deadline an extension application must meet, checked at submission (issue 14 item 1):
 * a licence's extension must be applied for at least 30 days before it expires.
 *
 * - Shanxi CBM exploration (R-VAL-2): 273号令 第十五条 “煤层气探矿权人应当在勘查许可证有效期届满 30 日前提交延续登记申请
 *   … 逾期未提出延续登记申请的，原勘查许可证到期后自行废止” (seed 000:L3364; repeated in the service guide, 000:L5275).
 * - Other exploration rights (R-VAL-2): the same 30 days from 矿产资源勘查区块登记管理办法 第十条, not in the seed texts;
 *   the service guide repeats it (000:L5381).
 * - Mining rights (R-VAL-9): “采矿权人应当在采矿许可证有效期届满 30 日前，提出申请” (000:L5902).
 *
 * "30 日前" is read as the same reading the deadlines list takes (server/rules/deadlines.ts): the last day to apply is
 * expiry − 30 days, inclusive. Pure: no I/O, dates as YYYY-MM-DD.
 */
import { defineMessages, say } from '../i18n/message';
import { addDays, compareDates, daysBetween, type IsoDate } from './dates';
import type { RegimeId } from './regimes';
import { step, type Step } from './steps';

const M = defineMessages({
  EXTENSION_FILED_BY: {
    en: () => 'an extension is applied for at least 30 days before expiry: last day = expiry − 30 days (inclusive)',
    zh: () => '延续申请应在有效期届满 30 日前提出：最后一日 = 有效期届满日 − 30 日（含当日）',
  },
});

/** How many days before expiry an extension must be applied for. */
export const EXTENSION_NOTICE_DAYS = 30;

export interface FilingInput {
  kind: 'exploration' | 'mining';
  regime: RegimeId;
  /** last day of the licence's term */
  valid_to: IsoDate;
  /** the day the application is submitted (China time) */
  filed_on: IsoDate;
}

export interface FilingCheck {
  in_time: boolean;
  valid_to: IsoDate;
  last_day: IsoDate;
  filed_on: IsoDate;
  /** days from filing to expiry (negative once expired) */
  days_before_expiry: number;
  /** days past the last day (0 when in time) */
  days_late: number;
  rule: string;
  citation: string;
  /** the seed line the rule is read from, `000:Lnnnn` */
  source: string;
  step: Step;
}

/** Which rule, article and seed line the 30-day notice rests on, by kind and regime. */
function basisOf(kind: FilingInput['kind'], regime: RegimeId): { rule: string; citation: string; source: string } {
  if (kind === 'mining') return { rule: 'R-VAL-9', citation: '山西省自然资源厅行政审批服务指南(2020版) 1.11.2 五', source: '000:L5902' };
  if (regime === 'shanxi-cbm-2020') return { rule: 'R-VAL-2', citation: '273号令 第十五条', source: '000:L3364' };
  return { rule: 'R-VAL-2', citation: '矿产资源勘查区块登记管理办法 第十条', source: '000:L5381' };
}

/** Is an extension filed on `filed_on` in time for a licence expiring on `valid_to`? */
export function extensionFiledInTime(p: FilingInput): FilingCheck {
  const last_day = addDays(p.valid_to, -EXTENSION_NOTICE_DAYS);
  const in_time = compareDates(p.filed_on, last_day) <= 0;
  const days_late = in_time ? 0 : daysBetween(last_day, p.filed_on);
  const b = basisOf(p.kind, p.regime);
  return {
    in_time,
    valid_to: p.valid_to,
    last_day,
    filed_on: p.filed_on,
    days_before_expiry: daysBetween(p.filed_on, p.valid_to),
    days_late,
    ...b,
    step: step(
      b.rule,
      b.citation,
      say(M, 'EXTENSION_FILED_BY'),
      `${p.valid_to} − ${EXTENSION_NOTICE_DAYS} d = ${last_day}; ${p.filed_on} ${in_time ? '≤' : '>'} ${last_day}`,
      days_late,
    ),
  };
}
