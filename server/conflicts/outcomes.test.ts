import { describe, expect, it } from 'vitest';
import { RULES } from './citations';
import {
  DEDUCTIBLE,
  OUTCOMES,
  protectedAreaOutcome,
  redlineOutcome,
  rightOutcome,
  wellOutcome,
  wellStatusClass,
  type OtherRight,
  type Subject,
} from './outcomes';

const S = (o: Partial<Subject> = {}): Subject => ({
  applicant: '甲公司',
  application: 'new_exploration',
  mineral: 'cbm',
  kind: 'exploration',
  regime: 'shanxi-cbm-2020',
  as_of: '2026-06-30',
  ...o,
});
const R = (o: Partial<OtherRight> = {}): OtherRight => ({
  holder: '乙公司',
  mineral: 'cbm',
  kind: 'exploration',
  status: 'valid',
  valid_to: '2028-01-01',
  ...o,
});

describe('rights over rights (RULES.md §4, 001 §1.6)', () => {
  const cases: [string, Partial<Subject>, Partial<OtherRight>, string, string][] = [
    ['same holder', {}, { holder: '甲公司' }, 'same_holder', 'OVL-1'],
    ['CBM over CBM of another holder', {}, {}, 'forbidden', 'OVL-2'],
    ['CBM over tight gas mining', {}, { mineral: 'tight_gas', kind: 'mining' }, 'forbidden', 'OVL-2'],
    ['shale gas over oil/gas', { mineral: 'shale_gas', regime: 'national-2023' }, { mineral: 'oil_gas' }, 'forbidden', 'OVL-2'],
    ['coal over coal', { mineral: 'coal', regime: 'national-2023' }, { mineral: 'coal' }, 'forbidden', 'OVL-3'],
    ['other over coal', { mineral: 'other', regime: 'national-2023' }, { mineral: 'coal', kind: 'mining' }, 'forbidden', 'OVL-3'],
    ['CBM over coal exploration (Shanxi)', {}, { mineral: 'coal' }, 'requires_agreement', 'OVL-4'],
    ['CBM over coal mining (Shanxi)', {}, { mineral: 'coal', kind: 'mining' }, 'requires_agreement', 'OVL-4'],
    ['coal over CBM (Shanxi)', { mineral: 'coal' }, { mineral: 'cbm' }, 'requires_agreement', 'OVL-4'],
    ['CBM over coal exploration (national-2023)', { regime: 'national-2023' }, { mineral: 'coal' }, 'requires_commitment', 'OVL-5'],
    [
      'oil/gas exploration over other-mineral exploration',
      { mineral: 'oil_gas', regime: 'national-2023' },
      { mineral: 'other' },
      'requires_commitment',
      'OVL-5',
    ],
    [
      'oil/gas exploration over other-mineral mining',
      { mineral: 'oil_gas', regime: 'national-2023' },
      { mineral: 'other', kind: 'mining' },
      'requires_agreement',
      'OVL-6',
    ],
    [
      'new oil/gas mining over other-mineral exploration',
      { mineral: 'oil_gas', application: 'new_mining', kind: 'mining', regime: 'national-2023' },
      { mineral: 'other' },
      'requires_agreement',
      'OVL-7',
    ],
    ['expired', {}, { status: 'expired' }, 'void', 'OVL-8'],
    ['cancelled', {}, { status: 'cancelled' }, 'void', 'OVL-8'],
    ['term ended, still "valid" (default reading after_expiry)', {}, { valid_to: '2025-01-01' }, 'void', 'OVL-8'],
  ];
  it.each(cases)('%s', (_n, s, r, outcome, rule) => {
    const d = rightOutcome(S(s), R(r));
    expect(d.outcome).toBe(outcome);
    expect(d.basis[0].rule).toBe(rule);
    expect(d.basis[0].citation).toBe(RULES[rule as keyof typeof RULES].citation);
  });
  it('item 8: an overlap found at extension is its own outcome, not forbidden/deducted (新立…不得与已设矿业权垂直投影范围重叠, 001:L9710)', () => {
    const d = rightOutcome(S({ application: 'extension' }), R({}));
    expect(d).toMatchObject({ outcome: 'existing_overlap', deductible: false });
    expect(d.basis[0].rule).toBe('OVL-EXT');
  });
  it('disputed D4: void the day after expiry (default, named) or only after public annulment', () => {
    // 273号令 第十五条 (000:L3364) “自行废止” vs 自然资规〔2023〕4号 四（十一）5 (001:L9726) “已公告废止”
    expect(rightOutcome(S(), R({ valid_to: '2025-01-01' })).basis[0].note).toMatchObject({
      code: 'VOID_AFTER_EXPIRY',
      message: expect.stringMatching(/void_reading/),
    });
    const d = rightOutcome(S({ readings: { void_reading: 'after_annulment' } }), R({ valid_to: '2025-01-01' }));
    expect(d.outcome).toBe('forbidden');
    expect(d.basis.map((b) => b.rule)).toContain('OVL-LAPSED');
    expect(d.basis.find((b) => b.rule === 'OVL-LAPSED')!.note).toMatchObject({
      code: 'VOID_AFTER_ANNULMENT',
      message: expect.stringMatching(/void_reading/),
    });
  });
  it('item 6: under a national regime no Shanxi CBM document is cited; new rights avoid per 自然资规〔2023〕6号 三 (001:L10434)', () => {
    // “依法依规避让生态保护红线等禁止限制勘查开采区域，合理确定出让范围” — new grants
    const nat = { regime: 'national-2023' as const, mineral: 'coal' };
    const fresh = protectedAreaOutcome(S({ ...nat, application: 'new_exploration' }), { category: 'scenic_area', zone: null });
    expect(fresh).toMatchObject({ outcome: 'deduct' });
    expect(fresh.basis[0].citation).toBe('自然资规〔2023〕6号 三');
    const ext = protectedAreaOutcome(S({ ...nat, application: 'extension' }), { category: 'scenic_area', zone: null });
    expect(ext).toMatchObject({ outcome: 'review_required', deductible: false });
    expect(ext.basis.map((b) => b.citation).join(' ')).not.toMatch(/晋自然资|273号令/);
    expect(
      protectedAreaOutcome(S({ ...nat, application: 'extension', readings: { national_extension_protected: 'deduct' } }), {
        category: 'scenic_area',
        zone: null,
      }).outcome,
    ).toBe('deduct');
  });
  it('disputed D5: official red line at the extension of a national oil/gas exploration right is a parameter', () => {
    // No seed rule deducts it: 001:L12419 presumes lawful mines inside red lines (“生态保护红线内、自然保护地核心保护区外依法开采的矿山，
    // 要执行最严格标准规范”); 自然资发〔2022〕142号 (outside the seeds) permits continued oil/gas exploration without enlargement.
    const og = { regime: 'national-2023' as const, mineral: 'oil_gas', application: 'extension' as const };
    expect(redlineOutcome(S(og), { status: 'official' }).outcome).toBe('review_required');
    expect(redlineOutcome(S({ ...og, readings: { oil_gas_redline_extension: 'keep' } }), { status: 'official' }).outcome).toBe(
      'may_continue_no_expansion',
    );
    expect(redlineOutcome(S({ ...og, readings: { oil_gas_redline_extension: 'deduct' } }), { status: 'official' }).outcome).toBe('deduct');
  });
  it('an extension applied for keeps a right alive after its term', () => {
    expect(rightOutcome(S(), R({ status: 'extension_applied', valid_to: '2020-01-01' })).outcome).toBe('forbidden');
  });
  it('cites 273号令 第四十二条 for CBM against coal, and says so when the applicant is unknown', () => {
    const d = rightOutcome(S({ applicant: null }), R({ mineral: 'coal', holder: '甲公司' }));
    expect(d.outcome).toBe('requires_agreement');
    expect(d.basis[0].citation).toContain('273号令 第四十二条');
    expect(d.basis[0].note?.message).toContain('no applicant');
    expect(d.basis[0].note?.message_zh).toContain('未提供申请人');
  });
});

