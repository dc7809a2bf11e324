/** The sentences of records on file (issue 14 items 5 and 6): refusals of agreements and register flags, in both languages. */
import { AppError, type ErrorDetail } from '../errors';
import { defineMessages, say, type Message } from '../i18n/message';

export const RECORDS_SAY = defineMessages({
  AGREEMENT_PARTY_NOT_FOUND: {
    en: (p: { id: string }) => `Party '${p.id}' is not a right in the register`,
    zh: (p: { id: string }) => `登记库中没有矿业权“${p.id}”`,
  },
  AGREEMENT_SAME_PARTY: {
    en: (p: { id: string }) => `An agreement is between two different rights; both parties are '${p.id}'`,
    zh: (p: { id: string }) => `协议须在两个不同矿业权之间签订，双方均为“${p.id}”`,
  },
  AGREEMENT_NO_OVERLAP: {
    en: (p: { a: string; b: string }) =>
      `Rights '${p.a}' and '${p.b}' do not overlap there: there is no overlap for the agreement to cover`,
    zh: (p: { a: string; b: string }) => `矿业权“${p.a}”与“${p.b}”在该范围内不重叠，协议无可覆盖的重叠区`,
  },
  AGREEMENT_OUTSIDE_OVERLAP: {
    en: (p: { a: string; b: string; outside: string }) =>
      `The polygon given reaches ${p.outside} km² outside the overlap of '${p.a}' and '${p.b}': an agreement covers only their overlap`,
    zh: (p: { a: string; b: string; outside: string }) =>
      `所给范围有 ${p.outside} km² 超出“${p.a}”与“${p.b}”的重叠区：协议只能覆盖双方重叠区`,
  },
  AGREEMENT_BAD_DATES: {
    en: (p: { field: string }) =>
      `${p.field}: an agreement holds from valid_from (on or after it is signed) to valid_to (not before valid_from)`,
    zh: (p: { field: string }) => `${p.field}：协议有效期自 valid_from（不早于签订日）至 valid_to（不早于 valid_from）`,
  },
  AGREEMENT_WITHDRAWN: {
    en: (p: { id: string }) => `Agreement ${p.id} is already withdrawn`,
    zh: (p: { id: string }) => `协议 ${p.id} 已撤销`,
  },
  AGREEMENT_NOT_FOUND: {
    en: (p: { id: string }) => `agreement '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到协议“${p.id}”`,
  },
  FORBIDDEN_AGREEMENT: {
    en: (p: { id: string }) =>
      `Agreement ${p.id} is visible to the holders of its two rights, the regulators overseeing either, and administrators`,
    zh: (p: { id: string }) => `协议 ${p.id} 仅对双方矿业权人、对任一方有管辖权的登记机关和管理员可见`,
  },
  FORBIDDEN_AGREEMENT_WRITE: {
    en: (p: { authority: string; a: string; b: string }) =>
      `Your authority (${p.authority}) oversees neither '${p.a}' nor '${p.b}': an agreement is recorded by a regulator overseeing one of its rights, or an administrator`,
    zh: (p: { authority: string; a: string; b: string }) =>
      `您所在机关（${p.authority}）对“${p.a}”和“${p.b}”均无管辖权：协议须由对任一方有管辖权的登记机关或管理员登记`,
  },
  FLAG_BAD_DATES: {
    en: (p: { field: string }) => `${p.field}: a flag ends (end_on) or is released (released_on) on or after the day it starts (start_on)`,
    zh: (p: { field: string }) => `${p.field}：结束日（end_on）或解除日（released_on）不得早于起始日（start_on）`,
  },
  FLAG_RELEASED: {
    en: (p: { id: string }) => `Flag ${p.id} is already released`,
    zh: (p: { id: string }) => `登记状态 ${p.id} 已解除`,
  },
  FLAG_NOT_FOUND: {
    en: (p: { id: string }) => `flag '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到登记状态记录“${p.id}”`,
  },
});

export const refuse = (status: number, m: Message, details?: ErrorDetail[]) =>
  new AppError(status, m.code, m.message, m.message_zh, details);
export const notFoundRecord = (code: 'AGREEMENT_NOT_FOUND' | 'FLAG_NOT_FOUND', id: string) => {
  const m = say(RECORDS_SAY, code, { id });
  return new AppError(404, 'NOT_FOUND', m.message, m.message_zh, [{ field: 'id' }]);
};
