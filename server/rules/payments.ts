/**
 * Payment obligations of a Shanxi CBM right and the late fee on them (issue 14 item 4). Pure, no I/O; amounts in 分.
 *
 * - R-INC-2 出让收益 by instalments (273号令 第三十二条第二款, 000:L3456): a right granted by listing (挂牌) pays the
 *   winning bid; the first instalment is at least 20 % of the total, the rest annually during the CBM mining right's
 *   term. The first instalment is due within 30 days of the payment notice, the rest on the dates of the contract
 *   (财综〔2023〕10号 第二十四条, 001:L20716–L20720). (The national rule for other minerals says 10–20 %, 001:L20579–L20581.)
 * - R-FEE-1 exploration-right usage fee (273号令 第三十三条（一）, 000:L3464), R-FEE-2 mining-right usage fee (第三十三条（二）,
 *   000:L3466): computed by server/rules/fees.ts; due each year by the licence's month and day (原则上每年同月同日及以前缴纳,
 *   晋自然资发〔2020〕11号 十五, 000:L4312), or by the contract's day (出让合同 第六条 每年__月__日前, 000:L4432).
 * - R-LATE-1 late fee (财综〔2023〕10号 第三十三条, 001:L20901–L20905): 每日加收千分之二 from the day payment is late, at most the
 *   principal in arrears (不超过欠缴金额本金).
 */
import { defineMessages, grouped, say, type Message } from '../i18n/message';
import { addDays, addYears, compareDates, daysBetween, type IsoDate } from './dates';
import { explorationUsageFee, miningUsageFee } from './fees';
import { explainRegimeForDate } from './regimes';
import { fenOf, yuan } from './money';
import type { Step } from './steps';
import type { OBLIGATION_KINDS, OBLIGATION_STATUSES } from '../vocab';

/** 273号令 in force (its usage fees and instalments apply to obligations falling due from this day). */
export const DECREE_273_IN_FORCE = '2020-05-01';
/** 千分之二 a day (001:L20903). */
export const LATE_FEE_PER_MILLE_PER_DAY = 2;
/** R-INC-2: the first instalment of a listing's 出让收益 is at least 20 % (000:L3456). */
export const LISTING_FIRST_MIN_RATIO = 0.2;

export type ObligationKind = keyof typeof OBLIGATION_KINDS;
export type ObligationStatus = keyof typeof OBLIGATION_STATUSES;

