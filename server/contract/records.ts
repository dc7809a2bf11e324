/**
 * Records on file about rights (issue 14 items 5 and 6): agreements two rights signed about their overlap (协议, 同意函,
 * 承诺), and register status flags on a right (查封 seizure, 抵押 mortgage).
 */
import { z } from 'zod';
import { AGREEMENT_KINDS, AGREEMENT_TERMS, codesOf, COMMITMENT_TERMS, RIGHT_FLAG_KINDS } from '../vocab';
import { defineRoute } from './define';
import { Areal, isoDay } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const recordId = z.object({ id: z.string().min(1).max(40) });
const blockId = z.object({ id: z.string().min(1).max(200) });
const WRITE_403 = ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'];

export const NewAgreementBody = z
  .object({
    kind: z.enum(codesOf(AGREEMENT_KINDS)).default('agreement'),
    parties: z.tuple([text(200), text(200)]).describe('the two rights (block ids) that signed'),
    geometry: Areal.optional().describe(
      'the part of their overlap the agreement covers (CGCS2000 lon/lat); clipped to the overlap; default: the whole overlap',
    ),
    document_no: text(200).describe('document number (文号) of the agreement'),
    signed_on: isoDay,
    valid_from: isoDay.optional().describe('default: signed_on'),
    valid_to: isoDay.optional().describe('last day it holds (inclusive); absent: open-ended'),
    terms: z
      .array(z.enum(codesOf(AGREEMENT_TERMS)))
      .max(10)
      .default([])
      .describe('e.g. gas_before_coal = 先采气、后采煤'),
    note: text(2000).optional(),
  })
  .meta({ id: 'NewAgreement' });

export const Agreement = z
  .object({
    id: z.string(),
    kind: z.enum(codesOf(AGREEMENT_KINDS)),
    parties: z.array(z.object({ block_id: z.string(), holder: z.string().nullable(), authority: z.string().nullable() })),
    geometry: Areal,
    area_km2: z.number().describe('the area covered, km², ellipsoidal'),
    document_no: z.string(),
    signed_on: isoDay,
    valid_from: isoDay,
    valid_to: isoDay.nullable(),
    terms: z.array(z.string()),
    note: z.string().nullable(),
    synthetic: z.boolean(),
    recorded_by: z.string(),
    recorded_at: z.string().describe('ISO 8601 UTC'),
    withdrawn_at: z.string().nullable(),
    withdrawn_by: z.string().nullable(),
    withdrawn_reason: z.string().nullable(),
    in_force: z
      .boolean()
      .describe('counts today (China time) as the conflict check reads it: not withdrawn, valid_from ≤ today ≤ valid_to (open when null)'),
  })
  .meta({ id: 'Agreement' });

export const NewFlagBody = z
  .object({
    kind: z.enum(codesOf(RIGHT_FLAG_KINDS)),
    document_no: text(200).describe('document number of the seizure order or the mortgage record'),
    authority: text(200).describe('the court or authority that seized, or the registry that recorded the mortgage'),
    beneficiary: text(200).optional().describe('mortgage: the mortgagee (抵押权人)'),
    start_on: isoDay,
    end_on: isoDay.optional().describe('last day of the seizure or mortgage term (inclusive); absent: until released'),
    note: text(2000).optional(),
  })
  .meta({ id: 'NewRightFlag' });

export const ReleaseFlagBody = z
  .object({
    released_on: isoDay,
    document_no: text(200).describe('document number of the release (解除查封 / 抵押注销)'),
  })
  .meta({ id: 'ReleaseRightFlag' });

export const RightFlag = z
  .object({
    id: z.string(),
    block_id: z.string(),
    kind: z.enum(codesOf(RIGHT_FLAG_KINDS)),
    document_no: z.string(),
    authority: z.string(),
    beneficiary: z.string().nullable(),
    start_on: isoDay,
    end_on: isoDay.nullable(),
    note: z.string().nullable(),
    synthetic: z.boolean(),
    recorded_by: z.string(),
    recorded_at: z.string(),
    released_on: isoDay.nullable(),
    release_document_no: z.string().nullable(),
    released_by: z.string().nullable(),
    in_force: z.boolean().describe('not released, started and not ended today (China time)'),
  })
  .meta({ id: 'RightFlag' });

