/** Coordinate files: parse an upload to geometry, export a geometry or a stored block to a file. */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/index';
import { FORMATS } from '../parse/types';
import { defineRoute } from './define';
import { Areal, errorsOf, Message, optInt, WORK_ERRORS } from './common';

export const ParseWarning = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
    message: z.string(),
    message_zh: z.string(),
    parcel: z.union([z.number(), z.string()]).optional(),
    point: z.union([z.number(), z.string()]).optional(),
    line: z.number().optional(),
  })
  .meta({ id: 'ParseWarning' });

export const ParsedParcel = z
  .object({
    name: z.string(),
    rings: z.array(z.array(z.array(z.number()))).describe('closed rings, lon/lat; outer counter-clockwise, holes clockwise (RFC 7946)'),
    vertex_count: z.number().int(),
    area_km2: z.number().describe('ellipsoidal CGCS2000 area, km², unrounded'),
    planar_gk: z
      .object({ area_km2: z.number(), crs: z.number().int() })
      .optional()
      .describe('planar Gauss-Krüger area (km², unrounded) in `crs`: the file’s own projection, else the 3° zone of the parcel'),
    declared_area: z
      .object({
        value: z.number(),
        unit: z.enum(['ha', 'km2', 'm2', 'mu']),
        area_km2: z.number(),
        line: z.number().int().optional(),
        parts: z.array(z.string()).optional().describe('several parts of one 地块: the declared figure covers these parcels together'),
        agrees: z.boolean().describe('equal to the planar GK area at the declared figure’s rounding'),
        note: Message,
      })
      .optional()
      .describe('the area the file states, next to the planar and ellipsoidal areas, with the comparison explained'),
  })
  .meta({ id: 'ParsedParcel' });

export const ParseResult = z
  .object({
    format: z.enum(FORMATS),
    crs: z.number().int().describe('EPSG code of the source coordinates'),
    parcels: z.array(ParsedParcel),
    area_km2: z.number(),
    geometry: Areal,
    warnings: z.array(ParseWarning),
  })
  .meta({ id: 'ParseResult' });

export const ParseHints = z.object({
  format: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .meta({ enum: [...FORMATS], description: 'overrides content detection' }),
  zone: optInt.describe('Gauss-Krüger zone (3°: 25–45, 6°: 13–23) for eastings written without their zone prefix'),
  crs: optInt.describe('EPSG code of the input (4490, 4326, 4491–4554)'),
  centralMeridian: optInt.describe('central meridian (degrees) for eastings without prefix'),
});

export const ExportQuery = z.object({
  format: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .meta({ enum: [...EXPORT_FORMATS] }),
  name: z.string().trim().min(1).max(200).optional(),
  encoding: z.enum(['utf-8', 'gbk']).optional().describe('国土 TXT and CSV text encoding; 国土 TXT defaults to GBK'),
  crs: optInt.describe('EPSG code of the written coordinates (default 4490; Gauss-Krüger zones 4491–4554)'),
});

const FILE_TYPES = ['text/plain', 'text/csv', 'application/geo+json', 'application/vnd.google-earth.kml+xml', 'application/zip'] as const;
const files = ['Coordinate files'] as const;

export const fileRoutes = {
  parse: defineRoute({
    method: 'post',
    path: '/api/parse',
    summary: 'Coordinate file → geometry: 国土 TXT, CSV/XLSX corner tables, GeoJSON, KML/KMZ, zipped Shapefile',
    description:
      'Multipart field `file`; hints `format`, `zone`, `crs`, `centralMeridian` as form fields or query. Areas ellipsoidal (CGCS2000).',
    tags: files,
    query: ParseHints,
    body: { types: ['multipart/form-data'], schema: ParseHints.extend({ file: z.string().meta({ format: 'binary' }) }), validate: false },
    badInput: 'PARSE_BAD_PARAMETER',
    responses: { 200: { description: 'parcels, geometry and warnings', json: ParseResult } },
    errors: errorsOf(
      {
        400: ['PARSE_NO_FILE', 'UPLOAD_REJECTED', 'PARSE_*'],
        413: ['UPLOAD_TOO_LARGE', 'PARSE_*'],
        422: ['PARSE_BAD_PARAMETER', 'PARSE_*'],
      },
      WORK_ERRORS,
    ),
  }),
  exportGeometry: defineRoute({
    method: 'post',
    path: '/api/export',
    summary: 'A GeoJSON Polygon/MultiPolygon (or a Feature with one) → 国土 TXT, contract-annex CSV, GeoJSON, KML or zipped Shapefile',
    tags: files,
    query: ExportQuery,
    body: {
      types: ['application/json', 'application/geo+json'],
      schema: z.union([
        Areal,
        z.object({ type: z.literal('Feature'), geometry: Areal, properties: z.record(z.string(), z.unknown()).nullable().optional() }),
      ]),
      validate: false,
    },
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the file, as an attachment', binary: FILE_TYPES } },
    errors: errorsOf({ 400: ['EXPORT_FORMAT_UNKNOWN', 'EXPORT_*'], 422: ['EXPORT_BAD_PARAMETER', 'EXPORT_*'] }, WORK_ERRORS),
  }),
  blockExport: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/export',
    summary: 'A stored block as 国土 TXT (GBK by default), contract-annex CSV, GeoJSON, KML or zipped Shapefile',
    tags: files,
    params: z.object({ id: z.string().min(1).max(200) }),
    query: ExportQuery,
    badInput: 'EXPORT_BAD_PARAMETER',
    responses: { 200: { description: 'the file, as an attachment', binary: FILE_TYPES } },
    errors: { 400: ['EXPORT_FORMAT_UNKNOWN'], 404: ['NOT_FOUND'], 422: ['EXPORT_BAD_PARAMETER'] },
  }),
};
