/**
 * SQL rows → conflict entries: attach the outcome (outcomes.ts) and the shares. Pure, no I/O; the
 * same builders serve the check of one input and the whole-register listing.
 */
import type { Geometry } from 'geojson';
import { pipelineOutcome, protectedAreaOutcome, redlineOutcome, rightOutcome, wellOutcome, type Decision, type Subject } from './outcomes';
import { say } from '../i18n/message';
import { CONFLICT_SAY as M } from './messages';
import type { ConflictEntry } from './types';

export interface BlockRow {
  union_km2?: number | null;
  id: string;
  name: string | null;
  holder: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  valid_to: string | null;
  feature_area_km2: number | null;
  overlap_km2: number;
  geometry?: string | null;
}
export interface ProtectedAreaRow {
  union_km2?: number | null;
  id: string;
  name: string | null;
  category: string;
  zone: string | null;
  level?: string | null;
  feature_area_km2: number | null;
  overlap_km2: number;
  geometry?: string | null;
}
export interface RedlineRow {
  union_km2?: number | null;
  id: string;
  name: string | null;
  status: string;
  version_date?: string | null;
  feature_area_km2: number | null;
  overlap_km2: number;
  geometry?: string | null;
}
export interface ReserveRow {
  union_km2?: number | null;
  id: string;
  name: string | null;
  reserve_kind: string;
  block_id: string | null;
  feature_area_km2: number | null;
  overlap_km2: number;
  holder: string | null;
  kind: 'exploration' | 'mining' | null;
  mineral: string | null;
  status: string | null;
  valid_to: string | null;
  geometry?: string | null;
}
export interface WellRow {
  id: string;
  name: string | null;
  type: string | null;
  status: string | null;
  holder: string | null;
  block_id: string | null;
  status_since: string | null;
  in_coal_right: boolean;
  in_redline: boolean;
  in_water_source: boolean;
  geometry?: string | null;
}
export interface PipelineRow {
  id: string;
  name: string | null;
  type: string | null;
  status: string | null;
  holder: string | null;
  feature_length_km: number | null;
  /** length inside the input (km); absent in the whole-register list */
  inside_km?: number | null;
  crossing_km: number;
  crosses: string[];
  geometry?: string | null;
}

/**
 * Turns a row's GeoJSON text into the entry's geometry: parsed objects by default. POST /api/checks passes a lazy reader
 * (server/http/raw-json.ts lazyGeoJson) whose text goes into the answer as it is, never parsed on the main thread.
 */
export type GeometryReader = (text: string) => Geometry;
export const parseGeometry: GeometryReader = (text) => JSON.parse(text) as Geometry;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const geom = (g: string | null | undefined, read: GeometryReader): Geometry | null => (g ? read(g) : null);
const ratio = (a: number, b: number | null) => (b && b > 0 ? a / b : null);

function entry(
  base: Omit<ConflictEntry, 'outcome' | 'deductible' | 'basis' | 'share_of_input'>,
  d: Decision,
  inputKm2: number,
): ConflictEntry {
  return {
    ...base,
    share_of_input: inputKm2 > 0 ? base.overlap_area_km2 / inputKm2 : 0,
    outcome: d.outcome,
    deductible: d.deductible,
    basis: d.basis,
  };
}

export function blockEntry(s: Subject, r: BlockRow, inputKm2: number, read = parseGeometry): ConflictEntry {
  const overlap = Number(r.overlap_km2);
  return entry(
    {
      collection: 'blocks',
      id: r.id,
      name: r.name,
      category: r.kind,
      zone: null,
      status: r.status,
      holder: r.holder,
      mineral: r.mineral,
      overlap_area_km2: overlap,
      share_of_feature: ratio(overlap, num(r.feature_area_km2)),
      geometry: geom(r.geometry, read),
    },
    rightOutcome(s, { holder: r.holder, mineral: r.mineral, kind: r.kind, status: r.status, valid_to: r.valid_to }),
    inputKm2,
  );
}

