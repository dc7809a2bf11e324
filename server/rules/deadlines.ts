/**
 * Licence lifecycle deadlines (R-VAL-1..9, R-RTP-3): expiry, last day to apply for extension,
 * extensions left, proven-reserves → mining and report-then-produce → mining deadlines.
 */
import { addDays, addYears, compareDates, daysBetween, type IsoDate } from './dates';
import { SHANXI_CBM_EFFECTIVE, type RegimeId } from './regimes';
import { step, type Step } from './steps';

export interface BlockDatesInput {
  kind: 'exploration' | 'mining';
  valid_from: IsoDate;
  valid_to: IsoDate;
  first_registration_date: IsoDate;
  /** Extensions granted so far (for Shanxi CBM: since 273号令, 2020-05-01). */
  extensions_used: number;
  proven_reserves_submitted_date?: IsoDate;
  report_then_produce_date?: IsoDate;
  /** Default 'shanxi-cbm-2020'. */
  regime?: RegimeId;
}

export interface Deadline {
  /** Last day (inclusive) on which the act is still in time. */
  date: IsoDate;
  /** Days from `today` to `date` (negative when passed). */
  days_left: number;
  passed: boolean;
  rule: string;
  citation: string;
  description: string;
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
  warnings: string[];
  readings: string[];
}

/** Days from `today` to `date` (date − today; negative when `date` has passed). */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return daysBetween(today, date);
}

function deadline(date: IsoDate, today: IsoDate, rule: string, citation: string, description: string): Deadline {
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
  const regime = block.regime ?? 'shanxi-cbm-2020';
  const shanxi = regime === 'shanxi-cbm-2020';
  const steps: Step[] = [];
  const warnings: string[] = [];
  const readings: string[] = [
    'deadlines are last days, inclusive; periods of N years end on the corresponding day (民法典 第二百零一条, 第二百零三条)',
  ];

  const expiry = deadline(
    block.valid_to,
    today,
    block.kind === 'mining' ? 'R-VAL-9' : 'R-VAL-1',
    shanxi ? (block.kind === 'mining' ? '273号令 第二十三条' : '273号令 第十五条') : '勘查许可证/采矿许可证 有效期',
    'licence expiry',
  );
  steps.push(step(expiry.rule, expiry.citation, `expiry ${block.valid_to} − today ${today} = ${expiry.days_left} d`, expiry.days_left));

  // Extensions allowed / left.
  let allowed: number | null = null;
  if (block.kind === 'exploration' && shanxi) {
    const legacy = isLegacyOver15Years(block.first_registration_date);
    allowed = legacy ? (block.proven_reserves_submitted_date ? 2 : 1) : 2;
    if (legacy) {
      readings.push(
        'R-VAL-4: a block existing > 15 years on 2020-05-01 gets one 5-year extension; further ones (up to the R-VAL-3 cap of 2) only if proven reserves were submitted',
      );
      steps.push(
        step('R-VAL-4', '273号令 第十五条第四款', `${block.first_registration_date} + 15 y < 2020-05-01 → allowed ${allowed}`, allowed),
      );
    } else {
      steps.push(step('R-VAL-3', '273号令 第十五条', 'at most 2 extensions of 5 years', 2));
    }
  } else if (block.kind === 'exploration') {
    readings.push(`${regime}: no limit on the number of extensions in the text`);
  } else {
    readings.push('mining right: extendable while minable resources remain (273号令 第二十三条); no count limit');
  }
  const left = allowed === null ? null : Math.max(0, allowed - block.extensions_used);
  if (left !== null) steps.push(step('R-VAL-3', '273号令 第十五条', `left = ${allowed} − ${block.extensions_used} = ${left}`, left));

  let ext: Deadline | null = null;
  if (left === 0) {
    warnings.push('no further extension possible: the licence ends at expiry (期满后不再延续)');
  } else {
    const last = addDays(block.valid_to, -30);
    const [rule, cit] =
      block.kind === 'mining'
        ? ['R-VAL-9', '山西省自然资源厅行政审批服务指南(2020版) 1.11.2 五']
        : shanxi
          ? ['R-VAL-2', '273号令 第十五条']
          : ['R-VAL-2', '矿产资源勘查区块登记管理办法 第十条'];
    if (!shanxi && block.kind === 'exploration')
      readings.push('national regimes: the 30-day rule is from 矿产资源勘查区块登记管理办法 第十条 (not in the seed texts)');
    ext = deadline(last, today, rule, cit, 'last day to apply for extension (有效期届满30日前), else the licence lapses');
    steps.push(step(rule, cit, `${block.valid_to} − 30 d = ${last}; ${ext.days_left} d left`, ext.days_left));
    if (ext.passed && !expiry.passed) warnings.push('the 30-day extension window has passed: the licence will lapse at expiry (自行废止)');
    else if (!ext.passed && ext.days_left <= 90) warnings.push(`${ext.days_left} days left to apply for extension`);
  }

  // Proven reserves → mining (R-VAL-6) — a Shanxi CBM rule only.
  let proven: Deadline | null = null;
  if (block.kind === 'exploration' && block.proven_reserves_submitted_date && !shanxi) {
    readings.push(
      `${regime}: the 3-year proven-reserves → mining rule is Shanxi's (273号令 第二十一条); no national equivalent in the sources`,
    );
  } else if (block.kind === 'exploration' && block.proven_reserves_submitted_date) {
    const d = block.proven_reserves_submitted_date;
    if (compareDates(d, SHANXI_CBM_EFFECTIVE) < 0) {
      proven = deadline(
        '2023-04-30',
        today,
        'R-VAL-6',
        '晋自然资发〔2020〕11号 五',
        'reserves proven before 2020-05-01: complete conversion to mining before 2023-05-01',
      );
      steps.push(
        step(
          'R-VAL-6',
          '晋自然资发〔2020〕11号 五',
          `proven ${d} < 2020-05-01 → before 2023-05-01 (last day 2023-04-30); ${proven.days_left} d`,
          proven.days_left,
        ),
      );
    } else {
      const last = addYears(d, 3);
      proven = deadline(
        last,
        today,
        'R-VAL-6',
        '273号令 第二十一条',
        'proven reserves submitted: apply for mining registration within 3 years, else no further extension',
      );
      steps.push(step('R-VAL-6', proven.citation, `${d} + 3 y = ${last}; ${proven.days_left} d`, proven.days_left));
    }
    if (proven.passed)
      warnings.push('R-VAL-6: 3-year proven-reserves → mining deadline passed — the exploration right will not be extended');
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
    rtp = deadline(last, today, rule, cit, 'report-then-produce: mining registration within 5 years');
    steps.push(step(rule, cit, `${block.report_then_produce_date} + 5 y = ${last}; ${rtp.days_left} d`, rtp.days_left));
    if (proven)
      readings.push(
        'R-VAL-7: with proven reserves submitted, 晋自然资发〔2020〕16号 四（二） requires mining registration within 3 years — the earlier deadline applies',
      );
    if (rtp.passed) warnings.push(`${rule}: 5-year report-then-produce deadline passed${shanxi ? ' (合同示范文本 第十二条（六）)' : ''}`);
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
