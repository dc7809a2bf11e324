/**
 * What is on file about one overlap, as lines in the user's language (pure): the part an agreement or a written
 * commitment covers or leaves, with its documents (number, dates, terms), and the register flags (查封, 抵押) in force on
 * the right — what a check answer's `agreement`, `commitment` and `flags` say, so the report and the exported tables a
 * regulator files name the documents a reading rests on.
 */
import type { ConflictEntry } from '../conflicts/types';
import { AGREEMENT_KINDS, AGREEMENT_TERMS, COMMITMENT_TERMS, label, RIGHT_FLAG_KINDS, type Lang, type Vocab } from '../vocab';
import { km2 } from './format';
import { phrasebook } from './html';

const T = {
  agreementCovered: ['在案协议覆盖部分 {v} km²（共重叠 {t} km²）', 'part covered by agreements on file: {v} of {t} km²'],
  agreementRemaining: ['在案协议未覆盖部分 {v} km²（共重叠 {t} km²）', 'part not covered by agreements on file: {v} of {t} km²'],
  commitmentCovered: ['在案书面承诺覆盖部分 {v} km²（共重叠 {t} km²）', 'part covered by written commitments on file: {v} of {t} km²'],
  commitmentRemaining: [
    '在案书面承诺未覆盖部分 {v} km²（共重叠 {t} km²）',
    'part not covered by written commitments on file: {v} of {t} km²',
  ],
  covering: ['：', ': '],
  onFile: ['；在案文件：', '; on file: '],
  signed: ['文号 {no}，{on} 签订，有效期 {from} 至 {to}', 'No. {no}, signed {on}, valid {from} to {to}'],
  openEnded: ['长期', 'open-ended'],
  flagged: ['{kind}：{no}（{by}，{from} 起{to}）', '{kind}: {no} ({by}, from {from}{to})'],
  flagUntil: ['至 {d}', ' until {d}'],
  docSep: ['；', '; '],
} as const;

const tr = phrasebook(T);

interface Doc {
  document_no: string;
  signed_on: string;
  valid_from: string;
  valid_to: string | null;
  terms: string[];
}

interface Split {
  part: 'covered' | 'remaining';
  overlap_km2: number;
  covered_km2: number;
  remaining_km2: number;
}

type OnFile = Pick<ConflictEntry, 'agreement' | 'commitment' | 'flags'>;

export function onFileLines(c: OnFile, lang: Lang): string[] {
  const out: string[] = [];
  const terms = (ts: string[], v: Vocab) =>
    ts.length === 0
      ? ''
      : lang === 'zh'
        ? `（${ts.map((t) => label(v, t, lang)).join('、')}）`
        : ` (${ts.map((t) => label(v, t, lang)).join(', ')})`;
  const doc = (d: Doc, v: Vocab) =>
    tr(lang, 'signed', { no: d.document_no, on: d.signed_on, from: d.valid_from, to: d.valid_to ?? tr(lang, 'openEnded') }) +
    terms(d.terms, v);
  const part = (s: Split, covered: keyof typeof T, remaining: keyof typeof T, docs: string[]) => {
    const head = tr(lang, s.part === 'covered' ? covered : remaining, {
      v: km2(s.part === 'covered' ? s.covered_km2 : s.remaining_km2),
      t: km2(s.overlap_km2),
    });
    // the covered part names the documents covering it; the part left names them as the documents on file
    const lead = tr(lang, s.part === 'covered' ? 'covering' : 'onFile');
    out.push(docs.length ? `${head}${lead}${docs.join(tr(lang, 'docSep'))}` : head);
  };
  if (c.agreement)
    part(
      c.agreement,
      'agreementCovered',
      'agreementRemaining',
      c.agreement.documents.map((d) => `${label(AGREEMENT_KINDS, d.kind, lang)} ${doc(d, AGREEMENT_TERMS)}`),
    );
  if (c.commitment)
    part(
      c.commitment,
      'commitmentCovered',
      'commitmentRemaining',
      c.commitment.documents.map((d) => doc(d, COMMITMENT_TERMS)),
    );
  for (const f of c.flags ?? [])
    out.push(
      tr(lang, 'flagged', {
        kind: label(RIGHT_FLAG_KINDS, f.kind, lang),
        no: f.document_no,
        by: f.authority,
        from: f.start_on,
        to: f.end_on ? tr(lang, 'flagUntil', { d: f.end_on }) : '',
      }),
    );
  return out;
}