export const NewCommitmentBody = z
  .object({
    block_id: text(200).describe('the right that commits (an existing CBM right at extension)'),
    collection: z
      .enum(['redlines', 'protected-areas'])
      .default('redlines')
      .describe('what the commitment is over: only a proposed red line may be kept on one (000 L6185); others are refused, naming why'),
    feature_id: text(200).describe('the red line (or protected area) id'),
    geometry: Areal.optional().describe(
      'the part of their overlap the commitment covers (CGCS2000 lon/lat); clipped to it; default: all of it',
    ),
    document_no: text(200).describe('document number (文号) of the written commitment'),
    signed_on: isoDay,
    valid_from: isoDay.optional().describe('default: signed_on'),
    valid_to: isoDay.optional().describe('last day it holds (inclusive); absent: until the red line is officially delineated'),
    terms: z
      .array(z.enum(codesOf(COMMITMENT_TERMS)))
      .max(10)
      .default(['no_works_in_proposed_redline', 'change_registration_on_delineation'])
      .describe('what the holder undertakes (000 L6185)'),
    note: text(2000).optional(),
  })
  .meta({ id: 'NewCommitment' });

export const Commitment = z
  .object({
    id: z.string(),
    block_id: z.string(),
    redline_id: z.string(),
    holder: z.string().nullable(),
    authority: z.string().nullable(),
    redline_status: z.string().nullable().describe('proposed | official today: an official red line is deducted whatever was committed'),
    geometry: Areal,
    area_km2: z.number().describe('the area covered, km², ellipsoidal'),
    document_no: z.string(),
    signed_on: isoDay,
    valid_from: isoDay,
    valid_to: isoDay.nullable(),
    terms: z.array(z.string()),
    note: z.string().nullable(),
    synthetic: z.boolean(),
    recorded_by: z.string(),
    recorded_at: z.string().describe('ISO 8601 UTC'),
    withdrawn_at: z.string().nullable(),
    withdrawn_by: z.string().nullable(),
    withdrawn_reason: z.string().nullable(),
    in_force: z
      .boolean()
      .describe(
        'counts today (China time) as the conflict check reads it: not withdrawn, valid_from ≤ today ≤ valid_to (open when null), and the red line still proposed',
      ),
  })
  .meta({ id: 'Commitment' });

export const NewConsentBody = z
  .object({
    document_no: text(200).describe('document number of the mortgagee’s written consent (抵押权人同意书)'),
    given_on: isoDay,
    transferee: text(200).optional().describe('the transferee it consents to; absent: any transferee'),
    note: text(2000).optional(),
  })
  .meta({ id: 'NewMortgageConsent' });

export const MortgageConsent = z
  .object({
    id: z.string(),
    flag_id: z.string(),
    document_no: z.string(),
    given_on: isoDay,
    transferee: z.string().nullable(),
    note: z.string().nullable(),
    recorded_by: z.string(),
    recorded_at: z.string(),
    withdrawn_at: z.string().nullable().describe('ISO 8601 UTC; set: taken off record, no longer lets a transfer through'),
    withdrawn_by: z.string().nullable(),
    withdrawn_reason: z.string().nullable(),
  })
  .meta({ id: 'MortgageConsent' });

const agreementTags = ['Agreements'] as const;
const commitmentTags = ['Commitments'] as const;
const flagTags = ['Register flags'] as const;

