import { describe, expect, it } from 'vitest';
import { isMessage, say } from '../i18n/message';
import { LIFECYCLE_SAY } from '../lifecycle/messages';
import { CONFLICT_SAY, joinNotes } from './messages';
import { pipelineOutcome, protectedAreaOutcome, redlineOutcome, rightOutcome, type Subject } from './outcomes';

/** Sample parameters for every template (unused ones are ignored). */
const P = {
  status: 'expired',
  valid_to: '2020-01-01',
  as_of: '2026-06-30',
  zone: 'general',
  zone_unknown: true,
  holder: '甲公司',
  crossed: 'pa-0001, pa-0002',
  block_id: 'blk-0001',
  note: null,
  note_zh: null,
  outcome: 'outside_original_area',
  province: '山西省',
  from: '2021-01-01',
  to: '2026-01-01',
  year: 7,
  decision: 'refuse',
  kind: 'protected',
  code: 'nature_reserve',
  regime: 'national-2023',
  mineral: 'coal',
  doc: '晋自然资函〔2020〕1333号',
  current: '248.7520',
  geometry: '268.7520',
  n: 3,
  deductible: '12.3456',
  net: '29.4071',
  since: '2018-03-01',
  deadline: '2022-06-10',
  passed: true,
  u: '12.5%',
  alt: '52.4605',
  names: 'extensions used',
  names_zh: '已延续次数',
  documents: '协议〔2024〕1号',
  covered: '6.0000',
  overlap: '10.0000',
  remaining: '4.0000',
  terms: 'gas first, then coal',
  terms_zh: '先采气、后采煤',
  id: 'blk-0058',
  document_no: '（2026）晋05执保第118号',
  authority: '晋城市中级人民法院',
};

/** Latin words a Chinese sentence may hold: codes and ids, not English. */
const latinWords = (zh: string) =>
  (zh.match(/[A-Za-z][A-Za-z0-9_'’-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).filter(
    (w) => !/^(km|CNY)$/.test(w) && !/^[A-Z][A-Z0-9-]*$/.test(w) && !/^[a-z]+-\d/.test(w),
  );

describe('sentence catalogues of the conflict engine and the lifecycle module', () => {
  for (const [name, cat] of [
    ['conflicts', CONFLICT_SAY],
    ['lifecycle', LIFECYCLE_SAY],
  ] as const) {
    it(`${name}: every sentence exists in both languages, the Chinese one without English words`, () => {
      for (const code of Object.keys(cat)) {
        const m = (say as (c: unknown, k: string, p: unknown) => ReturnType<typeof say>)(cat, code, {
          ...P,
          ...(code.startsWith('REDLINE') ? { status: 'official' } : {}),
          ...(code === 'VOID_READING_NOT_APPLIED' ? { value: 'after_expiry' } : {}),
          ...(code === 'OVERLAPS_FLAGGED_RIGHT' || code === 'SUBJECT_FLAGGED' ? { kind: 'seizure' } : {}),
        });
        expect(isMessage(m), code).toBe(true);
        expect(m.message, code).toMatch(/[a-z]/);
        expect(m.message_zh, code).toMatch(/[\u4e00-\u9fff]/);
        expect(latinWords(m.message_zh), `${code}: ${m.message_zh}`).toEqual([]);
      }
    });
  }

  it('names codes in the sentences through the vocabulary (no raw keys)', () => {
    expect(say(CONFLICT_SAY, 'OTHER_RIGHT_ENDED', { status: 'cancelled' }).message_zh).toBe('对方矿业权已注销，不再构成限制');
    expect(say(CONFLICT_SAY, 'EXPLORATION_MAY_CONTINUE', { zone: 'core', zone_unknown: false }).message_zh).toBe(
      '已设探矿权可在核心保护区继续勘查',
    );
    expect(say(CONFLICT_SAY, 'REDLINE_IN_NEW_RIGHT', { status: 'proposed' }).message_zh).toContain('拟划');
  });

  it('joins two notes in both languages', () => {
    const j = joinNotes(say(CONFLICT_SAY, 'CBM_AGAINST_COAL'), say(CONFLICT_SAY, 'NO_APPLICANT_OTHER_HOLDER'));
    expect(j.code).toBe('CBM_AGAINST_COAL+NO_APPLICANT_OTHER_HOLDER');
    expect(j.message_zh).toMatch(/先采气、后采煤；未提供申请人/);
  });

  it('every note the outcome rules attach is a Message', () => {
    const s: Subject = {
      applicant: null,
      application: 'extension',
      mineral: 'cbm',
      kind: 'exploration',
      regime: 'shanxi-cbm-2020',
      as_of: '2026-06-30',
    };
    const notes = [
      ...rightOutcome(s, { holder: 'x', mineral: 'coal', kind: 'mining', status: 'valid', valid_to: null }).basis,
      ...rightOutcome(s, { holder: 'x', mineral: 'cbm', kind: 'mining', status: 'cancelled', valid_to: null }).basis,
      ...protectedAreaOutcome(s, { category: 'nature_reserve', zone: null }).basis,
      ...protectedAreaOutcome(s, { category: 'water_source', zone: null }).basis,
      ...redlineOutcome(s, { status: 'proposed' }).basis,
      ...pipelineOutcome(['pa-1']).basis,
    ].flatMap((b) => (b.note ? [b.note] : []));
    expect(notes.length).toBeGreaterThan(4);
    for (const n of notes) expect(isMessage(n)).toBe(true);
  });
});
