/**
 * Licence lifecycle deadlines (R-VAL-1..9, R-RTP-3): expiry, last day to apply for extension,
 * extensions left, proven-reserves → mining and report-then-produce → mining deadlines.
 */
import { addDays, addYears, compareDates, daysBetween, type IsoDate } from './dates';
import { SHANXI_CBM_EFFECTIVE, type RegimeId } from './regimes';
import { STEP as S } from './step-messages';
import { step, type Step } from './steps';
import { defineMessages, say, type Message } from '../i18n/message';

const M = defineMessages({
  LAST_DAYS: {
    en: () => 'deadlines are last days, inclusive; periods of N years end on the corresponding day (民法典 第二百零一条, 第二百零三条)',
    zh: () => '期限均为最后一日（含当日）；N 年期间至对应日届满（民法典 第二百零一条、第二百零三条）',
  },
  EXPIRY: { en: () => 'licence expiry', zh: () => '许可证有效期届满' },
  EXT_APPLY: {
    en: () => 'last day to apply for extension (有效期届满30日前), else the licence lapses',
    zh: () => '申请延续的最后一日（有效期届满30日前），逾期许可证自行废止',
  },
  PROVEN_PRE2020: {
    en: () => 'reserves proven before 2020-05-01: complete conversion to mining before 2023-05-01',
    zh: () => '2020-05-01 前提交探明储量的，应在 2023-05-01 前完成转采',
  },
  PROVEN_3Y: {
    en: () =>
      'proven reserves submitted: complete the mining registration within 3 years, else no further extension (273号令 第二十一条 “3年内未完成转采登记的，探矿权不再延续”)',
    zh: () => '已提交探明储量：3 年内完成转采登记，否则探矿权不再延续（273号令 第二十一条）',
  },
  RTP_5Y: { en: () => 'report-then-produce: mining registration within 5 years', zh: () => '边探边采：5 年内办理采矿登记' },
  VAL4: {
    en: () =>
      'R-VAL-4: a block existing > 15 years on 2020-05-01 gets one 5-year extension; further ones (up to the R-VAL-3 cap of 2) only if proven reserves were submitted',
    zh: () => 'R-VAL-4：截至 2020-05-01 存续超过 15 年的区块可延续 5 年一次；提交探明储量后方可再延续（不超过 R-VAL-3 的两次）',
  },
  NO_LIMIT: {
    en: (p: { regime: string }) => `${p.regime}: no limit on the number of extensions in the text`,
    zh: (p: { regime: string }) => `${p.regime}：文件未限定延续次数`,
  },
  MINING_NO_LIMIT: {
    en: () => 'mining right: extendable while minable resources remain (273号令 第二十三条); no count limit',
    zh: () => '采矿权：资源未采完的可延续（273号令 第二十三条），不限次数',
  },
  NO_FURTHER: {
    en: () => 'no further extension possible: the licence ends at expiry (期满后不再延续)',
    zh: () => '不能再延续：许可证期满后终止（期满后不再延续）',
  },
  NATIONAL_30D: {
    en: () => 'national regimes: the 30-day rule is from 矿产资源勘查区块登记管理办法 第十条 (not in the seed texts)',
    zh: () => '全国规定：30 日规则出自《矿产资源勘查区块登记管理办法》第十条（不在资料原文中）',
  },
  WINDOW_PASSED: {
    en: () => 'the 30-day extension window has passed: the licence will lapse at expiry (自行废止)',
    zh: () => '已过有效期届满前 30 日的申请期限：许可证将于期满自行废止',
  },
  DAYS_LEFT: {
    en: (p: { days: number }) => `${p.days} days left to apply for extension`,
    zh: (p: { days: number }) => `距申请延续截止还有 ${p.days} 天`,
  },
  PROVEN_NATIONAL: {
    en: (p: { regime: string }) =>
      `${p.regime}: the 3-year proven-reserves → mining rule is Shanxi's (273号令 第二十一条); no national equivalent in the sources`,
    zh: (p: { regime: string }) => `${p.regime}：探明储量后 3 年内转采为山西规定（273号令 第二十一条），资料中无全国对应规定`,
  },
  PROVEN_PASSED: {
    en: () => 'R-VAL-6: 3-year proven-reserves → mining deadline passed — the exploration right will not be extended',
    zh: () => 'R-VAL-6：探明储量后 3 年转采期限已过，探矿权不再延续',
  },
  RTP_EARLIER: {
    en: () =>
      'R-VAL-7: with proven reserves submitted, 晋自然资发〔2020〕16号 四（二） requires mining registration within 3 years — the earlier deadline applies',
    zh: () => 'R-VAL-7：已提交探明储量的，晋自然资发〔2020〕16号 四（二）要求 3 年内办理采矿登记，以较早期限为准',
  },
  RTP_PASSED: {
    en: (p: { rule: string; shanxi: boolean }) =>
      `${p.rule}: 5-year report-then-produce deadline passed${p.shanxi ? ' (合同示范文本 第十二条（六）)' : ''}`,
    zh: (p: { rule: string; shanxi: boolean }) => `${p.rule}：边探边采 5 年期限已过${p.shanxi ? '（合同示范文本 第十二条（六））' : ''}`,
  },
});

