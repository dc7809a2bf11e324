/**
 * Agreements on file in a check (issue 14 item 5) — pure, no I/O. A right the input overlaps that needs an agreement
 * (requires_agreement: OVL-4 273号令 第四十二条 同意函或双方协议, OVL-6/OVL-7 互不影响和权益保护协议) or a commitment
 * (requires_commitment: OVL-5 承诺) is split by the agreements recorded between the checked block and that right:
 * the part their polygons cover is `agreement_on_file` (AGR-FILE: the agreement's terms, e.g. 先采气、后采煤, govern it),
 * the rest keeps its outcome. The SQL (conflicts_agreements.sql) cuts the same overlap conflicts_blocks.sql measures;
 * the covered part is measured, the remaining area is the overlap less it.
 */
import { say } from '../i18n/message';
import { AGREEMENT_TERMS, label } from '../vocab';
import { basis } from './citations';
import { coverParts, MIN_PART_KM2 } from './cover-split';
import { parseGeometry } from './entries';
import { CONFLICT_SAY as M } from './messages';
import { DEDUCTIBLE, type Outcome } from './outcomes';
import type { AgreementRef, ConflictEntry } from './types';

/** A row of conflicts_agreements.sql. */
export interface AgreementCoverRow {
  id: string;
  agreements: AgreementRef[] | string;
  covered_km2: number;
  remaining_km2: number;
  covered_geometry: string | null;
  remaining_geometry: string | null;
}

/**
 * Which instruments answer which outcome: the coal holder's consent letter or a bilateral agreement answers
 * requires_agreement (OVL-4 “同意函或提供双方协议”; OVL-6/7 “签订了互不影响和权益保护协议”); a written commitment or an
 * agreement answers requires_commitment (OVL-5 “提交不影响已设探矿权人权益承诺”).
 */
export const ANSWERS: Readonly<Partial<Record<Outcome, readonly AgreementRef['kind'][]>>> = {
  requires_agreement: ['agreement', 'consent_letter'],
  requires_commitment: ['commitment', 'agreement'],
};

const km2 = (v: number) => v.toFixed(4);

/**
 * The entries of one overlapped right once the agreements on file are applied: [covered, remaining], [covered] when the
 * agreements cover all of it, or [entry] unchanged when none applies (another outcome, another kind of instrument, or
 * an agreement elsewhere in the overlap). Shares follow the part's area; the remaining part keeps its outcome and basis.
 */
export function splitByAgreement(
  e: ConflictEntry,
  cover: AgreementCoverRow | undefined,
  inputKm2: number,
  read = parseGeometry,
): ConflictEntry[] {
  if (!cover) return [e];
  const kinds = ANSWERS[e.outcome];
  const all = (typeof cover.agreements === 'string' ? JSON.parse(cover.agreements) : cover.agreements) as AgreementRef[];
  const documents = all.filter((a) => kinds?.includes(a.kind)).map((a) => ({ ...a, area_km2: Number(a.area_km2) }));
  const coveredKm2 = Number(cover.covered_km2);
  if (!kinds || !documents.length || coveredKm2 <= MIN_PART_KM2) return [e];
  const parts = coverParts(e, cover, coveredKm2, inputKm2, read);
  const { overlap_km2: overlap, covered_km2: covered, remaining_km2: remaining } = parts.split;
  const docs = documents.map((d) => d.document_no).join(', ');
  const terms = [...new Set(documents.flatMap((d) => d.terms))];
  const split = { ...parts.split, documents };
  const coveredEntry: ConflictEntry = {
    ...e,
    ...parts.covered,
    outcome: 'agreement_on_file',
    deductible: DEDUCTIBLE.has('agreement_on_file'),
    basis: [
      ...e.basis,
      basis(
        'AGR-FILE',
        say(M, 'AGREEMENT_COVERS', {
          documents: docs,
          covered: km2(covered),
          overlap: km2(overlap),
          terms: terms.map((t) => label(AGREEMENT_TERMS, t, 'en')).join(', '),
          terms_zh: terms.map((t) => label(AGREEMENT_TERMS, t, 'zh')).join('、'),
        }),
      ),
    ],
    agreement: { part: 'covered', ...split },
  };
  if (!parts.remaining) return [coveredEntry];
  const remainingEntry: ConflictEntry = {
    ...e,
    ...parts.remaining,
    basis: [
      ...e.basis,
      basis('AGR-FILE', say(M, 'AGREEMENT_REMAINDER', { documents: docs, remaining: km2(remaining), overlap: km2(overlap) })),
    ],
    agreement: { part: 'remaining', ...split },
  };
  return [coveredEntry, remainingEntry];
}
