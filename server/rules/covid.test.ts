import { describe, expect, it } from 'vitest';
import { covidAffectedDays, covidInvestmentReduction, covidTermExtension, impliedAreaFromCovidReduction } from './covid';
import { roundTo } from './steps';

/** 晋自然资函〔2020〕1333号 附件1 (seed 000 L6229–L6247): 16 projects, extended 96 days. */
const ANNEX_1: { company: string; project: string; from: string; to: string; days: number; new_to: string }[] = [
  {
    company: '山西安鑫煤业有限公司',
    project: '山西省古县永乐区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西安鑫煤业有限公司',
    project: '山西省古县南区块煤层气勘查',
    from: '2019-11-04',
    to: '2023-02-03',
    days: 96,
    new_to: '2023-05-10',
  },
  {
    company: '山西省国新能源发展集团有限公司',
    project: '山西省榆社东区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西蓝焰煤层气有限责任公司',
    project: '山西省柳林石西区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西蓝焰煤层气有限责任公司',
    project: '山西省武乡南区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西蓝焰煤层气有限责任公司',
    project: '山西省和顺西区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西蓝焰煤层气有限责任公司',
    project: '山西省和顺横岭区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西美锦能源股份有限公司',
    project: '山西省介休区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西省平遥煤化(集团)有限责任公司',
    project: '山西省平遥南区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西省平遥煤化(集团)有限责任公司',
    project: '山西省横岭东区块煤层气勘查',
    from: '2019-11-04',
    to: '2023-02-03',
    days: 96,
    new_to: '2023-05-10',
  },
  {
    company: '山西省平遥煤化(集团)有限责任公司',
    project: '山西省武乡东区块煤层气勘查',
    from: '2019-07-11',
    to: '2022-10-10',
    days: 96,
    new_to: '2023-01-14',
  },
  {
    company: '山西乾通新能源开发集团有限公司',
    project: '山西省古县永乐北区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西尚道实业有限公司',
    project: '山西省安泽南区块煤层气勘查',
    from: '2017-12-29',
    to: '2021-03-28',
    days: 96,
    new_to: '2021-07-02',
  },
  {
    company: '山西昔阳丰汇煤业有限公司',
    project: '山西省榆社-武乡煤层气区块勘查',
    from: '2019-06-13',
    to: '2022-09-12',
    days: 96,
    new_to: '2022-12-17',
  },
  {
    company: '山西平遥峰岩煤焦集团有限公司',
    project: '山西省昔阳沾尚区块煤层气勘查',
    from: '2019-11-04',
    to: '2023-02-03',
    days: 96,
    new_to: '2023-05-10',
  },
  {
    company: '山西聚源煤化有限公司',
    project: '山西省浮山区块煤层气勘查',
    from: '2019-11-04',
    to: '2023-02-03',
    days: 96,
    new_to: '2023-05-10',
  },
];

/**
 * 晋自然资函〔2020〕1333号 附件2 (seed 000 L6253–L6264): 10 projects, reduced minimum investment (万元).
 * area: from the 2020 inspection report (seed L7074–L7170) where published; `implied` areas are DERIVED
 * from the row itself, to 3 decimals (000-part-b §1.10 rounds them to ≈1004.71, ≈99.32, ≈679.51; 99.32 would give 26.123, so 99.318 is used) and only checked for self-consistency.
 */