export interface BlockDatesInput {
  kind: 'exploration' | 'mining';
  valid_from: IsoDate;
  valid_to: IsoDate;
  first_registration_date: IsoDate;
  /** Extensions granted so far (for Shanxi CBM: since 273号令, 2020-05-01). */
  extensions_used: number;
  proven_reserves_submitted_date?: IsoDate;
  report_then_produce_date?: IsoDate;
  /** The block's own regime (required: a coal or oil/gas block is not judged by Shanxi CBM rules, issue 11 item 3). */
  regime: RegimeId;
}

export interface Deadline {
  /** Last day (inclusive) on which the act is still in time. */
  date: IsoDate;
  /** Days from `today` to `date` (negative when passed). */
  days_left: number;
  passed: boolean;
  rule: string;
  citation: string;
  description: Message;
}

export interface BlockDeadlines {
  expiry: Deadline;
  /** Null when no extension is possible. */
  extension_application_deadline: Deadline | null;
  /** Null when the regime sets no limit. */
  extensions_allowed: number | null;
  extensions_left: number | null;
  proven_to_mining_deadline: Deadline | null;
  report_then_produce_mining_deadline: Deadline | null;
  /** The earliest applicable mining-registration deadline. */
  mining_registration_deadline: Deadline | null;
  steps: Step[];
  warnings: Message[];
  readings: Message[];
}

/** Days from `today` to `date` (date − today; negative when `date` has passed). */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return daysBetween(today, date);
}

function deadline(date: IsoDate, today: IsoDate, rule: string, citation: string, description: Message): Deadline {
  const days = daysUntil(date, today);
  return { date, days_left: days, passed: days < 0, rule, citation, description };
}

/** R-VAL-4: did the right exist more than 15 years before 273号令 took effect (2020-05-01)? */
export function isLegacyOver15Years(first_registration_date: IsoDate): boolean {
  return compareDates(addYears(first_registration_date, 15), SHANXI_CBM_EFFECTIVE) < 0;
}

/**
 * Deadlines of a licence block on `today`:
 * - expiry; the last day to apply for extension = expiry − 30 days (R-VAL-2, 273号令 第十五条; mining:
 *   R-VAL-9, 服务指南 1.11.2 / 273号令 第二十三条), otherwise the licence lapses (自行废止);
 * - extensions left: 2 in Shanxi (R-VAL-3), 1 for blocks existing > 15 years on 2020-05-01 (R-VAL-4);
 * - proven reserves → mining within 3 years (R-VAL-6, 273号令 第二十一条), by 2023-04-30 when proven
 *   before 2020-05-01 (晋自然资发〔2020〕11号 五);
 * - report-then-produce → mining registration within 5 years (R-RTP-3, 273号令 第十八条).
 */