export const PAY_SAY = defineMessages({
  INCOME_FIRST: {
    en: (p: { ratio: string }) => `出让收益 first instalment: ${p.ratio} of the total (listing: at least 20 %)`,
    zh: (p: { ratio: string }) => `出让收益首期：总额的 ${p.ratio}（挂牌出让不得低于 20%）`,
  },
  INCOME_INSTALMENT: {
    en: (p: { n: number; of: number }) => `出让收益 instalment ${p.n} of ${p.of}, by the contract's schedule`,
    zh: (p: { n: number; of: number }) => `出让收益第 ${p.n}/${p.of} 期（按出让合同约定）`,
  },
  INCOME_ANNUAL: {
    en: (p: { n: number; of: number }) => `出让收益 annual instalment ${p.n} of ${p.of} during the mining right's term`,
    zh: (p: { n: number; of: number }) => `出让收益在采矿权有效期内分年度缴纳，第 ${p.n}/${p.of} 期`,
  },
  INCOME_PENDING: {
    en: () => 'remaining 出让收益: payable annually during the CBM mining right’s term, after conversion (no due date yet)',
    zh: () => '剩余出让收益：转采后在煤层气采矿权有效期内分年度缴纳（尚无缴款日期）',
  },
  FIRST_BELOW_MIN: {
    en: (p: { ratio: string }) =>
      `the first instalment on record is ${p.ratio} of the total: below the 20 % a listing requires (273号令 第三十二条)`,
    zh: (p: { ratio: string }) => `登记的首期出让收益为总额的 ${p.ratio}，低于挂牌出让要求的 20%（273号令 第三十二条）`,
  },
  INSTALMENTS_SUM: {
    en: (p: { sum: string; rest: string }) =>
      `the contract's instalments sum to ${grouped(p.sum)} CNY, but the rest after the first is ${grouped(p.rest)} CNY`,
    zh: (p: { sum: string; rest: string }) => `合同约定各期合计 ${grouped(p.sum)} 元，与首期后的剩余 ${grouped(p.rest)} 元不符`,
  },
  EXPLORATION_FEE: {
    en: (p: { year: number }) => `exploration-right usage fee, exploration year ${p.year}`,
    zh: (p: { year: number }) => `探矿权使用费，第 ${p.year} 勘查年度`,
  },
  MINING_FEE: {
    en: (p: { from: string }) => `mining-right usage fee, the year from ${p.from}`,
    zh: (p: { from: string }) => `采矿权使用费，自 ${p.from} 起一年`,
  },
  FEES_FREE: {
    en: (p: { years: number }) => `exploration years 1–${p.years}: usage fee exempt (273号令 第三十三条（一）)`,
    zh: (p: { years: number }) => `第 1–${p.years} 勘查年度免缴探矿权使用费（273号令 第三十三条（一））`,
  },
  BEFORE_273: {
    en: (p: { n: number }) => `${p.n} fee year(s) began before 273号令 took effect (2020-05-01): not scheduled here`,
    zh: (p: { n: number }) => `${p.n} 个缴费年度始于 273号令 施行（2020-05-01）之前，此处不列`,
  },
  NOT_273: {
    en: (p: { mineral: string }) =>
      `the usage fees and instalments of 273号令 apply to Shanxi CBM rights only; none scheduled for this right (${p.mineral})`,
    zh: (p: { mineral: string }) => `273号令 的使用费与分期缴纳仅适用于山西煤层气矿业权；本矿权（${p.mineral}）未列`,
  },
  AREA_CURRENT: {
    en: (p: { km2: string }) => `usage fees on the right's current licensed area, ${p.km2} km², for every year listed`,
    zh: (p: { km2: string }) => `各年度使用费均按现登记面积 ${p.km2} km² 计算`,
  },
  DUE_ANNIVERSARY: {
    en: () => 'each usage fee falls due on the day its fee year begins (the licence’s month and day, 11号 十五)',
    zh: () => '使用费于各缴费年度起始日（许可证载明的同月同日）及以前缴纳（11号 十五）',
  },
  DUE_CONTRACT_DAY: {
    en: (p: { md: string }) => `each usage fee falls due by ${p.md} of the year its fee year begins (contract 第六条)`,
    zh: (p: { md: string }) => `使用费于缴费年度起始当年的 ${p.md} 前缴纳（出让合同 第六条）`,
  },
  LATE_FEE: {
    en: () => 'late fee = Σ unpaid principal × 0.2 % × days late',
    zh: () => '滞纳金 = Σ 欠缴本金 × 千分之二 × 滞纳天数',
  },
  LATE_FEE_CAP: {
    en: () => 'late fee capped at the principal in arrears',
    zh: () => '滞纳金不超过欠缴金额本金',
  },
  LATE_DAY_COUNT: {
    en: (p: { due: string; first: string }) =>
      `day count: ${p.due} is the last day to pay; the late fee runs from ${p.first} (滞纳之日, the day after) through the day of payment, both included`,
    zh: (p: { due: string; first: string }) => `天数：${p.due} 为缴款期限最后一日，自次日 ${p.first}（滞纳之日）起计至缴款当日（含）`,
  },
  LATE_CAP_READING: {
    en: () =>
      '不超过欠缴金额本金 read as the principal unpaid at the due date (payments made later do not lower the cap); 001:L20903–L20905',
    zh: () => '“不超过欠缴金额本金”按缴款期限届满时的欠缴本金理解（此后部分缴纳不降低上限）；001:L20903–L20905',
  },
  LATE_USAGE_FEE: {
    en: () =>
      'usage fees: the contract says late payment owes a late fee "按照规定" (000:L4432) without a rate; the 0.2 % a day of 出让收益 (001:L20903) is applied',
    zh: () => '使用费：出让合同仅约定“按照规定补缴滞纳金”（000:L4432），未载费率；此处比照出让收益按每日千分之二计算（001:L20903）',
  },
});

/** What a schedule reads from the register and the contract on record. */
export interface ScheduleInput {
  kind: 'exploration' | 'mining';
  mineral: string;
  acquisition_method: string | null;
  first_registration_date: IsoDate | null;
  valid_from: IsoDate | null;
  valid_to: IsoDate | null;
  /** the licensed area on record (ellipsoidal km²) */
  area_km2: number;
  terms?: PaymentTerms | null;
}

