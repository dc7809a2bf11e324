import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Message } from '../i18n/message';
import type { Severity, VerdictCode } from '../vocab';
import type { Basis } from './citations';
import type { Outcome, Subject, WellDisposal } from './outcomes';

/** Collection ids as in /collections/{collection}/items/{id}. */
export const CONFLICT_COLLECTIONS = ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines'] as const;
export type ConflictCollection = (typeof CONFLICT_COLLECTIONS)[number];

/** One overlap (or containment finding) of the input, with its outcome. Areas km², ellipsoidal, unrounded. */
export interface ConflictEntry {
  collection: ConflictCollection | 'boundaries';
  /** feature id for /collections/{collection}/items/{id} */
  id: string;
  name: string | null;
  /** blocks: right kind (exploration | mining); protected areas: category; reserves: proven | submitted; wells/pipelines: type */
  category: string | null;
  zone: string | null;
  status: string | null;
  holder: string | null;
  mineral: string | null;
  overlap_area_km2: number;
  /** overlap ÷ input area */
  share_of_input: number;
  /** overlap ÷ feature area (pipelines: crossing length ÷ pipeline length; wells: 1) */
  share_of_feature: number | null;
  geometry: Geometry | null;
  outcome: Outcome;
  /** true when the overlap must leave the applied area (counted in deductible_area_km2) */
  deductible: boolean;
  basis: Basis[];
  /** containment findings: which check produced the entry */
  check?: 'containment' | 'provincial_border';
  /** reserves: the block the reserve belongs to */
  block_id?: string | null;
  /** pipelines: crossing length inside the input (km, ellipsoidal) and the protected areas crossed */
  length_km?: number;
  /** pipelines: length of the pipeline inside the input (km, ellipsoidal), crossing or not */
  length_in_input_km?: number;
  crosses?: string[];
  /** wells: DB14/T 2053 status and location class */
  disposal?: WellDisposal;
  /**
   * blocks: agreements on file between the checked block and this right (issue 14 item 5). The overlap is split in two
   * entries: `covered` (outcome agreement_on_file, the area the agreements cover) and `remaining` (still
   * requires_agreement); both carry the whole overlap and both parts.
   */
  agreement?: AgreementSplit;
  /** blocks: register status flags in force on this right (查封 seizure, 抵押 mortgage; issue 14 item 6) */
  flags?: RightFlagRef[];
  /**
   * red lines: written commitments on file of the checked block over this proposed red line (PA-5, 000 L6185). The
   * overlap is split in two entries: `covered` (commitment_on_file) and `remaining` (still keep_with_commitment).
   */
  commitment?: CommitmentSplit;
}

/** A written commitment on file as a check cites it. */
export interface CommitmentRef {
  id: string;
  document_no: string;
  signed_on: string;
  valid_from: string;
  valid_to: string | null;
  terms: string[];
  area_km2: number;
}

export interface CommitmentSplit {
  part: 'covered' | 'remaining';
  overlap_km2: number;
  covered_km2: number;
  remaining_km2: number;
  documents: CommitmentRef[];
}

/** An agreement on file as a check cites it. */
export interface AgreementRef {
  id: string;
  kind: 'agreement' | 'consent_letter' | 'commitment';
  document_no: string;
  signed_on: string;
  valid_from: string;
  valid_to: string | null;
  terms: string[];
  area_km2: number;
}

export interface AgreementSplit {
  part: 'covered' | 'remaining';
  /** the whole overlap of the input with this right, km² (= covered + remaining, to the overlay's precision) */
  overlap_km2: number;
  covered_km2: number;
  remaining_km2: number;
  documents: AgreementRef[];
}

/** A register status flag in force on a right. */
export interface RightFlagRef {
  id: string;
  kind: 'seizure' | 'mortgage';
  document_no: string;
  authority: string;
  start_on: string;
  end_on: string | null;
}

export interface CollectionSummary {
  count: number;
  /** union of the overlaps of the collection (a place covered twice counts once), km² */
  area_km2: number;
}

export type ConflictSummary = Record<string, CollectionSummary | number> & {
  deductible_area_km2: number;
  net_area_km2: number;
};

/** What the conflict check is run on. */
/**
 * The checked polygon: as objects, or as its GeoJSON text when the caller already has it (the upload worker writes it:
 * stringifying a 200,000-corner polygon on the main thread stalls every other request for a fraction of a second).
 */
export type CheckGeometry = { geometry: Polygon | MultiPolygon } | { geometry_json: string };

export type CheckInput = CheckGeometry & CheckInputFields;

interface CheckInputFields {
  /** ellipsoidal area of the input, km²; a function is called while the queries run (it costs ~3 ms at 1,000 vertices) */
  area_km2: number | (() => number);
  subject: Subject;
  /** block being extended / changed, or the exploration block of a mining or report-then-produce application */
  block_id: string | null;
  /** the subject is a province-registered CBM right: check the provincial border */
  province_registered: boolean;
  /**
   * the register as it stood at this instant (ISO 8601 date or date-time, as `as_at` of the items API), read
   * from the history of every layer (012); absent or null: as it stands
   */
  as_at?: string | null;
}

/** One class of findings behind a verdict: an outcome, how many entries have it and their summed overlap (not a union). */
export interface VerdictReason {
  verdict: VerdictCode;
  outcome: Outcome;
  count: number;
  /** sum of the entries' overlap areas, km² (a place covered twice counts twice; the union is in the summary) */
  area_km2: number;
  /** pipelines: summed crossing length, km */
  length_km?: number;
  /** a check that could not run (count 0): why */
  message?: Message;
}

/** The overall verdict of a check: the most serious class among its findings, with every class listed worst first. */
export interface CheckVerdict {
  code: VerdictCode;
  severity: Severity;
  message: Message;
  reasons: VerdictReason[];
}

export interface CheckResult {
  conflicts: ConflictEntry[];
  summary: ConflictSummary;
  verdict: CheckVerdict;
  warnings: Message[];
  /** wall time spent waiting for the database, and in the whole check (ms) — the route sends them as Server-Timing */
  timing: { sql_ms: number; total_ms: number };
}