export const recordRoutes = {
  createAgreement: defineRoute({
    method: 'post',
    path: '/api/agreements',
    summary: 'Record an agreement on file between two rights about their overlap (a regulator overseeing either party, or an admin)',
    description:
      'A check of one party (block_id) then answers agreement_on_file for the part of the overlap with the other party the agreement covers, on the days it holds; the rest of the overlap keeps requires_agreement.',
    tags: agreementTags,
    auth: 'regulator',
    body: { types: ['application/json'], schema: NewAgreementBody },
    badInput: 'INVALID_AGREEMENT',
    responses: { 201: { description: 'recorded; Location header', json: Agreement } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      422: [
        'INVALID_AGREEMENT',
        'AGREEMENT_PARTY_NOT_FOUND',
        'AGREEMENT_SAME_PARTY',
        'AGREEMENT_NO_OVERLAP',
        'AGREEMENT_OUTSIDE_OVERLAP',
        'AGREEMENT_BAD_DATES',
        'GEOMETRY_WRONG_TYPE',
        'GEOMETRY_SELF_INTERSECTION',
      ],
    },
  }),
  listAgreements: defineRoute({
    method: 'get',
    path: '/api/agreements',
    summary: 'Agreements on file (holders: those of their rights; regulators: those of rights they oversee; admins: all)',
    tags: agreementTags,
    auth: 'account',
    query: z.object({
      block_id: text(200).optional().describe('only those this right is a party to'),
      withdrawn: z.enum(['true', 'false']).default('false').describe('include withdrawn ones'),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'newest first', json: z.object({ items: z.array(Agreement) }).meta({ id: 'AgreementList' }) } },
    errors: { 401: ['UNAUTHENTICATED'], 422: ['INVALID_QUERY'] },
  }),
  getAgreement: defineRoute({
    method: 'get',
    path: '/api/agreements/:id',
    summary: 'One agreement on file (the holders of either party, the regulators overseeing either, admins)',
    tags: agreementTags,
    auth: 'account',
    params: recordId,
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the agreement', json: Agreement } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  withdrawAgreement: defineRoute({
    method: 'post',
    path: '/api/agreements/:id/withdraw',
    summary: 'Take an agreement off record from now (checks as at an earlier instant still see it)',
    tags: agreementTags,
    auth: 'regulator',
    params: recordId,
    body: { types: ['application/json'], schema: z.object({ reason: text(2000) }).meta({ id: 'WithdrawAgreement' }) },
    badInput: 'INVALID_AGREEMENT',
    responses: { 200: { description: 'the agreement, withdrawn', json: Agreement } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 404: ['NOT_FOUND'], 409: ['AGREEMENT_WITHDRAWN'], 422: ['INVALID_AGREEMENT'] },
  }),
  blockFlags: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/flags',
    summary: 'Seizures (查封) and mortgages (抵押) recorded on a right — public, as the registry publishes them (000 L2267)',
    tags: flagTags,
    params: blockId,
    query: z.object({ released: z.enum(['true', 'false']).default('true').describe('include released ones') }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'newest first', json: z.object({ items: z.array(RightFlag) }).meta({ id: 'RightFlagList' }) } },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  createFlag: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/flags',
    summary: 'Record a seizure or a mortgage on a right (a regulator overseeing its authority, or an admin)',
    tags: flagTags,
    auth: 'regulator',
    params: blockId,
    body: { types: ['application/json'], schema: NewFlagBody },
    badInput: 'INVALID_FLAG',
    responses: { 201: { description: 'recorded', json: RightFlag } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 404: ['NOT_FOUND'], 422: ['INVALID_FLAG'] },
  }),
  createCommitment: defineRoute({
    method: 'post',
    path: '/api/commitments',
    summary:
      'Record a holder’s written commitment over a proposed ecological red line at extension (a regulator overseeing the right, or an admin)',
    description:
      'PA-5 (2020-07-27 letter 二, 000 L6185): a check of the right then answers commitment_on_file for the part of the overlap the commitment covers, while the red line is proposed; the rest keeps keep_with_commitment. A commitment over a protected area (a nature reserve core zone included) or an official red line is refused with the reason.',
    tags: commitmentTags,
    auth: 'regulator',
    body: { types: ['application/json'], schema: NewCommitmentBody },
    badInput: 'INVALID_COMMITMENT',
    responses: { 201: { description: 'recorded; Location header', json: Commitment } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      422: [
        'INVALID_COMMITMENT',
        'COMMITMENT_BLOCK_NOT_FOUND',
        'COMMITMENT_FEATURE_NOT_FOUND',
        'COMMITMENT_NOT_CURABLE_CORE',
        'COMMITMENT_NOT_CURABLE_PROTECTED',
        'COMMITMENT_NOT_CURABLE_OFFICIAL',
        'COMMITMENT_NOT_CBM',
        'COMMITMENT_NO_OVERLAP',
        'COMMITMENT_OUTSIDE_OVERLAP',
        'COMMITMENT_BAD_DATES',
        'GEOMETRY_WRONG_TYPE',
        'GEOMETRY_SELF_INTERSECTION',
      ],
    },
  }),
  listCommitments: defineRoute({
    method: 'get',
    path: '/api/commitments',
    summary: 'Written commitments on file (holders: those of their rights; regulators: those of rights they oversee; admins: all)',
    tags: commitmentTags,
    auth: 'account',
    query: z.object({
      block_id: text(200).optional().describe('only those of this right'),
      withdrawn: z.enum(['true', 'false']).default('false').describe('include withdrawn ones'),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'newest first', json: z.object({ items: z.array(Commitment) }).meta({ id: 'CommitmentList' }) } },
    errors: { 401: ['UNAUTHENTICATED'], 422: ['INVALID_QUERY'] },
  }),
  getCommitment: defineRoute({
    method: 'get',
    path: '/api/commitments/:id',
    summary: 'One written commitment on file (the right’s holder, the regulators overseeing it, admins)',
    tags: commitmentTags,
    auth: 'account',
    params: recordId,
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the commitment', json: Commitment } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  withdrawCommitment: defineRoute({
    method: 'post',
    path: '/api/commitments/:id/withdraw',
    summary: 'Take a commitment off record from now (checks as at an earlier instant still see it)',
    tags: commitmentTags,
    auth: 'regulator',
    params: recordId,
    body: { types: ['application/json'], schema: z.object({ reason: text(2000) }).meta({ id: 'WithdrawCommitment' }) },
    badInput: 'INVALID_COMMITMENT',
    responses: { 200: { description: 'the commitment, withdrawn', json: Commitment } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 404: ['NOT_FOUND'], 409: ['COMMITMENT_WITHDRAWN'], 422: ['INVALID_COMMITMENT'] },
  }),
  createConsent: defineRoute({
    method: 'post',
    path: '/api/flags/:id/consents',
    summary: 'Record the mortgagee’s consent to the transfer of a mortgaged right (a regulator overseeing the right, or an admin)',
    description:
      'Without it, a holder change of a mortgaged mining right is refused (409 RIGHT_MORTGAGED; 自然资规〔2023〕4号 二（五）3（3）, 001 L9610).',
    tags: flagTags,
    auth: 'regulator',
    params: recordId,
    body: { types: ['application/json'], schema: NewConsentBody },
    badInput: 'INVALID_FLAG',
    responses: { 201: { description: 'recorded', json: MortgageConsent } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      422: ['INVALID_FLAG', 'CONSENT_NOT_MORTGAGE', 'CONSENT_NOT_IN_FORCE'],
    },
  }),
  flagConsents: defineRoute({
    method: 'get',
    path: '/api/flags/:id/consents',
    summary: 'The mortgagee’s consents recorded on a mortgage, newest first (the right’s holder, the regulators overseeing it, admins)',
    tags: flagTags,
    auth: 'account',
    params: recordId,
    badInput: 'INVALID_QUERY',
    responses: {
      200: { description: 'newest first', json: z.object({ items: z.array(MortgageConsent) }).meta({ id: 'MortgageConsentList' }) },
    },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  withdrawConsent: defineRoute({
    method: 'post',
    path: '/api/consents/:id/withdraw',
    summary:
      'Take a mortgagee’s consent off record from now (a regulator overseeing the right, or an admin): a holder change needs one again',
    tags: flagTags,
    auth: 'regulator',
    params: recordId,
    body: { types: ['application/json'], schema: z.object({ reason: text(2000) }).meta({ id: 'WithdrawConsent' }) },
    badInput: 'INVALID_FLAG',
    responses: { 200: { description: 'the consent, withdrawn', json: MortgageConsent } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 404: ['NOT_FOUND'], 409: ['CONSENT_WITHDRAWN'], 422: ['INVALID_FLAG'] },
  }),
  releaseFlag: defineRoute({
    method: 'post',
    path: '/api/flags/:id/release',
    summary: 'Release a seizure (解除查封) or a mortgage (抵押注销) (a regulator overseeing the right, or an admin)',
    tags: flagTags,
    auth: 'regulator',
    params: recordId,
    body: { types: ['application/json'], schema: ReleaseFlagBody },
    badInput: 'INVALID_FLAG',
    responses: { 200: { description: 'the flag, released', json: RightFlag } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 404: ['NOT_FOUND'], 409: ['FLAG_RELEASED'], 422: ['INVALID_FLAG'] },
  }),
};
