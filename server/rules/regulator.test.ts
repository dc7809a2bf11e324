/**
 * Issue 11: readings that contradicted the seeds, each test quoting the article it rests on (000 = seeds/000_*.txt,
 * 001 = seeds/001_*.txt, with line numbers). Each of these fails on the code before issue 11.
 */
import { describe, expect, it } from 'vitest';
import { assessExtension } from './extension';
import { extensionInputSchema, type ExtensionInput } from './schemas';
import { minimumInvestmentSchedule } from './investment';

const shanxi = (over: Partial<ExtensionInput>): ExtensionInput => ({
  regime: 'shanxi-cbm-2020',
  licensed_area_km2: 100,
  proven_reserve_area_km2: 0,
  unfinished_ratio: 0,
  ...over,
});
const codes = (ms: { code: string }[]) => ms.map((m) => m.code);

describe('item 1 — Shanxi CBM licences ending before 2020-05-01: the holder chooses 2 or 5 years (R-VAL-5)', () => {
  // 晋自然资发〔2020〕11号 二 (000:L4250): “勘查许可证截至时间为2020年5月1日前的，可由申请人选择延续2年或5年。选择2年的，适用原有规定
  // （晋国土资函〔2016〕348号，按照未完成最低勘查投入比例核减相应面积）；选择5年的，按照《办法》规定核减”
  it('computes both options; the 2-year one cuts by the unfinished ratio', () => {
    const r = assessExtension(
      shanxi({ licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0.1, valid_to: '2020-02-13' }),
    );
    expect(r.option).toBe('5y');
    expect(r.reduction_km2).toBe(52.4605);
    expect(r.term_years).toBe(5);
    const two = r.alternatives![0];
    expect(two.option).toBe('2y');
    expect(two.term_years).toBe(2);
    expect(two.reduction_km2).toBe(20.9842); // 209.842 × 10%
    expect(two.new_valid_to).toBe('2022-02-13');
    expect(codes(r.warnings)).toContain('LEGACY_CHOICE');
    const chosen2 = assessExtension(
      shanxi({
        licensed_area_km2: 268.752,
        proven_reserve_area_km2: 58.91,
        unfinished_ratio: 0.1,
        valid_to: '2020-02-13',
        shanxi_legacy_term: '2y',
      }),
    );
    expect(chosen2.reduction_km2).toBe(20.9842);
    expect(chosen2.alternatives![0].option).toBe('5y');
  });
});

describe('item 1 — with more than half the minimum investment unfinished the two options part ways', () => {
  // 11号 二 (000:L4250): “选择2年的，适用原有规定（…按照未完成最低勘查投入比例核减相应面积）；选择5年的，按照《办法》规定核减”;
  // 《办法》 = 273号令 第十七条 (000:L3388): “超过 50%的，不予办理延续登记”.
  it('u = 60 %: 5 years refused under 273号令, 2 years cut by 60 % under the old rule — both shown, the holder chooses', () => {
    const r = assessExtension(shanxi({ licensed_area_km2: 237.568, unfinished_ratio: 0.6, valid_to: '2020-02-13' }));
    expect(r.option).toBe('5y');
    expect(r.decision).toBe('refuse');
    expect(codes(r.refusal_reasons)).toContain('RED4_REFUSE');
    const two = r.alternatives![0];
    expect(two).toMatchObject({ option: '2y', decision: 'extend', term_years: 2, new_valid_to: '2022-02-13' });
    expect(two.reduction_km2).toBe(142.5408); // 237.568 × 60 %
    const w = r.warnings.find((m) => m.code === 'LEGACY_CHOICE')!;
    expect(w.params).toMatchObject({ five: null, two: '142.5408' });
    // a licence ending on or after 2020-05-01 has no choice: 5 years under 273号令 only
    const after = assessExtension(shanxi({ licensed_area_km2: 237.568, unfinished_ratio: 0.6, valid_to: '2020-05-01' }));
    expect(after.alternatives).toBeUndefined();
    expect(after.decision).toBe('refuse');
  });
});

describe('item 2 — committed investment is a contract term, not a statutory 30% band', () => {
  // 11号 四（三） (000:L4266): “未完成承诺投入的，按照合同约定核减面积；完成承诺投入不足 30% 的，按照合同约定不予延续登记”
  it('the unsourced "11hao-30" reading is gone: u = 60% is refused under 273号令 第十七条', () => {
    expect(extensionInputSchema.safeParse({ ...shanxi({}), contract: { refusal_reading: '11hao-30' } }).success).toBe(true); // unknown keys are stripped
    expect(assessExtension(shanxi({ unfinished_ratio: 0.6, contract: { refusal_reading: '11hao-30' } as never })).decision).toBe('refuse');
  });
  it('contract terms: refuse below the contract threshold, else the contract cut', () => {
    const refuse = assessExtension(shanxi({ unfinished_ratio: 0.1, contract: { committed_completion_ratio: 0.2 } }));
    expect(refuse.decision).toBe('refuse');
    expect(codes(refuse.refusal_reasons)).toContain('CONTRACT_REFUSE');
    expect(refuse.refusal_reasons[0].message).toMatch(/11号 四（三）/);
    const cut = assessExtension(
      shanxi({ unfinished_ratio: 0.1, contract: { committed_completion_ratio: 0.6, contract_reduction_ratio: 0.4 } }),
    );
    expect(cut.reduction_km2).toBe(40);
    expect(cut.steps.some((s) => s.rule === 'R-RED-CT' && s.citation === '晋自然资发〔2020〕11号 四（三）')).toBe(true);
    const noCut = assessExtension(shanxi({ unfinished_ratio: 0.1, contract: { committed_completion_ratio: 0.6 } }));
    expect(noCut.reduction_km2).toBe(25);
    expect(codes(noCut.warnings)).toContain('CONTRACT_CUT_MISSING');
  });
});