/** The contract's payment terms on record (payment_terms, migration 020). */
export interface PaymentTerms {
  contract_doc?: string | null;
  /** 'MM-DD': the contract's 每年__月__日前 for usage fees (000:L4432); null: the licence's month and day (000:L4312) */
  usage_fee_due_md?: string | null;
  /** total 出让收益 by amount (a listing's winning bid), in 分 */
  income_total_fen?: number | null;
  /** share of the total in the first instalment (0..1; default 0.2, the least a listing may pay) */
  income_first_ratio?: number | null;
  /** due date of the first instalment (30 days from the payment notice, 001:L20716–L20718) */
  income_first_due?: IsoDate | null;
  /** the contract's dated instalments after the first; none: annually over the mining term (or pending before 转采) */
  income_instalments?: { due_date: IsoDate; amount_fen: number }[] | null;
}

export interface ScheduledObligation {
  /** stable within the block: income-1, income-rest, expl-fee-6, mining-fee-2021-11-02 */
  key: string;
  kind: ObligationKind;
  period_from: IsoDate | null;
  period_to: IsoDate | null;
  /** null: not yet due on any date (the remaining 出让收益 of an exploration right before 转采) */
  due_date: IsoDate | null;
  amount_fen: number;
  rule: string;
  citation: string;
  /** seed line(s) the obligation rests on */
  source: string;
  description: Message;
  steps: Step[];
}

export interface ObligationSchedule {
  obligations: ScheduledObligation[];
  notes: Message[];
  warnings: Message[];
}

const ART32 = '273号令 第三十二条';
const ART33 = '273号令 第三十三条';
const pctText = (r: number) => `${Number((r * 100).toFixed(4))}%`;

/**
 * The obligations of one right from its register data and contract terms: 出让收益 instalments (when the contract
 * records an amount), exploration-right usage fees for each exploration year, mining-right usage fees for each year of
 * the mining term — Shanxi CBM only (273号令), fee years from 2020-05-01.
 */
export function obligationSchedule(b: ScheduleInput): ObligationSchedule {
  const out: ObligationSchedule = { obligations: [], notes: [], warnings: [] };
  const regime = b.valid_to ? explainRegimeForDate(b.valid_to, { province: 'shanxi', mineral: b.mineral }).regime : null;
  if (b.mineral !== 'cbm' || regime !== 'shanxi-cbm-2020') {
    out.notes.push(say(PAY_SAY, 'NOT_273', { mineral: b.mineral }));
    return out;
  }
  const t = b.terms ?? {};
  if (t.income_total_fen) income(b, t, out);
  usageFees(b, t, out);
  return out;
}