const ANNEX_2: { company: string; project: string; from: string; to: string; days: number; wan: number; area: number; implied?: true }[] = [
  {
    company: '中石油煤层气公司',
    project: '山西三交北地区合同区块煤层气天然气勘查',
    from: '2020-04-03',
    to: '2022-04-03',
    days: 27,
    wan: 78.114,
    area: 1055.979,
  },
  {
    company: '中石油煤层气公司',
    project: '山西鄂尔多斯盆地河曲区块煤层气勘查',
    from: '2020-04-14',
    to: '2022-04-14',
    days: 16,
    wan: 11.903,
    area: 271.526,
  },
  {
    company: '中石油煤层气公司',
    project: '山西石楼南合同区块煤层气勘查',
    from: '2019-06-03',
    to: '2020-04-14',
    days: 80,
    wan: 213.772,
    area: 975.336,
  },
  {
    company: '中石油煤层气公司',
    project: '山西石楼北-武家庄区块煤层气勘查',
    from: '2018-04-18',
    to: '2020-04-18',
    days: 84,
    wan: 231.221,
    area: 1004.71,
    implied: true,
  },
  {
    company: '中石油煤层气公司',
    project: '山西临兴地区紫金山合同区块煤层气勘查',
    from: '2018-05-08',
    to: '2020-05-07',
    days: 96,
    wan: 185.521,
    area: 705.367,
  },
  {
    company: '中石油煤层气公司',
    project: '山西河东煤田三交地区A区块煤层气勘查',
    from: '2018-05-08',
    to: '2020-05-07',
    days: 96,
    wan: 26.122,
    area: 99.318,
    implied: true,
  },
  {
    company: '中石油煤层气公司',
    project: '山西鄂尔多斯盆地保德地区煤层气勘查',
    from: '2020-05-09',
    to: '2022-05-09',
    days: 0,
    wan: 0,
    area: 384.681,
  },
  {
    company: '中石油华北油田分公司',
    project: '山西宁武盆地南部地区煤层气勘查',
    from: '2018-05-08',
    to: '2020-05-07',
    days: 96,
    wan: 178.72,
    area: 679.508,
    implied: true,
  },
  {
    company: '中联煤层气公司',
    project: '山西沁源区块煤层气勘查',
    from: '2018-09-09',
    to: '2020-09-08',
    days: 96,
    wan: 783.152,
    area: 2977.609,
  },
  {
    company: '中联煤层气公司',
    project: '山西省沁水盆地寿阳西区块煤层气勘查',
    from: '2018-12-16',
    to: '2020-12-15',
    days: 96,
    wan: 64.725,
    area: 246.09,
  },
];

describe('R-COVID-2: 附件1 — every row extended by its affected days', () => {
  it.each(ANNEX_1)('$project ($from–$to) → $days d, ends $new_to', (row) => {
    expect(covidAffectedDays(row.from, row.to).days).toBe(row.days);
    const r = covidTermExtension({ valid_from: row.from, valid_to: row.to });
    expect(r.affected_days).toBe(96);
    expect(r.new_valid_to).toBe(row.new_to);
    expect(r.steps.at(-1)!.citation).toBe('晋自然资函〔2020〕1333号 一');
  });
  it('has 16 projects of 10 companies', () => {
    expect(ANNEX_1).toHaveLength(16);
    expect(new Set(ANNEX_1.map((r) => r.company)).size).toBe(10);
  });
});

describe('R-COVID-3: 附件2 — every row reproduced by area × 10,000 × days / 365', () => {
  it.each(ANNEX_2)('$project ($from–$to): $days d → $wan 万元', (row) => {
    const r = covidInvestmentReduction({ valid_from: row.from, valid_to: row.to, area_km2: row.area });
    expect(r.affected_days).toBe(row.days);
    expect(r.reduction_wan).toBe(row.wan);
    expect(r.steps.at(-1)!.citation).toBe('晋自然资函〔2020〕1333号 二');
    if (row.days > 0 && row.implied) {
      expect(roundTo(impliedAreaFromCovidReduction(row.wan, row.days), 3)).toBe(row.area);
    }
  });
  it('has 10 projects of 3 companies', () => {
    expect(ANNEX_2).toHaveLength(10);
    expect(new Set(ANNEX_2.map((r) => r.company)).size).toBe(3);
  });
  it('三交北 conflict: the inspection report start 2020-04-14 would give 16 days, not the annex’s 27', () => {
    expect(covidAffectedDays('2020-04-14', '2022-04-14').days).toBe(16);
  });
  it('the full window is 96 days', () => {
    expect(covidAffectedDays('2019-01-01', '2021-01-01').days).toBe(96);
    expect(covidAffectedDays('2020-05-01', '2021-01-01').days).toBe(0);
    expect(covidAffectedDays('2018-01-01', '2020-01-20').days).toBe(0);
  });
});