describe('protected areas (PA-2..PA-9)', () => {
  const cases: [string, Partial<Subject>, string, string | null, string, string][] = [
    ['new exploration, nature-reserve core', {}, 'nature_reserve', 'core', 'deduct', 'PA-3'],
    ['new mining, nature-reserve general', { application: 'new_mining', kind: 'mining' }, 'nature_reserve', 'general', 'forbidden', 'PA-7'],
    [
      'report-then-produce, nature reserve',
      { application: 'report_then_produce', kind: 'mining' },
      'nature_reserve',
      'core',
      'forbidden',
      'PA-7',
    ],
    ['exploration extension, core', { application: 'extension' }, 'nature_reserve', 'core', 'may_continue', 'PA-6'],
    ['exploration extension, general', { application: 'extension' }, 'nature_reserve', 'general', 'may_continue', 'PA-6'],
    [
      'mining extension, general',
      { application: 'extension', kind: 'mining' },
      'nature_reserve',
      'general',
      'may_continue_no_expansion',
      'PA-6',
    ],
    ['mining extension, core', { application: 'extension', kind: 'mining' }, 'nature_reserve', 'core', 'forbidden', 'PA-6'],
    [
      'national extension, nature reserve (no national rule → review)',
      { application: 'extension', regime: 'national-2023', mineral: 'oil_gas' },
      'nature_reserve',
      'core',
      'review_required',
      'NAT-EXT',
    ],
    ['new, scenic area', {}, 'scenic_area', null, 'deduct', 'PA-3'],
    ['new, geopark', {}, 'geopark', null, 'deduct', 'PA-3'],
    ['new, forest park', {}, 'forest_park', null, 'deduct', 'PA-3'],
    ['new, wetland park', {}, 'wetland_park', null, 'deduct', 'PA-3'],
    ['new, spring protection', {}, 'spring_protection', null, 'deduct', 'PA-3'],
    ['new, high-grade forest', {}, 'high_grade_forest', null, 'deduct', 'PA-3'],
    ['new, other', {}, 'other', null, 'deduct', 'PA-3'],
    ['extension, spring protection', { application: 'extension' }, 'spring_protection', null, 'deduct', 'PA-4'],
    ['new, water source', {}, 'water_source', null, 'protect_in_place', 'PA-2'],
    ['extension, cultural relic', { application: 'extension' }, 'cultural_relic', null, 'protect_in_place', 'PA-2'],
    ['new, no-mining zone', {}, 'no_mining_zone', null, 'forbidden', 'NO-MINING'],
    ['change, no-mining zone', { application: 'change' }, 'no_mining_zone', null, 'forbidden', 'NO-MINING'],
    ['extension, no-mining zone', { application: 'extension' }, 'no_mining_zone', null, 'deduct', 'PA-4'],
  ];
  it.each(cases)('%s', (_n, s, category, zone, outcome, rule) => {
    const d = protectedAreaOutcome(S(s), { category, zone });
    expect(d.outcome).toBe(outcome);
    expect(d.basis[0].rule).toBe(rule);
    expect(d.deductible).toBe(DEDUCTIBLE.has(d.outcome));
  });
  it('cites 273号令 第三十一条 for nature reserves', () => {
    expect(protectedAreaOutcome(S({ application: 'extension' }), { category: 'nature_reserve', zone: 'core' }).basis[0].citation).toBe(
      '273号令 第三十一条第一款',
    );
  });
});