function income(b: ScheduleInput, t: PaymentTerms, out: ObligationSchedule) {
  const total = t.income_total_fen!;
  const ratio = t.income_first_ratio ?? LISTING_FIRST_MIN_RATIO;
  if (b.acquisition_method === 'listing' && ratio < LISTING_FIRST_MIN_RATIO)
    out.warnings.push(say(PAY_SAY, 'FIRST_BELOW_MIN', { ratio: pctText(ratio) }));
  const first = Math.round(total * ratio);
  const rest = total - first;
  out.obligations.push({
    key: 'income-1',
    kind: 'transfer_income',
    period_from: null,
    period_to: null,
    due_date: t.income_first_due ?? null,
    amount_fen: first,
    rule: 'R-INC-2',
    citation: `${ART32}；财综〔2023〕10号 第二十四条`,
    source: '000:L3456; 001:L20716-L20720',
    description: say(PAY_SAY, 'INCOME_FIRST', { ratio: pctText(ratio) }),
    steps: [
      {
        rule: 'R-INC-2',
        citation: ART32,
        formula: `${yuan(total)} × ${pctText(ratio)} = ${yuan(first)} CNY`,
        value: first / 100,
        description: say(PAY_SAY, 'INCOME_FIRST', { ratio: pctText(ratio) }),
      },
    ],
  });
  if (rest <= 0) return;
  const restStep = (n: number, of: number, amount: number, d: Message): Step => ({
    rule: 'R-INC-2',
    citation: ART32,
    formula: `${yuan(total)} − ${yuan(first)} = ${yuan(rest)}; ${n}/${of}: ${yuan(amount)} CNY`,
    value: amount / 100,
    description: d,
  });
  if (t.income_instalments?.length) {
    const list = [...t.income_instalments].sort((x, y) => compareDates(x.due_date, y.due_date));
    const sum = list.reduce((a, r) => a + r.amount_fen, 0);
    if (sum !== rest) out.warnings.push(say(PAY_SAY, 'INSTALMENTS_SUM', { sum: yuan(sum), rest: yuan(rest) }));
    list.forEach((r, i) => {
      const d = say(PAY_SAY, 'INCOME_INSTALMENT', { n: i + 2, of: list.length + 1 });
      out.obligations.push({
        key: `income-${i + 2}`,
        kind: 'transfer_income',
        period_from: null,
        period_to: null,
        due_date: r.due_date,
        amount_fen: r.amount_fen,
        rule: 'R-INC-2',
        citation: `${ART32}；财综〔2023〕10号 第二十四条`,
        source: '000:L3456; 001:L20718-L20720',
        description: d,
        steps: [restStep(i + 2, list.length + 1, r.amount_fen, d)],
      });
    });
    return;
  }
  if (b.kind === 'mining' && b.valid_from && b.valid_to) {
    // annually over the mining term: one instalment on each anniversary of its start within the term
    let years = 0;
    while (compareDates(addYears(b.valid_from, years), b.valid_to) < 0) years++;
    const each = Math.floor(rest / years);
    for (let k = 0; k < years; k++) {
      const amount = k === 0 ? rest - each * (years - 1) : each;
      const d = say(PAY_SAY, 'INCOME_ANNUAL', { n: k + 1, of: years });
      out.obligations.push({
        key: `income-${k + 2}`,
        kind: 'transfer_income',
        period_from: addYears(b.valid_from, k),
        period_to: addDays(addYears(b.valid_from, k + 1), -1),
        due_date: addYears(b.valid_from, k),
        amount_fen: amount,
        rule: 'R-INC-2',
        citation: ART32,
        source: '000:L3456',
        description: d,
        steps: [restStep(k + 1, years, amount, d)],
      });
    }
    return;
  }
  const d = say(PAY_SAY, 'INCOME_PENDING');
  out.obligations.push({
    key: 'income-rest',
    kind: 'transfer_income',
    period_from: null,
    period_to: null,
    due_date: null,
    amount_fen: rest,
    rule: 'R-INC-2',
    citation: ART32,
    source: '000:L3456',
    description: d,
    steps: [restStep(1, 1, rest, d)],
  });
}