export function protectedAreaEntry(s: Subject, r: ProtectedAreaRow, inputKm2: number, read = parseGeometry): ConflictEntry {
  const overlap = Number(r.overlap_km2);
  return entry(
    {
      collection: 'protected-areas',
      id: r.id,
      name: r.name,
      category: r.category,
      zone: r.zone,
      status: null,
      holder: null,
      mineral: null,
      overlap_area_km2: overlap,
      share_of_feature: ratio(overlap, num(r.feature_area_km2)),
      geometry: geom(r.geometry, read),
    },
    protectedAreaOutcome(s, { category: r.category, zone: r.zone }),
    inputKm2,
  );
}

export function redlineEntry(s: Subject, r: RedlineRow, inputKm2: number, read = parseGeometry): ConflictEntry {
  const overlap = Number(r.overlap_km2);
  return entry(
    {
      collection: 'redlines',
      id: r.id,
      name: r.name,
      category: 'redline',
      zone: null,
      status: r.status,
      holder: null,
      mineral: null,
      overlap_area_km2: overlap,
      share_of_feature: ratio(overlap, num(r.feature_area_km2)),
      geometry: geom(r.geometry, read),
    },
    redlineOutcome(s, { status: r.status }),
    inputKm2,
  );
}

/** A reserve of another block takes the outcome of the right it belongs to. */
export function reserveEntry(s: Subject, r: ReserveRow, inputKm2: number, read = parseGeometry): ConflictEntry {
  const overlap = Number(r.overlap_km2);
  const d = rightOutcome(s, {
    holder: r.holder,
    mineral: r.mineral ?? 'other',
    kind: r.kind ?? 'exploration',
    status: r.status ?? 'valid',
    valid_to: r.valid_to,
  });
  return {
    ...entry(
      {
        collection: 'reserves',
        id: r.id,
        name: r.name,
        category: r.reserve_kind,
        zone: null,
        status: r.status,
        holder: r.holder,
        mineral: r.mineral,
        overlap_area_km2: overlap,
        share_of_feature: ratio(overlap, num(r.feature_area_km2)),
        geometry: geom(r.geometry, read),
      },
      {
        ...d,
        basis: d.basis.map((b) => ({
          ...b,
          note: say(M, 'RESERVE_OF_BLOCK', { block_id: r.block_id, note: b.note?.message ?? null, note_zh: b.note?.message_zh ?? null }),
        })),
      },
      inputKm2,
    ),
    block_id: r.block_id,
  };
}

export function wellEntry(s: Subject, r: WellRow, inputKm2: number, read = parseGeometry): ConflictEntry | null {
  const d = wellOutcome(s, r);
  if (!d) return null;
  return {
    ...entry(
      {
        collection: 'wells',
        id: r.id,
        name: r.name,
        category: r.type,
        zone: null,
        status: r.status,
        holder: r.holder,
        mineral: null,
        overlap_area_km2: 0,
        share_of_feature: 1,
        geometry: geom(r.geometry, read),
      },
      d,
      inputKm2,
    ),
    block_id: r.block_id,
    ...(d.disposal ? { disposal: d.disposal } : {}),
  };
}

export function pipelineEntry(r: PipelineRow, inputKm2: number, read = parseGeometry): ConflictEntry {
  const km = Number(r.crossing_km);
  return {
    ...entry(
      {
        collection: 'pipelines',
        id: r.id,
        name: r.name,
        category: r.type,
        zone: null,
        status: r.status,
        holder: r.holder,
        mineral: null,
        overlap_area_km2: 0,
        share_of_feature: ratio(km, num(r.feature_length_km)),
        geometry: geom(r.geometry, read),
      },
      pipelineOutcome(r.crosses),
      inputKm2,
    ),
    length_km: km,
    ...(r.inside_km !== undefined && r.inside_km !== null ? { length_in_input_km: Number(r.inside_km) } : {}),
    crosses: r.crosses,
  };
}
