/** The sentences of annual investment filings (issue 14 item 3): refusals and notes, in both languages. */
import { AppError, type ErrorDetail } from '../errors';
import { defineMessages, grouped, type Message } from '../i18n/message';

export const INVESTMENT_SAY = defineMessages({
  NOT_EXPLORATION: {
    en: (p: { block: string; kind: string }) =>
      `block ${p.block} is a ${p.kind} right: annual exploration investment is filed for exploration rights`,
    zh: (p: { block: string; kind: string }) => `区块 ${p.block} 不是探矿权：年度勘查投入只对探矿权填报`,
  },
  BREAKDOWN_EMPTY: {
    en: () => 'the breakdown names no cost: file the itemised costs (273号令 第十七条 各项投入费用明细)',
    zh: () => '投入明细为空：请按各项投入费用填报（273号令 第十七条）',
  },
  BREAKDOWN_MISMATCH: {
    en: (p: { amount: string; sum: string }) => `amount_cny ${p.amount} is not the sum of the breakdown (${p.sum})`,
    zh: (p: { amount: string; sum: string }) => `总投入 ${grouped(p.amount)} 元与各项明细之和 ${grouped(p.sum)} 元不符`,
  },
  YEAR_NOT_CLOSED: {
    en: (p: { year: number; today: string }) => `year ${p.year} has not ended (today is ${p.today}): a year's figure is filed after it`,
    zh: (p: { year: number; today: string }) => `${p.year} 年度尚未结束（今天 ${p.today}）：年度勘查投入须在年度结束后填报`,
  },
  YEAR_BEFORE_REGISTRATION: {
    en: (p: { year: number; first: string }) => `year ${p.year} is before the block's first registration (${p.first})`,
    zh: (p: { year: number; first: string }) => `${p.year} 年早于区块首次登记日期（${p.first}）`,
  },
  NOT_273: {
    en: (p: { mineral: string }) =>
      `273号令 第十六条 sets minimum investment for coal-bed methane exploration only (this right: ${p.mineral}): the figure is kept, no minimum is checked`,
    zh: () => '273号令 第十六条 仅规定煤层气探矿权的最低勘查投入：本区块的填报已记录，不核对最低投入',
  },
  NO_TERM: {
    en: () => 'the block has no current term with dates on record: no running shortfall',
    zh: () => '区块缺少当前有效期日期：无法计算本勘查期未完成比例',
  },
  REVISION: {
    en: (p: { year: number; revision: number }) =>
      `revision ${p.revision} of ${p.year}: it replaces the ledger's figure of the year; the earlier filings are kept`,
    zh: (p: { year: number; revision: number }) => `${p.year} 年度第 ${p.revision} 次填报：替换台账中该年度数额，以往填报保留`,
  },
});

/** 422 with the sentence's own code. */
export const refuse422 = (m: Message, details?: ErrorDetail[]) => new AppError(422, m.code, m.message, m.message_zh, details);
