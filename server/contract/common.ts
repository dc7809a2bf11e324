/** Shapes shared by many routes: the error body, sentences, GeoJSON (RFC 7946), links, dates. */
import { z } from 'zod';

import { isoDay, isRealDay, ISO_DAY_MAX, ISO_DAY_MIN } from '../http/iso-day';

/** `YYYY-MM-DD`, a real calendar day 1900–2199 (one definition, server/http/iso-day.ts). */
export { isoDay };

/**
 * `as_at` of the register: an ISO 8601 instant with its offset, or a day (as the items API takes it; a day is its
 * first instant in the database session's time zone), 1900–2199.
 */
export const asAt = z.iso
  .datetime({ offset: true })
  .refine((s) => isRealDay(s.slice(0, 10)), { message: `a real calendar date between ${ISO_DAY_MIN} and ${ISO_DAY_MAX}` })
  .or(isoDay);

/** A form field or query value that may be empty: '' and null mean absent. */
export const optText = (max = 200) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(max).optional());
/** An optional integer from a query string or a form field ('' means absent). */
export const optInt = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.coerce.number().int().optional());

/** Where an error points: line and point of an uploaded file, parcel, field of a form or query. */
export const ErrorDetail = z.looseObject({
  line: z.number().optional(),
  point: z.union([z.number(), z.string()]).optional(),
  parcel: z.union([z.number(), z.string()]).optional(),
  field: z.string().optional(),
});

/** The one error shape of the service. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine code, e.g. PARSE_RING_NOT_CLOSED'),
      message: z.string(),
      message_zh: z.string(),
      details: z.array(ErrorDetail).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** A sentence the server says: stable code, its parameters, English and Chinese (server/i18n/message.ts). */
export const Message = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
    message: z.string(),
    message_zh: z.string(),
  })
  .meta({ id: 'Message' });
/** Rules and lifecycle sentences still partly plain English strings while they move to Message. */
export const Sentence = z.union([Message, z.string()]);

// ---------------------------------------------------------------- GeoJSON, RFC 7946 (no `crs` member; the service writes no `bbox`)

const position = z.array(z.number()).min(2).max(3);
const ring = z.array(position).min(4);

export const Point = z.strictObject({ type: z.literal('Point'), coordinates: position }).meta({ id: 'Point' });
export const LineString = z
  .strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2) })
  .meta({ id: 'LineString' });
export const MultiLineString = z
  .strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)) })
  .meta({ id: 'MultiLineString' });
export const Polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }).meta({ id: 'Polygon' });
export const MultiPolygon = z
  .strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)) })
  .meta({ id: 'MultiPolygon' });
export const MultiPoint = z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }).meta({ id: 'MultiPoint' });
export const GeometryCollection = z
  .strictObject({
    type: z.literal('GeometryCollection'),
    geometries: z.array(z.discriminatedUnion('type', [Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon]).or(z.any())),
  })
  .meta({ id: 'GeometryCollection' });
export const Areal = z.discriminatedUnion('type', [Polygon, MultiPolygon]).meta({ id: 'Areal' });
/** Any geometry the service publishes (strict: a `crs` member, which RFC 7946 removed, fails validation). */
export const Geometry = z
  .discriminatedUnion('type', [Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection])
  .meta({ id: 'Geometry' });

export const Link = z
  .object({ rel: z.string(), href: z.string(), type: z.string().optional(), title: z.string().optional() })
  .meta({ id: 'Link' });

/** A rule step: which rule, which article, the arithmetic, the value (server/rules/steps.ts). */
export const Step = z
  .object({
    rule: z.string(),
    citation: z.string(),
    formula: Sentence.optional(),
    value: z.unknown().optional(),
    description: Message.optional().describe('what the step is, in both languages (derived steps)'),
  })
  .meta({ id: 'Step' });

/** Statuses and codes every route may answer, besides its own (request guards, rate limits, the error middleware). */
export const COMMON_ERRORS = {
  // BODY_DUPLICATE_KEY, BODY_FORBIDDEN_KEY, BODY_NUMBER_OUT_OF_RANGE: a JSON body that JSON.parse would read otherwise than sent
  400: [
    'BODY_NOT_JSON',
    'BODY_UNREADABLE',
    'BODY_TOO_DEEP',
    'BODY_DUPLICATE_KEY',
    'BODY_FORBIDDEN_KEY',
    'BODY_NUMBER_OUT_OF_RANGE',
    'BAD_PERCENT_ENCODING',
    'INVALID_CHARACTERS',
    'REQUEST_REJECTED',
  ],
  // a bearer credential that is not valid is refused on every route (issue 13)
  401: ['UNAUTHENTICATED'],
  413: ['BODY_TOO_LARGE'],
  415: ['UNSUPPORTED_CHARSET', 'UNSUPPORTED_CONTENT_ENCODING'],
  429: ['RATE_LIMITED'],
  500: ['INTERNAL'],
  503: ['QUERY_TIMEOUT', 'DATABASE_UNAVAILABLE'],
} as const;

/** What routes whose work runs in the worker pool (server/work) may answer besides their own. */
export const WORK_ERRORS = {
  400: ['INPUT_NOT_TRANSFERABLE'],
  413: ['WORK_OUT_OF_MEMORY'],
  422: ['WORK_TIMEOUT'],
  429: ['BUSY'],
} as const;

/** Merge error maps (status → codes). */
export function errorsOf(...maps: { readonly [status: number]: readonly string[] }[]): { [status: number]: string[] } {
  const out: { [status: number]: string[] } = {};
  for (const m of maps) for (const [s, codes] of Object.entries(m)) out[Number(s)] = [...(out[Number(s)] ?? []), ...codes];
  return out;
}