/** The day a fee year beginning on `start` falls due: that day, or the contract's month-day of the same year. */
function feeDue(start: IsoDate, md: string | null | undefined): IsoDate {
  if (!md) return start;
  const [m, d] = md.split('-').map(Number);
  const y = Number(start.slice(0, 4));
  // 02-29 in a common year: the last day of February
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function usageFees(b: ScheduleInput, t: PaymentTerms, out: ObligationSchedule) {
  if (!b.valid_to) return;
  const md = t.usage_fee_due_md ?? null;
  let before = 0;
  if (b.kind === 'exploration') {
    if (!b.first_registration_date) return;
    let free = 0;
    for (let n = 1; compareDates(addYears(b.first_registration_date, n - 1), b.valid_to) < 0; n++) {
      const start = addYears(b.first_registration_date, n - 1);
      const f = explorationUsageFee({ exploration_year: n, area_km2: b.area_km2 });
      if (f.amount_cny === 0 && n <= 5) {
        free = n;
        continue;
      }
      if (compareDates(start, DECREE_273_IN_FORCE) < 0) {
        before++;
        continue;
      }
      out.obligations.push({
        key: `expl-fee-${n}`,
        kind: 'exploration_usage_fee',
        period_from: start,
        period_to: addDays(addYears(b.first_registration_date, n), -1),
        due_date: feeDue(start, md),
        amount_fen: fenOf(f.amount_cny),
        rule: 'R-FEE-1',
        citation: `${ART33}（一）`,
        source: md ? '000:L3464; 000:L4432' : '000:L3464; 000:L4312',
        description: say(PAY_SAY, 'EXPLORATION_FEE', { year: n }),
        steps: f.steps,
      });
    }
    if (free) out.notes.push(say(PAY_SAY, 'FEES_FREE', { years: free }));
  } else {
    if (!b.valid_from) return;
    for (let k = 0; compareDates(addYears(b.valid_from, k), b.valid_to) < 0; k++) {
      const start = addYears(b.valid_from, k);
      if (compareDates(start, DECREE_273_IN_FORCE) < 0) {
        before++;
        continue;
      }
      const f = miningUsageFee({ area_km2: b.area_km2, years: 1 });
      out.obligations.push({
        key: `mining-fee-${start}`,
        kind: 'mining_usage_fee',
        period_from: start,
        period_to: addDays(addYears(b.valid_from, k + 1), -1),
        due_date: feeDue(start, md),
        amount_fen: fenOf(f.amount_cny),
        rule: 'R-FEE-2',
        citation: `${ART33}（二）`,
        source: md ? '000:L3466; 000:L4432' : '000:L3466; 000:L4312',
        description: say(PAY_SAY, 'MINING_FEE', { from: start }),
        steps: f.steps,
      });
    }
  }
  if (before) out.notes.push(say(PAY_SAY, 'BEFORE_273', { n: before }));
  if (out.obligations.some((o) => o.kind !== 'transfer_income')) {
    out.notes.push(say(PAY_SAY, 'AREA_CURRENT', { km2: b.area_km2.toFixed(4) }));
    out.notes.push(md ? say(PAY_SAY, 'DUE_CONTRACT_DAY', { md }) : say(PAY_SAY, 'DUE_ANNIVERSARY'));
  }
}

/** A payment against an obligation's principal. */
export interface PrincipalPayment {
  paid_on: IsoDate;
  amount_fen: number;
}

export interface LateFeeSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  unpaid_fen: number;
}

export interface LateFee {
  /** the principal unpaid at the end of the due date (the cap) */
  arrears_fen: number;
  /** the principal still unpaid at the end of `on` */
  unpaid_fen: number;
  /** days the principal (or part of it) has been late up to `on` */
  days_late: number;
  /** Σ unpaid × 0.2 % × days, before the cap, rounded to 分 */
  accrued_fen: number;
  /** the late fee owed: accrued, at most the arrears */
  late_fee_fen: number;
  capped: boolean;
  segments: LateFeeSegment[];
  steps: Step[];
  readings: Message[];
}

/**
 * R-LATE-1 (财综〔2023〕10号 第三十三条, 001:L20901–L20905): the late fee on one obligation as at `on`.
 * The due date is the last day to pay; every later day up to `on` (and up to the day the principal is paid, that
 * day included) adds 0.2 % of the principal unpaid on it, in exact 分 (rounded once, half up); the total is at most
 * the principal in arrears at the due date. Payments after `on` are not counted.
 */
