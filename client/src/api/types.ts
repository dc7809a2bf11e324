/** Response shapes of the public HTTP API, as the page uses them. */
import type { Message } from '../../../server/i18n/message';
import type { ErrorDetail } from './http';

/** A sentence from the server: a Message, or a plain string where a module has not moved to Messages yet. */
export type ServerText = Message | string;

export type Geometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  id: string;
  geometry: GeoJSON.Geometry;
  properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
  numberMatched?: number;
  numberReturned: number;
}

export interface BlockProps {
  name: string;
  licence_no?: string;
  holder?: string;
  kind: string;
  mineral: string;
  status: string;
  valid_from?: string;
  valid_to?: string;
  first_registration_date?: string;
  first_registration_area_km2?: number;
  area_km2?: number;
  basin?: string;
  authority?: string;
  [k: string]: unknown;
}

export interface ParseResult {
  format: string;
  crs: string | number;
  parcels: {
    name: string;
    rings: number;
    vertex_count: number;
    area_km2: number;
    planar_gk?: { area_km2: number; crs: number };
    declared_area?: {
      value: number;
      unit: string;
      area_km2: number;
      agrees: boolean;
      note: { code: string; message: string; message_zh: string };
    };
  }[];
  area_km2: number;
  geometry: Geometry;
  warnings: ServerText[];
}

export interface Basis {
  rule: string;
  citation: string;
  text?: string;
  note?: Message;
}

export interface Conflict {
  collection: string;
  id: string;
  name: string;
  category?: string | null;
  zone?: string | null;
  status?: string | null;
  holder?: string | null;
  mineral?: string | null;
  overlap_area_km2: number;
  share_of_input?: number;
  share_of_feature?: number;
  geometry?: GeoJSON.Geometry | null;
  outcome: string;
  basis?: Basis[];
}

export interface CheckResult {
  input: ParseResult;
  conflicts: Conflict[];
  summary: Record<string, unknown> & { deductible_area_km2?: number; net_area_km2?: number };
  regime?: string;
}

export interface CheckRequest {
  application?: string;
  applicant?: string;
  mineral?: string;
  /** Gauss-Krüger hints for eastings without a zone prefix. */
  zone?: string;
  crs?: string;
}

export interface ExtensionInput {
  regime: string;
  licensed_area_km2: number;
  proven_reserve_area_km2: number;
  unfinished_ratio: number;
  first_registration_area_km2?: number;
  [k: string]: unknown;
}

export interface ExtensionStep {
  rule: string;
  citation: string;
  formula?: ServerText;
  /** what the step is, in both languages (derived steps; rule steps as the rules module moves to Messages) */
  description?: Message;
  value?: unknown;
}

export interface ExtensionResult {
  regime: string;
  decision: string;
  reduction_ratio: number;
  reduction_km2: number;
  remaining_km2: number;
  steps: ExtensionStep[];
  warnings: ServerText[];
  readings?: ServerText[];
  refusal_reasons?: ServerText[];
  base_km2?: number;
  new_valid_from?: string | null;
  new_valid_to?: string | null;
}

export interface PlanCandidate {
  id: string;
  strategy: string;
  geometry: Geometry;
  area_km2: number;
  /** what counts toward the required reduction (outside proven reserves; protected areas only under the reading) */
  counted_km2?: number;
  retained?: number | Record<string, unknown> | null;
  retained_area_km2?: number;
  corners?: unknown;
  touches?: { reserves_km2?: number; producing_wells?: number; wells?: number; pipelines_km?: number; protected_km2?: number };
  reasons?: ServerText[];
  straight_edges?: number;
  contiguous_retained?: boolean;
}

export interface PlansResult {
  candidates: PlanCandidate[];
  warnings?: ServerText[];
}

export type { ErrorDetail };
