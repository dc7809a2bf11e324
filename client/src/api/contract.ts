/**
 * Response and request types of the public API, taken from the contract the server implements
 * (server/contract). Type-only imports: nothing of the server lands in the bundle.
 */
import type { z } from 'zod';
import type { contract } from '../../../server/contract';
import type { ErrorDetail as ErrorDetailSchema, Message as MessageSchema, Step as StepSchema } from '../../../server/contract/common';
import type { BodyInput, ResponseBody } from '../../../server/contract/define';
import type { BlockProperties } from '../../../server/contract/ogc';

type C = typeof contract;

export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export type Feature<P = Record<string, unknown>> = Omit<ResponseBody<C['item']>, 'properties'> & { properties: P };
export type FeatureCollection<P = Record<string, unknown>> = Omit<ResponseBody<C['items']>, 'features'> & { features: Feature<P>[] };
export type BlockProps = z.infer<typeof BlockProperties>;

export type ParseResult = ResponseBody<C['parse']>;
export type CheckResult = ResponseBody<C['check']>;
export type Conflict = CheckResult['conflicts'][number];
export type Geometry = CheckResult['input']['geometry'];
/** The check's parameters the page sends (query, form fields or JSON members). */
type CheckParamKey = keyof z.input<C['check']['query']> & ('application' | 'applicant' | 'mineral' | 'block_id' | 'zone' | 'crs');
export type CheckRequest = { [K in CheckParamKey]?: string };

export type ExtensionInput = BodyInput<C['assessExtension']>;
/** A page of applications (GET /api/applications). */
export type ApplicationList = ResponseBody<C['listApplications']>;
/** A stored block's assessment (GET or POST /api/blocks/{id}/assessment). */
export type StoredAssessment = ResponseBody<C['blockAssessment']>;
/** Values a user puts in place of the register's (POST /api/blocks/{id}/assessment). */
export type AssessmentOverrides = NonNullable<BodyInput<C['blockAssessmentWithOverrides']>['overrides']>;
export type InputSource = StoredAssessment['input_sources'][number];
export type ExtensionResult = ResponseBody<C['assessExtension']>;
export type PlansResult = ResponseBody<C['relinquishmentPlans']>;
export type PlanCandidate = PlansResult['candidates'][number];
/** The register's changes in an area after an instant (GET /api/changes). */
export type ChangeList = ResponseBody<C['changes']>;
export type RegisterChange = ChangeList['features'][number];
export type Deadlines = ResponseBody<C['deadlines']>;
export type DueItem = Deadlines['items'][number];
export type PaymentStatement = ResponseBody<C['blockPayments']>;
/** Seizures and mortgages recorded on a right (GET /api/blocks/{id}/flags). */
export type RightFlagList = ResponseBody<C['blockFlags']>;
export type RightFlag = RightFlagList['items'][number];
export type NewRightFlag = BodyInput<C['createFlag']>;
export type FlagRelease = BodyInput<C['releaseFlag']>;
/** The mortgagee's consents recorded on a mortgage (GET /api/flags/{id}/consents). */
export type ConsentList = ResponseBody<C['flagConsents']>;
export type MortgageConsent = ConsentList['items'][number];
export type NewConsent = BodyInput<C['createConsent']>;
/** Agreements two rights signed about their overlap, on file (GET /api/agreements?block_id=). */
export type AgreementList = ResponseBody<C['listAgreements']>;
export type Agreement = AgreementList['items'][number];
export type NewAgreement = BodyInput<C['createAgreement']>;
/** A holder's written commitments over proposed red lines, on file (GET /api/commitments?block_id=). */
export type CommitmentList = ResponseBody<C['listCommitments']>;
export type Commitment = CommitmentList['items'][number];
export type NewCommitment = BodyInput<C['createCommitment']>;

/** A sentence from the server: `{ code, params, message, message_zh }` (server/i18n/message.ts). */
export type Message = z.infer<typeof MessageSchema>;
/** A sentence that may still be a plain string (planner reasons, step formulas). */
export type ServerText = Message | string;
/** A rule or derived step: rule, citation, the arithmetic, the value, and what it is. */
export type ExtensionStep = z.infer<typeof StepSchema>;
