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
  // ---- written commitments over proposed red lines (PA-5, 000 L6185)
  COMMITMENT_BLOCK_NOT_FOUND: {
    en: (p: { id: string }) => `Block '${p.id}' is not a right in the register`,
    zh: (p: { id: string }) => `登记库中没有矿业权“${p.id}”`,
  },
  COMMITMENT_FEATURE_NOT_FOUND: {
    en: (p: { collection: string; id: string }) => `${p.collection} '${p.id}' is not in the register`,
    zh: (p: { collection: string; id: string }) => `登记库中没有 ${p.collection}“${p.id}”`,
  },
  COMMITMENT_NOT_CURABLE_CORE: {
    en: (p: { id: string }) =>
      `'${p.id}' is the core zone of a nature reserve: nothing there rests on a commitment — an existing CBM exploration right may continue exploring, a mining right may not work there (273号令 第三十一条, 000 L3446); a written commitment keeps only a proposed ecological red line at extension (000 L6185)`,
    zh: (p: { id: string }) =>
      `“${p.id}”为自然保护区核心保护区，不能以承诺保留：已设煤层气探矿权可以继续勘查，采矿权不得在其内开采（273号令 第三十一条，000 L3446）；书面承诺仅适用于延续时涉及的拟划生态保护红线（000 L6185）`,
  },
  COMMITMENT_NOT_CURABLE_PROTECTED: {
    en: (p: { id: string; category: string }) =>
      `'${p.id}' (${p.category}) is a protected area: at extension it is deducted (晋自然资发〔2020〕11号 十, 000 L4292-4294) or protected in place, never kept on a commitment; a written commitment keeps only a proposed ecological red line (000 L6185)`,
    zh: (p: { id: string; category: string }) =>
      `“${p.id}”（${p.category}）为保护地：延续时予以扣减（晋自然资发〔2020〕11号 十，000 L4292-4294）或避让保护，不能以承诺保留；书面承诺仅适用于拟划生态保护红线（000 L6185）`,
  },
  COMMITMENT_NOT_CURABLE_OFFICIAL: {
    en: (p: { id: string }) =>
      `Red line '${p.id}' is officially delineated: it is deducted and the right changed by a change registration; a written commitment keeps only a proposed red line (000 L6185)`,
    zh: (p: { id: string }) => `生态保护红线“${p.id}”已正式划定：应扣减并办理变更登记；书面承诺仅适用于拟划生态保护红线（000 L6185）`,
  },
  COMMITMENT_NOT_CBM: {
    en: (p: { id: string; mineral: string }) =>
      `'${p.id}' is a ${p.mineral} right: the written commitment over a proposed red line is given for an existing CBM right at extension (000 L6185)`,
    zh: (p: { id: string; mineral: string }) =>
      `“${p.id}”为${p.mineral}矿业权：拟划生态保护红线书面承诺适用于已设煤层气矿业权延续（000 L6185）`,
  },
  COMMITMENT_NO_OVERLAP: {
    en: (p: { block: string; redline: string }) =>
      `Right '${p.block}' and red line '${p.redline}' do not overlap there: nothing for the commitment to cover`,
    zh: (p: { block: string; redline: string }) => `矿业权“${p.block}”与红线“${p.redline}”在该范围内不重叠，承诺无可覆盖的范围`,
  },
  COMMITMENT_OUTSIDE_OVERLAP: {
    en: (p: { block: string; redline: string; outside: string }) =>
      `The polygon given reaches ${p.outside} km² outside the overlap of '${p.block}' and red line '${p.redline}': a commitment covers only their overlap`,
    zh: (p: { block: string; redline: string; outside: string }) =>
      `所给范围有 ${p.outside} km² 超出“${p.block}”与红线“${p.redline}”的重叠区：承诺只能覆盖二者重叠区`,
  },
  COMMITMENT_BAD_DATES: {
    en: (p: { field: string }) =>
      `${p.field}: a commitment holds from valid_from (on or after it is signed) to valid_to (not before valid_from)`,
    zh: (p: { field: string }) => `${p.field}：承诺有效期自 valid_from（不早于签署日）至 valid_to（不早于 valid_from）`,
  },
  COMMITMENT_WITHDRAWN: {
    en: (p: { id: string }) => `Commitment ${p.id} is already withdrawn`,
    zh: (p: { id: string }) => `承诺 ${p.id} 已撤销`,
  },
  COMMITMENT_NOT_FOUND: {
    en: (p: { id: string }) => `commitment '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到承诺“${p.id}”`,
  },
  FORBIDDEN_COMMITMENT: {
    en: (p: { id: string }) => `Commitment ${p.id} is visible to the holder of its right, the regulators overseeing it, and administrators`,
    zh: (p: { id: string }) => `承诺 ${p.id} 仅对其矿业权人、有管辖权的登记机关和管理员可见`,
  },
  FORBIDDEN_COMMITMENT_WRITE: {
    en: (p: { authority: string; block: string }) =>
      `Your authority (${p.authority}) does not oversee '${p.block}': a commitment is recorded by a regulator overseeing the right, or an administrator`,
    zh: (p: { authority: string; block: string }) =>
      `您所在机关（${p.authority}）对“${p.block}”无管辖权：承诺须由有管辖权的登记机关或管理员登记`,
  },
  // ---- mortgagees' consents (自然资规〔2023〕4号 二（五）3（3）, 001 L9610)
  CONSENT_NOT_MORTGAGE: {
    en: (p: { id: string }) => `Flag ${p.id} is not a mortgage: a consent is the mortgagee's (抵押权人同意)`,
    zh: (p: { id: string }) => `登记状态 ${p.id} 不是抵押：同意书由抵押权人出具`,
  },
  CONSENT_WITHDRAWN: {
    en: (p: { id: string }) => `Consent ${p.id} is already withdrawn`,
    zh: (p: { id: string }) => `抵押权人同意 ${p.id} 已撤销`,
  },
  CONSENT_NOT_FOUND: {
    en: (p: { id: string }) => `consent '${p.id}' not found`,
    zh: (p: { id: string }) => `未找到抵押权人同意记录“${p.id}”`,
  },
  CONSENT_NOT_IN_FORCE: {
    en: (p: { id: string }) => `Mortgage ${p.id} is released: no consent is needed`,
    zh: (p: { id: string }) => `抵押 ${p.id} 已注销，无需抵押权人同意`,
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
export const notFoundRecord = (
  code: 'AGREEMENT_NOT_FOUND' | 'FLAG_NOT_FOUND' | 'COMMITMENT_NOT_FOUND' | 'CONSENT_NOT_FOUND',
  id: string,
) => {
  const m = say(RECORDS_SAY, code, { id });
  return new AppError(404, 'NOT_FOUND', m.message, m.message_zh, [{ field: 'id' }]);
};