describe('item 10 — the contract-agreed cut is cited to the contract, not to 273号令 第十六条第二款', () => {
  // 273号令 第十六条第二款 (000:L3382) “本办法实施前探矿权出让合同另有约定的，按照合同执行” sits in the minimum-investment article.
  it('cites 11号 四（三） / 合同示范文本 第七条', () => {
    const r = assessExtension(shanxi({ contract: { agreed_reduction_ratio: 0.3 } }));
    expect(r.reduction_km2).toBe(30);
    const all = [...r.steps.map((s) => s.citation), ...r.readings.map((m) => m.message)].join(' ');
    expect(all).not.toMatch(/第十六条第二款/);
    expect(r.steps.find((s) => s.value === 30)!.citation).toMatch(/按照合同约定核减面积/);
  });
});

describe('item 11 — R-VAL-6 needs a completed mining registration', () => {
  // 273号令 第二十一条 (000:L3404): “提交探明地质储量后，应当在3年内申请采矿登记。3年内未完成转采登记的，探矿权不再延续”
  it('a filed application is not enough', () => {
    const base = {
      valid_to: '2024-12-31',
      application_date: '2024-11-01',
      proven_reserves_submitted_date: '2021-06-01',
      proven_reserve_area_km2: 10,
    };
    const filed = assessExtension(shanxi({ ...base, mining_application_filed: true }));
    expect(filed.decision).toBe('refuse');
    expect(codes(filed.readings)).toContain('VAL6_FILED_NOT_COMPLETED');
    expect(assessExtension(shanxi({ ...base, mining_registration_completed: true })).decision).toBe('extend');
  });
});

describe("item 12 — the contract's investment standard replaces the old one (R-INV-2)", () => {
  // 273号令 第十六条第二款 (000:L3382); 榆社-武乡 inspected against “出让规定的最低勘查投入要求（年勘查投入 3 万元/平方公里）” (000:L7132)
  it('榆社-武乡 2019: 246.592 km² × 3万 instead of 1万', () => {
    const args = { first_registration_date: '2019-06-13', area_km2: 246.592, from: '2019-06-13', to: '2020-01-01' };
    const old = minimumInvestmentSchedule(args);
    const contract = minimumInvestmentSchedule({ ...args, contract_rate_cny_per_km2_year: 30_000 });
    expect(old.total_cny).toBe(1_438_453.33); // 7 months × 1万 (the pre-issue figure 143.845万)
    expect(contract.total_cny).toBe(4_315_360); // 7 months × 3万
    expect(contract.steps[0].rule).toBe('R-INV-2');
  });
});

describe('disputed readings — each named, with a warning', () => {
  it('D1 tiers for 1990s blocks: from first registration (default) vs restarted on 2020-05-01', () => {
    // 273号令 第十六条 (000:L3372) “自勘查区块首次登记之日起” vs 11号 三 (000:L4252) “之后按照每五年提高一档”
    const args = { first_registration_date: '1999-03-16', area_km2: 100, from: '2020-05-01', to: '2021-05-01' };
    const lit = minimumInvestmentSchedule(args);
    const restart = minimumInvestmentSchedule({ ...args, tier_origin: 'restart_2020' });
    expect(lit.total_cny).toBe(100 * 100_000);
    expect(restart.total_cny).toBe(100 * 30_000);
    expect(codes(lit.warnings)).toContain('TIERS_DISPUTED');
  });
  it('D2 base at the second extension: current licensed area (default) vs first registration (273 literal)', () => {
    // 273号令 第十五条 (000:L3366) “扣减首次登记面积的 25%”; 11号 四 (000:L4254) “勘查许可证载明面积”
    const r = assessExtension(
      shanxi({
        licensed_area_km2: 216.2915,
        first_registration_area_km2: 268.752,
        proven_reserve_area_km2: 58.91,
        unfinished_ratio: 0.1,
        extensions_used: 1,
      }),
    );
    expect(r.reduction_km2).toBe(39.345375);
    const w = r.warnings.find((m) => m.code === 'BASE_LATER_EXTENSION')!;
    expect(w.message).toMatch(/base_reading/);
    expect(w.message_zh).toMatch(/首次登记面积/);
    expect(
      assessExtension(
        shanxi({
          licensed_area_km2: 216.2915,
          first_registration_area_km2: 268.752,
          proven_reserve_area_km2: 58.91,
          unfinished_ratio: 0.1,
          extensions_used: 1,
          contract: { base_reading: 'first_registration' },
        }),
      ).reduction_km2,
    ).toBe(52.4605);
  });
  it('D3 Shanxi at 25% after 自然资规〔2023〕6号 set 20%: kept, with a warning naming the reading', () => {
    // 001:L10495 “应当扣减勘查许可证载明面积的 20%”; 001:L10579 “本意见实施前已印发的其他文件与本意见规定不一致的，按照本意见执行”
    const r = assessExtension(
      shanxi({ licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0.1, valid_to: '2025-12-15' }),
    );
    expect(r.reduction_km2).toBe(52.4605);
    expect(codes(r.warnings)).toContain('RATE_PROVINCIAL_25');
    const n = assessExtension(
      shanxi({
        licensed_area_km2: 268.752,
        proven_reserve_area_km2: 58.91,
        unfinished_ratio: 0.1,
        valid_to: '2025-12-15',
        shanxi_rate_reading: 'national-20',
      }),
    );
    expect(n.reduction_km2).toBe(41.9684);
    expect(codes(n.readings)).toContain('RATE_NATIONAL_20');
    expect(codes(assessExtension(shanxi({ valid_to: '2022-12-15' })).warnings)).not.toContain('RATE_PROVINCIAL_25');
  });
});
