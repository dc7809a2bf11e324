/**
 * Response and request types of the public API, taken from the contract the server implements
 * (server/contract). Type-only imports: nothing of the server lands in the bundle.
 */
import type { z } from 'zod';
import type { contract } from '../../../server/contract';
import type { ErrorDetail as ErrorDetailSchema } from '../../../server/contract/common';
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
export type CheckRequest = Partial<Pick<z.output<C['check']['query']>, 'application' | 'applicant' | 'mineral'>>;

export type ExtensionInput = BodyInput<C['assessExtension']>;
export type ExtensionResult = ResponseBody<C['assessExtension']>;
export type StoredBlockAssessment = ResponseBody<C['blockAssessment']>;
export type PlansResult = ResponseBody<C['relinquishmentPlans']>;
export type PlanCandidate = PlansResult['candidates'][number];
export type Deadlines = ResponseBody<C['deadlines']>;
export type DueItem = Deadlines['items'][number];