describe('red lines (PA-3..PA-5)', () => {
  it('are deducted from new rights, proposed or official', () => {
    expect(redlineOutcome(S(), { status: 'proposed' }).outcome).toBe('deduct');
    expect(redlineOutcome(S({ application: 'new_mining', kind: 'mining' }), { status: 'official' }).outcome).toBe('deduct');
  });
  it('at extension: official deducted, proposed kept on a commitment (not deductible)', () => {
    expect(redlineOutcome(S({ application: 'extension' }), { status: 'official' })).toMatchObject({ outcome: 'deduct', deductible: true });
    const d = redlineOutcome(S({ application: 'extension' }), { status: 'proposed' });
    expect(d).toMatchObject({ outcome: 'keep_with_commitment', deductible: false });
    expect(d.basis[0].rule).toBe('PA-5');
  });
});

describe('wells (DB14/T 2053, R-WELL-1..7)', () => {
  const W = {
    holder: '甲公司',
    status: 'inactive',
    status_since: '2024-01-01',
    in_coal_right: false,
    in_redline: false,
    in_water_source: false,
  };
  it('classes status by age: > 1 year inactive, ≥ 5 years abandoned (exactly 5 counts, configurable)', () => {
    expect(wellStatusClass({ status: 'inactive', status_since: '2025-07-01' }, '2026-06-30')).toBeNull();
    expect(wellStatusClass({ status: 'inactive', status_since: '2025-06-30' }, '2026-06-30')).toBeNull();
    expect(wellStatusClass({ status: 'inactive', status_since: '2025-06-29' }, '2026-06-30')).toBe('inactive');
    expect(wellStatusClass({ status: 'inactive', status_since: '2021-06-30' }, '2026-06-30')).toBe('abandoned');
    expect(wellStatusClass({ status: 'inactive', status_since: '2021-06-30' }, '2026-06-30', { abandonedAtExactlyFiveYears: false })).toBe(
      'inactive',
    );
    expect(wellStatusClass({ status: 'abandoned', status_since: null }, '2026-06-30')).toBe('abandoned');
    expect(wellStatusClass({ status: 'producing', status_since: '2000-01-01' }, '2026-06-30')).toBeNull();
  });
  it('gives the disposal class by location, most protective first', () => {
    expect(wellOutcome(S(), { ...W, status: 'abandoned' })?.disposal).toMatchObject({ location_class: 'coal_unmined', rule: 'R-WELL-4' });
    expect(wellOutcome(S(), { ...W, status: 'abandoned', in_coal_right: true })?.disposal).toMatchObject({
      location_class: 'coal_district',
      rule: 'R-WELL-5',
    });
    const d = wellOutcome(S(), { ...W, status: 'abandoned', in_coal_right: true, in_water_source: true });
    expect(d?.disposal).toMatchObject({
      location_class: 'ecologically_sensitive',
      rule: 'R-WELL-6',
      location_classes: ['ecologically_sensitive', 'coal_district'],
    });
    expect(d?.basis.map((b) => b.rule)).toEqual(['R-WELL-1', 'R-WELL-6', 'R-WELL-3', 'R-WELL-2']);
    expect(wellOutcome(S(), W)).toMatchObject({ outcome: 'inactive_well', disposal: { rule: 'R-WELL-7' } });
  });
  it('J3 disposal deadline (DB14/T 2053—2020 4.4): wells abandoned or long-inactive before 2020-09-10 by 2022-06-10; later ones “及时处置”, no number', () => {
    // 000:L6735 “4.4 废弃及长停井应及时处置，本文件实施前已废弃或长停的井应在本文件发布后两年内处置完毕”;
    // 000:L6618-6620 “2020 - 06 - 10 发布 / 2020 - 09 - 10 实施”; 3.2 (000:L6702) 长停井: “一年内未实际处置的井”.
    const old = wellOutcome(S(), { ...W, status: 'abandoned', status_since: '2018-03-01' })!;
    expect(old.disposal).toMatchObject({ deadline: '2022-06-10', deadline_passed: true });
    const note = old.basis.find((b) => b.rule === 'R-WELL-2')!;
    expect(note.citation).toBe('DB14/T 2053—2020 4.4');
    expect(note.note!.message_zh).toContain('2022-06-10');
    expect(note.note!.message_zh).toContain('该期限已过');
    // before the deadline it is not passed
    expect(wellOutcome(S({ as_of: '2021-01-01' }), { ...W, status: 'abandoned', status_since: '2018-03-01' })!.disposal).toMatchObject({
      deadline: '2022-06-10',
      deadline_passed: false,
    });
    // stopped 2019-10-01: long-inactive from 2020-10-01, after the standard took effect → “及时处置”, no date
    const later = wellOutcome(S(), { ...W, status: 'inactive', status_since: '2019-10-01' })!;
    expect(later.disposal).toMatchObject({ deadline: null, deadline_passed: null });
    expect(later.basis.find((b) => b.rule === 'R-WELL-2')!.note!.code).toBe('WELL_DISPOSAL_TIMELY');
    // stopped 2019-06-01: long-inactive from 2020-06-01, before 2020-09-10 → the two-year deadline
    expect(wellOutcome(S(), { ...W, status: 'inactive', status_since: '2019-06-01' })!.disposal!.deadline).toBe('2022-06-10');
    // date not recorded: both possibilities said, no date asserted
    const unknown = wellOutcome(S(), { ...W, status: 'abandoned', status_since: null })!;
    expect(unknown.disposal).toMatchObject({ deadline: null, deadline_passed: null });
    expect(unknown.basis.find((b) => b.rule === 'R-WELL-2')!.note!.code).toBe('WELL_DISPOSAL_DATE_UNKNOWN');
  });
  it('reports wells of other holders, and no own active well', () => {
    expect(wellOutcome(S(), { ...W, holder: '乙公司', status: 'producing' })?.outcome).toBe('other_holder_well');
    expect(wellOutcome(S(), { ...W, status: 'producing' })).toBeNull();
    expect(wellOutcome(S({ applicant: null }), { ...W, holder: '乙公司', status: 'producing' })).toBeNull();
  });
});

it('every rule has a citation and source wording; every outcome says whether it is deducted', () => {
  for (const [id, r] of Object.entries(RULES)) {
    expect(r.citation, id).toMatch(/号|DB14|指南|函/);
    expect(r.text.length, id).toBeGreaterThan(8);
  }
  expect(OUTCOMES.filter((o) => DEDUCTIBLE.has(o)).sort()).toEqual([
    'crosses_provincial_border',
    'deduct',
    'forbidden',
    'outside_exploration_block',
    'outside_original_area',
  ]);
});
