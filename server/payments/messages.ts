/**
 * The sentences of payments (issue 14 item 4): refusals of the payment routes and the 异常名录 reason for an overdue
 * usage fee, in both languages. Vocabulary names come from server/vocab.
 */
import { AppError, type ErrorDetail } from '../errors';
import { defineMessages, grouped, type Message } from '../i18n/message';
import { label, OBLIGATION_KINDS, PAYMENT_PARTS } from '../vocab';

const kd = (s: string, lang: 'zh' | 'en') => label(OBLIGATION_KINDS, s, lang);
const pt = (s: string, lang: 'zh' | 'en') => label(PAYMENT_PARTS, s, lang);

export const PAYMENT_SAY = defineMessages({
  OBLIGATION_NOT_FOUND: {
    en: (p: { id: string }) => `No payment obligation '${p.id}' is on record (GET /api/blocks/{id}/payments lists a block's)`,
    zh: (p: { id: string }) => `没有缴款义务“${p.id}”（区块的缴款义务见 GET /api/blocks/{id}/payments）`,
  },
  OVERPAYMENT: {
    en: (p: { id: string; part: string; amount: string; outstanding: string; on: string }) =>
      `A payment of ${grouped(p.amount)} CNY exceeds the ${pt(p.part, 'en')} of ${p.id} still unpaid on ${p.on} (${grouped(p.outstanding)} CNY)`,
    zh: (p: { id: string; part: string; amount: string; outstanding: string; on: string }) =>
      `缴款 ${grouped(p.amount)} 元超过 ${p.id} 截至 ${p.on} 尚欠的${pt(p.part, 'zh')}（${grouped(p.outstanding)} 元）`,
  },
  PAID_IN_FUTURE: {
    en: (p: { paid_on: string; today: string }) => `A payment is recorded once made: ${p.paid_on} is after today (${p.today})`,
    zh: (p: { paid_on: string; today: string }) => `缴款须在发生后登记：${p.paid_on} 晚于今日（${p.today}）`,
  },
  FIRST_BELOW_MIN: {
    en: (p: { ratio: string }) =>
      `A listing's first instalment of 出让收益 is at least 20 % of the total (273号令 第三十二条, 000:L3456); ${p.ratio} given`,
    zh: (p: { ratio: string }) => `挂牌出让的首期出让收益不得低于总额的 20%（273号令 第三十二条，000:L3456）；给出的是 ${p.ratio}`,
  },
  FIRST_DUE_REQUIRED: {
    en: () => 'An amount of 出让收益 needs the due date of its first instalment (income_first_due: 30 days from the payment notice)',
    zh: () => '登记出让收益金额须同时给出首期缴款期限（income_first_due：收到缴款通知书之日起 30 日内）',
  },
  INSTALMENTS_SUM: {
    en: (p: { sum: string; rest: string }) =>
      `The instalments after the first sum to ${grouped(p.sum)} CNY; the rest of the total is ${grouped(p.rest)} CNY`,
    zh: (p: { sum: string; rest: string }) => `首期以后各期合计 ${grouped(p.sum)} 元，与总额扣除首期后的 ${grouped(p.rest)} 元不符`,
  },
  INVALID_AMOUNT: {
    en: (p: { field: string }) => `${p.field}: an amount in CNY with at most two decimals (e.g. "73977.60")`,
    zh: (p: { field: string }) => `${p.field}：以元为单位、最多两位小数的金额（如 "73977.60"）`,
  },
  FORBIDDEN_PAYMENTS: {
    en: (p: { block: string }) =>
      `The payments of block ${p.block} are visible to its holder, the regulators overseeing its authority and administrators`,
    zh: (p: { block: string }) => `区块 ${p.block} 的缴款信息仅对其矿业权人、有管辖权的登记机关和管理员可见`,
  },
  NOT_ISSUED: {
    en: (p: { n: number }) =>
      `${p.n} obligation(s) computed from the register and contract are not issued yet (the registration authority issues them)`,
    zh: (p: { n: number }) => `按登记信息和合同计算的 ${p.n} 项缴款义务尚未下达（由登记机关下达）`,
  },
  ISSUED_DIFFERS: {
    en: (p: { key: string; issued: string; computed: string }) =>
      `obligation ${p.key} was issued at ${grouped(p.issued)} CNY; the register now gives ${grouped(p.computed)} CNY — kept as issued`,
    zh: (p: { key: string; issued: string; computed: string }) =>
      `缴款义务 ${p.key} 下达金额 ${grouped(p.issued)} 元；按现登记信息应为 ${grouped(p.computed)} 元——维持已下达金额`,
  },
  // outstanding and days absent: the published (public) form of the abnormal list, without amounts
  USAGE_FEE_OVERDUE: {
    en: (p: { block: string; kind: string; due_date: string; outstanding?: string; days?: number }) =>
      p.outstanding !== undefined
        ? `${kd(p.kind, 'en')} of ${p.block} due ${p.due_date} unpaid: ${grouped(p.outstanding)} CNY, ${p.days} day(s) overdue (contract 第六条: late fee and the 异常名录)`
        : `${kd(p.kind, 'en')} of ${p.block} due ${p.due_date} not paid in time (contract 第六条: late fee and the 异常名录)`,
    zh: (p: { block: string; kind: string; due_date: string; outstanding?: string; days?: number }) =>
      p.outstanding !== undefined
        ? `${p.block} 的${kd(p.kind, 'zh')}（${p.due_date} 到期）未缴 ${grouped(p.outstanding)} 元，逾期 ${p.days} 天（出让合同 第六条：补缴滞纳金并纳入异常名录管理）`
        : `${p.block} 的${kd(p.kind, 'zh')}（${p.due_date} 到期）未按期缴纳（出让合同 第六条：补缴滞纳金并纳入异常名录管理）`,
  },
});

const errorOf = (status: number, code: string, m: Message, details?: ErrorDetail[]) =>
  new AppError(status, code, m.message, m.message_zh, details);

/** 422 with the sentence's own code. */
export const refuse422 = (m: Message, details?: ErrorDetail[]) => errorOf(422, m.code, m, details);
