import { AppError, type ErrorDetail } from '../errors';
import { defineMessages, say, type Message } from '../i18n/message';

/** Refusals of feature writes under optimistic locking (OGC API – Features Part 4) and of PATCH bodies. */
export const FEATURE_SAY = defineMessages({
  PRECONDITION_REQUIRED: {
    en: (p: { id: string }) =>
      `Changing feature '${p.id}' needs If-Match with the ETag from GET of the item (so a change made by someone else since is not overwritten)`,
    zh: (p) => `修改要素“${p.id}”须在 If-Match 中带上读取该要素（GET）时返回的 ETag，以免覆盖他人在此期间所作的修改`,
  },
  PRECONDITION_ANY_REFUSED: {
    en: (p: { id: string }) => `If-Match: * does not protect feature '${p.id}' against lost updates; send the ETag from GET of the item`,
    zh: (p) => `If-Match: * 不能防止覆盖他人对要素“${p.id}”的修改，请带上读取该要素（GET）时返回的 ETag`,
  },
  PRECONDITION_FAILED: {
    en: (p: { id: string; current_etag: string }) =>
      `Feature '${p.id}' has changed since you read it (it is now ${p.current_etag}); read it again, apply your change and retry`,
    zh: (p) => `要素“${p.id}”在您读取之后已被修改（当前版本 ${p.current_etag}），请重新读取、再次修改后重试`,
  },
  PATCH_NOT_OBJECT: {
    en: () => 'A PATCH body is a JSON merge patch (RFC 7396) of the feature: an object with properties and/or geometry',
    zh: () => 'PATCH 请求体须为要素的 JSON 合并补丁（RFC 7396）：包含 properties 和/或 geometry 的对象',
  },
  PATCH_MEMBER_NOT_ALLOWED: {
    en: (p: { member: string }) => `A PATCH may change properties and geometry only, not "${p.member}"`,
    zh: (p) => `PATCH 只能修改 properties 和 geometry，不能修改“${p.member}”`,
  },
  RIGHT_SEIZED: {
    en: (p: { id: string; change: string; document_no: string; authority: string; lost_km2: string }) =>
      `Right '${p.id}' is seized (${p.document_no}, ${p.authority}): ${p.change === 'holder_change' ? 'its holder cannot change (no transfer)' : p.change === 'cancellation' ? 'it cannot be cancelled' : `its area cannot be reduced (the new geometry leaves out ${p.lost_km2} km²)`} until the seizure is released`,
    zh: (p) =>
      `矿业权“${p.id}”已被查封（${p.document_no}，${p.authority}）：解封前${p.change === 'holder_change' ? '不得变更矿业权人（转让）' : p.change === 'cancellation' ? '不得注销' : `不得缩减范围（新范围减少 ${p.lost_km2} km²）`}`,
  },
  RIGHT_MORTGAGED: {
    en: (p: { id: string; document_no: string; beneficiary: string }) =>
      `Mining right '${p.id}' is mortgaged (${p.document_no}, mortgagee ${p.beneficiary}): its holder cannot change (no transfer) without the mortgagee's consent on file (自然资规〔2023〕4号 二（五）3（3）, 001 L9610; POST /api/flags/{id}/consents)`,
    zh: (p: { id: string; document_no: string; beneficiary: string }) =>
      `采矿权“${p.id}”处于抵押备案状态（${p.document_no}，抵押权人 ${p.beneficiary}）：未经抵押权人同意（同意书未登记在案），不得变更矿业权人（转让）（自然资规〔2023〕4号 二（五）3（3））`,
  },
  PATCH_REMOVES_GEOMETRY: {
    en: () => 'A feature cannot lose its geometry (geometry: null in the patch)',
    zh: () => '要素不能没有几何（补丁中 geometry 为 null）',
  },
});

export const errorOf = (status: number, m: Message, details?: ErrorDetail[]) =>
  new AppError(status, m.code, m.message, m.message_zh, details);

export const preconditionRequired = (id: string, any = false) =>
  errorOf(428, { ...say(FEATURE_SAY, any ? 'PRECONDITION_ANY_REFUSED' : 'PRECONDITION_REQUIRED', { id }), code: 'PRECONDITION_REQUIRED' }, [
    { field: 'If-Match' },
  ]);

export const preconditionFailed = (id: string, current_etag: string) =>
  errorOf(412, say(FEATURE_SAY, 'PRECONDITION_FAILED', { id, current_etag }), [{ field: 'If-Match', current_etag }]);
