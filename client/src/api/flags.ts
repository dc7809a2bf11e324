/**
 * A right's register flags (查封 seizure, 抵押 mortgage) and the mortgagee's consents: read by anyone (flags) or by
 * the right's holder, the regulators overseeing it and admins (consents); recorded, released and withdrawn by a
 * regulator overseeing the right or an admin (server/records).
 */
import { getJson, postJson } from './http';
import type { ConsentList, FlagRelease, MortgageConsent, NewConsent, NewRightFlag, RightFlag, RightFlagList } from './contract';

const enc = encodeURIComponent;

/** The flags on the right not released (public, as the registry publishes them). */
export const blockFlags = (blockId: string, signal?: AbortSignal) =>
  getJson<RightFlagList>(`/api/blocks/${enc(blockId)}/flags?released=false`, signal);
export const recordFlag = (blockId: string, body: NewRightFlag) => postJson<RightFlag>(`/api/blocks/${enc(blockId)}/flags`, body);
export const releaseFlag = (flagId: string, body: FlagRelease) => postJson<RightFlag>(`/api/flags/${enc(flagId)}/release`, body);
export const flagConsents = (flagId: string, signal?: AbortSignal) => getJson<ConsentList>(`/api/flags/${enc(flagId)}/consents`, signal);
export const recordConsent = (flagId: string, body: NewConsent) => postJson<MortgageConsent>(`/api/flags/${enc(flagId)}/consents`, body);
export const withdrawConsent = (consentId: string, reason: string) =>
  postJson<MortgageConsent>(`/api/consents/${enc(consentId)}/withdraw`, { reason });