export function blockDeadlines(block: BlockDatesInput, today: IsoDate): BlockDeadlines {
  const regime = block.regime;
  const shanxi = regime === 'shanxi-cbm-2020';
  const steps: Step[] = [];
  const warnings: Message[] = [];
  const readings: Message[] = [say(M, 'LAST_DAYS')];

  const expiry = deadline(
    block.valid_to,
    today,
    block.kind === 'mining' ? 'R-VAL-9' : 'R-VAL-1',
    shanxi ? (block.kind === 'mining' ? '273号令 第二十三条' : '273号令 第十五条') : '勘查许可证/采矿许可证 有效期',
    say(M, 'EXPIRY'),
  );
  steps.push(
    step(expiry.rule, expiry.citation, say(S, 'EXPIRY_DAYS'), `${block.valid_to} − ${today} = ${expiry.days_left} d`, expiry.days_left),
  );

  // Extensions allowed / left.
  let allowed: number | null = null;
  if (block.kind === 'exploration' && shanxi) {
    const legacy = isLegacyOver15Years(block.first_registration_date);
    allowed = legacy ? (block.proven_reserves_submitted_date ? 2 : 1) : 2;
    if (legacy) {
      readings.push(say(M, 'VAL4'));
      steps.push(
        step(
          'R-VAL-4',
          '273号令 第十五条第四款',
          say(S, 'LEGACY_ALLOWED'),
          `${block.first_registration_date} + 15 < 2020-05-01 → ${allowed}`,
          allowed,
        ),
      );
    } else {
      steps.push(step('R-VAL-3', '273号令 第十五条', say(S, 'MAX_TWO'), '2 × 5', 2));
    }
  } else if (block.kind === 'exploration') {
    readings.push(say(M, 'NO_LIMIT', { regime }));
  } else {
    readings.push(say(M, 'MINING_NO_LIMIT'));
  }
  const left = allowed === null ? null : Math.max(0, allowed - block.extensions_used);
  if (left !== null)
    steps.push(step('R-VAL-3', '273号令 第十五条', say(S, 'EXTENSIONS_LEFT'), `${allowed} − ${block.extensions_used} = ${left}`, left));

  let ext: Deadline | null = null;
  if (left === 0) {
    warnings.push(say(M, 'NO_FURTHER'));
  } else {
    const last = addDays(block.valid_to, -30);
    const [rule, cit] =
      block.kind === 'mining'
        ? ['R-VAL-9', '山西省自然资源厅行政审批服务指南(2020版) 1.11.2 五']
        : shanxi
          ? ['R-VAL-2', '273号令 第十五条']
          : ['R-VAL-2', '矿产资源勘查区块登记管理办法 第十条'];
    if (!shanxi && block.kind === 'exploration') readings.push(say(M, 'NATIONAL_30D'));
    ext = deadline(last, today, rule, cit, say(M, 'EXT_APPLY'));
    steps.push(step(rule, cit, say(S, 'APPLY_BY'), `${block.valid_to} − 30 d = ${last}; ${ext.days_left} d`, ext.days_left));
    if (ext.passed && !expiry.passed) warnings.push(say(M, 'WINDOW_PASSED'));
    else if (!ext.passed && ext.days_left <= 90) warnings.push(say(M, 'DAYS_LEFT', { days: ext.days_left }));
  }

  // Proven reserves → mining (R-VAL-6) — a Shanxi CBM rule only.
  let proven: Deadline | null = null;
  if (block.kind === 'exploration' && block.proven_reserves_submitted_date && !shanxi) {
    readings.push(say(M, 'PROVEN_NATIONAL', { regime }));
  } else if (block.kind === 'exploration' && block.proven_reserves_submitted_date) {
    const d = block.proven_reserves_submitted_date;
    if (compareDates(d, SHANXI_CBM_EFFECTIVE) < 0) {
      proven = deadline('2023-04-30', today, 'R-VAL-6', '晋自然资发〔2020〕11号 五', say(M, 'PROVEN_PRE2020'));
      steps.push(
        step(
          'R-VAL-6',
          '晋自然资发〔2020〕11号 五',
          say(S, 'PROVEN_PRE2020'),
          `${d} < 2020-05-01 → 2023-04-30; ${proven.days_left} d`,
          proven.days_left,
        ),
      );
    } else {
      const last = addYears(d, 3);
      proven = deadline(last, today, 'R-VAL-6', '273号令 第二十一条', say(M, 'PROVEN_3Y'));
      steps.push(step('R-VAL-6', proven.citation, say(S, 'PROVEN_3Y'), `${d} + 3 = ${last}; ${proven.days_left} d`, proven.days_left));
    }
    if (proven.passed) warnings.push(say(M, 'PROVEN_PASSED'));
  }

  // Report-then-produce (探采合一) → mining within 5 years (R-RTP-3 / R-VAL-7).
  let rtp: Deadline | null = null;
  if (block.kind === 'exploration' && block.report_then_produce_date) {
    const last = addYears(block.report_then_produce_date, 5);
    const [rule, cit] = shanxi
      ? ['R-RTP-3', '273号令 第十八条']
      : regime === 'national-2019'
        ? ['R-N19-RTP', '自然资规〔2019〕7号 六']
        : ['R-N23-RTP', '自然资规〔2023〕6号 六'];
    rtp = deadline(last, today, rule, cit, say(M, 'RTP_5Y'));
    steps.push(step(rule, cit, say(S, 'RTP_5Y'), `${block.report_then_produce_date} + 5 = ${last}; ${rtp.days_left} d`, rtp.days_left));
    if (proven) readings.push(say(M, 'RTP_EARLIER'));
    if (rtp.passed) warnings.push(say(M, 'RTP_PASSED', { rule, shanxi }));
  }
  const candidates = [proven, rtp].filter((d): d is Deadline => d !== null);
  const mining = candidates.length ? candidates.reduce((a, b) => (compareDates(a.date, b.date) <= 0 ? a : b)) : null;

  return {
    expiry,
    extension_application_deadline: ext,
    extensions_allowed: allowed,
    extensions_left: left,
    proven_to_mining_deadline: proven,
    report_then_produce_mining_deadline: rtp,
    mining_registration_deadline: mining,
    steps,
    warnings,
    readings,
  };
}