export function lateFee(input: { principal_fen: number; due_date: IsoDate; payments: PrincipalPayment[]; on: IsoDate }): LateFee {
  const { principal_fen, due_date, on } = input;
  if (!Number.isSafeInteger(principal_fen) || principal_fen < 0)
    throw new RangeError(`principal must be whole 分 ≥ 0, got ${principal_fen}`);
  const pays = input.payments.filter((p) => compareDates(p.paid_on, on) <= 0).sort((a, b) => compareDates(a.paid_on, b.paid_on));
  const paidBy = (d: IsoDate, strict: boolean) =>
    pays.filter((p) => (strict ? compareDates(p.paid_on, d) < 0 : compareDates(p.paid_on, d) <= 0)).reduce((a, p) => a + p.amount_fen, 0);
  const arrears = Math.max(0, principal_fen - paidBy(due_date, false));
  const unpaid = Math.max(0, principal_fen - paidBy(on, false));
  const segments: LateFeeSegment[] = [];
  const first = addDays(due_date, 1);
  if (arrears > 0 && compareDates(on, first) >= 0) {
    // day d accrues on the principal unpaid before d's own payments (the day of payment counts)
    const cuts = [...new Set(pays.filter((p) => compareDates(p.paid_on, due_date) > 0).map((p) => p.paid_on))];
    let from = first;
    for (const c of [...cuts, on]) {
      if (compareDates(c, from) < 0) continue;
      const owed = Math.max(0, principal_fen - paidBy(from, true));
      if (owed === 0) break;
      segments.push({ from, to: c, days: daysBetween(from, c) + 1, unpaid_fen: owed });
      from = addDays(c, 1);
      if (compareDates(from, on) > 0) break;
    }
  }
  // Σ unpaid × days × 2 / 1000, exact in BigInt, rounded half up once
  const fenDays = segments.reduce((a, s) => a + BigInt(s.unpaid_fen) * BigInt(s.days), 0n);
  const num = fenDays * BigInt(LATE_FEE_PER_MILLE_PER_DAY);
  const accrued = Number((num * 2n + 1000n) / 2000n);
  const late = Math.min(accrued, arrears);
  const days = segments.reduce((a, s) => a + s.days, 0);
  const steps: Step[] = [];
  const readings: Message[] = [];
  if (segments.length) {
    readings.push(say(PAY_SAY, 'LATE_DAY_COUNT', { due: due_date, first }), say(PAY_SAY, 'LATE_CAP_READING'));
    steps.push({
      rule: 'R-LATE-1',
      citation: '财综〔2023〕10号 第三十三条',
      formula: `${segments.map((s) => `${yuan(s.unpaid_fen)} × 0.2% × ${s.days}`).join(' + ')} = ${yuan(accrued)} CNY`,
      value: accrued / 100,
      description: say(PAY_SAY, 'LATE_FEE'),
    });
    steps.push({
      rule: 'R-LATE-1',
      citation: '财综〔2023〕10号 第三十三条',
      formula: `${yuan(accrued)} ${accrued > arrears ? '>' : '≤'} ${yuan(arrears)} → ${yuan(late)} CNY`,
      value: late / 100,
      description: say(PAY_SAY, 'LATE_FEE_CAP'),
    });
  }
  return {
    arrears_fen: arrears,
    unpaid_fen: unpaid,
    days_late: days,
    accrued_fen: accrued,
    late_fee_fen: late,
    capped: accrued > arrears,
    segments,
    steps,
    readings,
  };
}

/** A payment on record against an obligation. */
export interface RecordedPayment extends PrincipalPayment {
  part: 'principal' | 'late_fee';
}

export interface ObligationBalance {
  status: ObligationStatus;
  paid_fen: number;
  outstanding_fen: number;
  late: LateFee;
  late_fee_paid_fen: number;
  late_fee_outstanding_fen: number;
}

/**
 * Where one obligation stands at the end of `on`: principal paid and outstanding (payments up to `on`), its late fee
 * (R-LATE-1, usage fees by the reading LATE_USAGE_FEE), the late fee paid and outstanding, and its status:
 * paid, due (not yet past its due date), overdue (past it with principal unpaid), pending (no due date yet).
 */
export function obligationBalance(
  o: { kind: ObligationKind; amount_fen: number; due_date: IsoDate | null },
  payments: RecordedPayment[],
  on: IsoDate,
): ObligationBalance {
  const upto = payments.filter((p) => compareDates(p.paid_on, on) <= 0);
  const principal = upto.filter((p) => p.part === 'principal');
  const paid = principal.reduce((a, p) => a + p.amount_fen, 0);
  const outstanding = Math.max(0, o.amount_fen - paid);
  const late: LateFee = o.due_date
    ? lateFee({ principal_fen: o.amount_fen, due_date: o.due_date, payments: principal, on })
    : {
        arrears_fen: 0,
        unpaid_fen: outstanding,
        days_late: 0,
        accrued_fen: 0,
        late_fee_fen: 0,
        capped: false,
        segments: [],
        steps: [],
        readings: [],
      };
  if (late.segments.length && o.kind !== 'transfer_income') late.readings.push(say(PAY_SAY, 'LATE_USAGE_FEE'));
  const latePaid = upto.filter((p) => p.part === 'late_fee').reduce((a, p) => a + p.amount_fen, 0);
  const status: ObligationStatus =
    outstanding === 0 ? 'paid' : !o.due_date ? 'pending' : compareDates(on, o.due_date) > 0 ? 'overdue' : 'due';
  return {
    status,
    paid_fen: paid,
    outstanding_fen: outstanding,
    late,
    late_fee_paid_fen: latePaid,
    late_fee_outstanding_fen: Math.max(0, late.late_fee_fen - latePaid),
  };
}
