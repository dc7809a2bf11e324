/**
 * The record of a conflict check that is stored, signed and embedded in its PDF: the inputs (who
 * applies for what, the input geometry as read) and the results (every conflict, the summary, the
 * warnings), plus the certificate's own facts. Pure: built from the check's parts.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Subject } from '../conflicts/outcomes';
import type { CheckVerdict, ConflictEntry, ConflictSummary } from '../conflicts/types';

export interface RecordMessage {
  code: string;
  message: string;
  message_zh: string;
  [k: string]: unknown;
}

export interface CertificateFacts {
  certificate_id: string;
  issued_at: string;
  service: { name: string; version: string };
  /** when the register last changed (data version), ISO, or null when unknown */
  register_as_at: string | null;
  key_id: string;
  /** where a reader checks the certificate */
  verify_url: string;
}

export interface CheckRecord extends CertificateFacts {
  type: 'kq.check-certificate';
  version: 1;
  check_id: string;
  inputs: {
    subject: Subject;
    block_id: string | null;
    declared_area_km2: number | null;
    source: { format: string; crs: number; file_name: string | null };
    parcels: { name: string; vertex_count: number; area_km2: number }[];
    geometry: Polygon | MultiPolygon;
  };
  results: {
    area_km2: number;
    summary: ConflictSummary;
    conflicts: ConflictEntry[];
    /** the overall verdict exactly as POST /api/checks answered it (summary.ts checkVerdict); absent in records signed before it was kept */
    verdict?: CheckVerdict;
    warnings: RecordMessage[];
  };
}

export interface CheckParts {
  subject: Subject;
  block_id: string | null;
  declared_area_km2?: number | null;
  file_name?: string | null;
  described: {
    format: string;
    crs: number;
    area_km2: number;
    geometry: Polygon | MultiPolygon;
    parcels: { name: string; vertex_count: number; area_km2: number }[];
    warnings: RecordMessage[] | object[];
  };
  result: { conflicts: ConflictEntry[]; summary: ConflictSummary; verdict?: CheckVerdict; warnings: object[] };
}

/** Plain JSON (drops undefined members and class instances), so the record signs the same after storage. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function buildCheckRecord(facts: CertificateFacts & { check_id: string }, p: CheckParts): CheckRecord {
  const d = p.described;
  return plain({
    type: 'kq.check-certificate',
    version: 1,
    ...facts,
    inputs: {
      subject: p.subject,
      block_id: p.block_id,
      declared_area_km2: p.declared_area_km2 ?? null,
      source: { format: d.format, crs: d.crs, file_name: p.file_name ?? null },
      parcels: d.parcels.map((x) => ({ name: x.name, vertex_count: x.vertex_count, area_km2: x.area_km2 })),
      geometry: d.geometry,
    },
    results: {
      area_km2: d.area_km2,
      summary: p.result.summary,
      conflicts: p.result.conflicts,
      verdict: p.result.verdict,
      warnings: [...d.warnings, ...p.result.warnings] as RecordMessage[],
    },
  } satisfies CheckRecord);
}
