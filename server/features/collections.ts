import { z } from 'zod';
import * as V from '../vocab';
import { codesOf } from '../vocab';

/** API vocabularies: the codes of server/vocab (one definition, labels in both languages there). */
export const MINERALS = codesOf(V.MINERALS);
export const BLOCK_KINDS = codesOf(V.BLOCK_KINDS);
export const BLOCK_STATUSES = codesOf(V.BLOCK_STATUSES);
export const ACQUISITION_METHODS = codesOf(V.ACQUISITION_METHODS);
export const RESERVE_KINDS = codesOf(V.RESERVE_KINDS);
export const PA_CATEGORIES = codesOf(V.PA_CATEGORIES);
export const PA_ZONES = codesOf(V.PA_ZONES);
export const REDLINE_STATUSES = codesOf(V.REDLINE_STATUSES);
export const WELL_TYPES = codesOf(V.WELL_TYPES);
export const WELL_STATUSES = codesOf(V.WELL_STATUSES);
export const PIPELINE_TYPES = codesOf(V.PIPELINE_TYPES);
export const PIPELINE_STATUSES = codesOf(V.PIPELINE_STATUSES);
export const BOUNDARY_LEVELS = codesOf(V.BOUNDARY_LEVELS);

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = z.string().min(1).max(500);

export type GeometryKind = 'polygon' | 'point' | 'line';

export interface CollectionDef {
  /** collection id in URLs */
  id: string;
  /** named-query prefix (the table name) */
  table: string;
  title: string;
  titleZh: string;
  description: string;
  geometry: GeometryKind;
  /** query-string parameters accepted as filters on /items */
  filters: string[];
  /** properties accepted on writes */
  properties: z.ZodObject;
  /** true where the layer keeps version history (`as_at` accepted) */
  history?: boolean;
  /** vector-tile layer name */
  tiles: boolean;
}

export const COLLECTIONS: CollectionDef[] = [
  {
    id: 'blocks',
    table: 'blocks',
    title: 'Mining and exploration rights (licence blocks)',
    titleZh: '矿业权区块',
    description: 'Exploration and mining rights of every mineral: CBM, coal, oil/gas and others.',
    geometry: 'polygon',
    filters: ['mineral', 'kind', 'status', 'holder', 'q'],
    history: true,
    tiles: true,
    properties: z.object({
      name: text,
      licence_no: text.optional(),
      holder: text.optional(),
      kind: z.enum(BLOCK_KINDS),
      mineral: z.enum(MINERALS),
      status: z.enum(BLOCK_STATUSES).default('valid'),
      acquisition_method: z.enum(ACQUISITION_METHODS).optional(),
      authority: text.optional(),
      first_registration_date: date.optional(),
      first_registration_area_km2: z.number().positive().optional(),
      valid_from: date.optional(),
      valid_to: date.optional(),
      extensions_used: z.number().int().min(0).max(10).optional(),
      basin: text.optional(),
      province_registered: z.boolean().optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'reserves',
    table: 'reserves',
    title: 'Proven and submitted reserve areas',
    titleZh: '探明储量范围',
    description: 'Polygons of proven (or submitted) reserves inside a block.',
    geometry: 'polygon',
    filters: ['block_id', 'kind'],
    tiles: true,
    properties: z.object({
      block_id: text,
      name: text.optional(),
      kind: z.enum(RESERVE_KINDS).default('proven'),
      submitted_date: date.optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'protected-areas',
    table: 'protected_areas',
    title: 'Protected areas',
    titleZh: '自然保护地及禁限区',
    description:
      'Nature reserves (core and general zones), scenic areas, geoparks, spring and water-source zones and other no-go or restricted areas.',
    geometry: 'polygon',
    filters: ['category', 'zone', 'q'],
    tiles: true,
    properties: z.object({
      name: text,
      category: z.enum(PA_CATEGORIES),
      zone: z.enum(PA_ZONES).nullable().optional(),
      level: text.optional(),
      source: text.optional(),
      designated_date: date.optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'redlines',
    table: 'redlines',
    title: 'Ecological protection red lines',
    titleZh: '生态保护红线',
    description: 'Ecological protection red lines, proposed (拟划) and official.',
    geometry: 'polygon',
    filters: ['status', 'q'],
    tiles: true,
    properties: z.object({
      name: text,
      status: z.enum(REDLINE_STATUSES),
      version_date: date.optional(),
      source: text.optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'wells',
    table: 'wells',
    title: 'Wells',
    titleZh: '煤层气井',
    description: 'CBM wells with type and status.',
    geometry: 'point',
    filters: ['status', 'type', 'block_id', 'holder', 'q'],
    tiles: true,
    properties: z.object({
      name: text,
      type: z.enum(WELL_TYPES).optional(),
      status: z.enum(WELL_STATUSES).optional(),
      holder: text.optional(),
      block_id: text.optional(),
      spud_date: date.optional(),
      completion_date: date.optional(),
      status_since: date.optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'pipelines',
    table: 'pipelines',
    title: 'Pipelines',
    titleZh: '输气管线',
    description: 'Gathering and trunk gas pipelines.',
    geometry: 'line',
    filters: ['type', 'status', 'q'],
    tiles: true,
    properties: z.object({
      name: text,
      type: z.enum(PIPELINE_TYPES).optional(),
      status: z.enum(PIPELINE_STATUSES).optional(),
      pressure_mpa: z.number().nonnegative().optional(),
      diameter_mm: z.number().positive().optional(),
      holder: text.optional(),
      synthetic: z.boolean().optional(),
    }),
  },
  {
    id: 'boundaries',
    table: 'boundaries',
    title: 'Administrative boundaries (base map)',
    titleZh: '行政区划（底图）',
    description: 'Province and city outlines for the offline base map (approximate).',
    geometry: 'polygon',
    filters: ['level'],
    tiles: true,
    properties: z.object({
      name: text,
      level: z.enum(BOUNDARY_LEVELS),
      label_lon: z.number().optional(),
      label_lat: z.number().optional(),
      synthetic: z.boolean().optional(),
    }),
  },
];

export function findCollection(id: string): CollectionDef | undefined {
  return COLLECTIONS.find((c) => c.id === id);
}
