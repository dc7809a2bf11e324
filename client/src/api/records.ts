/**
 * Agreements two rights signed about their overlap (协议, 同意函) and a holder's written commitments over a proposed red
 * line (承诺书), on file: read by the holders of the rights, the regulators overseeing them and admins; recorded and
 * withdrawn by a regulator overseeing the right or an admin (server/records). Without a geometry the server takes the
 * whole overlap.
 */
import { getJson, postJson } from './http';
import type { Agreement, AgreementList, Commitment, CommitmentList, NewAgreement, NewCommitment } from './contract';

const enc = encodeURIComponent;

/** The agreements on file this right is a party to (not withdrawn). */
export const blockAgreements = (blockId: string, signal?: AbortSignal) =>
  getJson<AgreementList>(`/api/agreements?block_id=${enc(blockId)}`, signal);
export const recordAgreement = (body: NewAgreement) => postJson<Agreement>('/api/agreements', body);
export const withdrawAgreement = (id: string, reason: string) => postJson<Agreement>(`/api/agreements/${enc(id)}/withdraw`, { reason });

/** The written commitments on file of this right (not withdrawn). */
export const blockCommitments = (blockId: string, signal?: AbortSignal) =>
  getJson<CommitmentList>(`/api/commitments?block_id=${enc(blockId)}`, signal);
export const recordCommitment = (body: NewCommitment) => postJson<Commitment>('/api/commitments', body);
export const withdrawCommitment = (id: string, reason: string) => postJson<Commitment>(`/api/commitments/${enc(id)}/withdraw`, { reason });
