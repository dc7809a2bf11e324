/**
 * Written commitments on file in a check (issue 14 item 5, last sentence) — pure, no I/O. At the extension of an existing
 * Shanxi CBM right a proposed (拟划) ecological red line is kept, not deducted, when the holder commits in writing not to
 * work inside it and to file a change registration once it is officially delineated (PA-5, 2020-07-27 letter 二,
 * 000 L6185): the check's outcome is `keep_with_commitment`. The commitments recorded by the checked block over that red
 * line split the overlap: the part their polygons cover is `commitment_on_file` (CMT-FILE), the rest keeps
 * `keep_with_commitment`. No other outcome is answered by a commitment: an official red line is deducted (PA-4), other
 * protected areas are deducted at extension (11号 十, 000 L4292-4294), and nothing in a nature reserve's core zone rests
 * on a commitment (273号令 第三十一条, 000 L3446: existing exploration may continue there, mining may not) — see
 * server/records/commitments.ts, which refuses to record one over anything but a proposed red line.
 * The SQL (conflicts_commitments.sql) cuts the same overlap conflicts_redlines.sql measures.
 */
import { say } from '../i18n/message';
import { basis } from './citations';
import { coverParts, MIN_PART_KM2 } from './cover-split';
import { parseGeometry } from './entries';
import { CONFLICT_SAY as M } from './messages';
import { DEDUCTIBLE } from './outcomes';
import type { CommitmentRef, ConflictEntry } from './types';

/** A row of conflicts_commitments.sql. */
export interface CommitmentCoverRow {
  id: string;
  commitments: CommitmentRef[] | string;
  covered_km2: number;
  covered_geometry: string | null;
  remaining_geometry: string | null;
}

const km2 = (v: number) => v.toFixed(4);

/**
 * The entries of one overlapped red line once the commitments on file are applied: [covered, remaining], [covered] when
 * they cover all of it, or [entry] unchanged when none applies (another outcome, e.g. an official red line, or a
 * commitment elsewhere). The remaining part is the overlap less the covered part (C + R = overlap exactly).
 */
export function splitByCommitment(
  e: ConflictEntry,
  cover: CommitmentCoverRow | undefined,
  inputKm2: number,
  read = parseGeometry,
): ConflictEntry[] {
  if (!cover || e.outcome !== 'keep_with_commitment') return [e];
  const documents = ((typeof cover.commitments === 'string' ? JSON.parse(cover.commitments) : cover.commitments) as CommitmentRef[]).map(
    (c) => ({ ...c, area_km2: Number(c.area_km2) }),
  );
  const coveredKm2 = Math.min(Number(cover.covered_km2), e.overlap_area_km2);
  if (!documents.length || coveredKm2 <= MIN_PART_KM2) return [e];
  const parts = coverParts(e, cover, coveredKm2, inputKm2, read);
  const { overlap_km2: overlap, covered_km2: covered, remaining_km2: remaining } = parts.split;
  const docs = documents.map((d) => d.document_no).join(', ');
  const split = { ...parts.split, documents };
  const coveredEntry: ConflictEntry = {
    ...e,
    ...parts.covered,
    outcome: 'commitment_on_file',
    deductible: DEDUCTIBLE.has('commitment_on_file'),
    basis: [...e.basis, basis('CMT-FILE', say(M, 'COMMITMENT_COVERS', { documents: docs, covered: km2(covered), overlap: km2(overlap) }))],
    commitment: { part: 'covered', ...split },
  };
  if (!parts.remaining) return [coveredEntry];
  return [
    coveredEntry,
    {
      ...e,
      ...parts.remaining,
      basis: [
        ...e.basis,
        basis('CMT-FILE', say(M, 'COMMITMENT_REMAINDER', { documents: docs, remaining: km2(remaining), overlap: km2(overlap) })),
      ],
      commitment: { part: 'remaining', ...split },
    },
  ];
}
