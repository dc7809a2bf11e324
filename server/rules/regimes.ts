/**
 * Regimes: the same question (how much area to give up at an exploration-right extension) has
 * different answers by date and jurisdiction (RULES.md §1). Every result states its regime.
 */
import { defineMessages, say, type Message } from '../i18n/message';
import { compareDates, type IsoDate } from './dates';

export const REGIME_IDS = ['national-2019', 'shanxi-cbm-2020', 'national-2023'] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

export interface RegimeSource {
  /** Document number as cited, e.g. '自然资规〔2019〕7号'. */
  doc: string;
  title_zh: string;
  issued: IsoDate;
  in_force_from: IsoDate;
  /** Last day of the stated validity, or of repeal; null when open-ended. */
  in_force_to: IsoDate | null;
  note?: string;
}

export interface RegimeInfo {
  id: RegimeId;
  name_zh: string;
  name_en: string;
  /** Territory and minerals the regime covers. */
  scope: string;
  /** First day the regime's extension rules apply. */
  in_force_from: IsoDate;
  /** Last day it applies (as chosen by regimeForDate), null when open-ended. */
  in_force_to: IsoDate | null;
  sources: RegimeSource[];
  /** Extension reduction in one line. */
  reduction_summary: string;
}

/** Day the Shanxi CBM decree (山西省人民政府令第273号) took effect. */
export const SHANXI_CBM_EFFECTIVE: IsoDate = '2020-05-01';
/** Day 自然资规〔2019〕7号 took effect. */
export const NATIONAL_2019_EFFECTIVE: IsoDate = '2020-05-01';
/**
 * Day 自然资规〔2023〕6号 (which holds the 20% rule, item 七) took effect: "自印发之日起实施", issued
 * 2023-07-26 [001 L10495, L10575–L10585]; it repealed 〔2019〕7号 the same day.
 */
export const NATIONAL_2023_EFFECTIVE: IsoDate = '2023-07-26';

export const REGIMES: Record<RegimeId, RegimeInfo> = {
  'national-2019': {
    id: 'national-2019',
    name_zh: '全国矿产资源管理改革（2019，试行）',
    name_en: 'National mineral-management reform (2019, trial)',
    scope: 'All provinces, all minerals (oil/gas incl. CBM outside the Shanxi CBM regime)',
    in_force_from: NATIONAL_2019_EFFECTIVE,
    in_force_to: '2023-07-25',
    sources: [
      {
        doc: '自然资规〔2019〕7号',
        title_zh: '自然资源部关于推进矿产资源管理改革若干事项的意见（试行）',
        issued: '2019-12-31',
        in_force_from: '2020-05-01',
        in_force_to: '2023-07-25',
        note: '“自2020年5月1日起实施，有效期三年” (nominally to 2023-04-30); repealed by 自然资规〔2023〕6号 on 2023-07-26',
      },
    ],
    reduction_summary:
      '25% of the first-issued licence area, minus proven reserves (oil/gas) / submitted resources; none for deep/upper exploration of an existing mining right',
  },
  'shanxi-cbm-2020': {
    id: 'shanxi-cbm-2020',
    name_zh: '山西省煤层气勘查开采管理（2020）',
    name_en: 'Shanxi coal-bed methane exploration and mining (2020)',
    scope: 'Shanxi province, coal-bed methane (煤层气)',
    in_force_from: SHANXI_CBM_EFFECTIVE,
    in_force_to: null,
    sources: [
      {
        doc: '山西省人民政府令第273号',
        title_zh: '山西省煤层气勘查开采管理办法',
        issued: '2020-03-30',
        in_force_from: '2020-05-01',
        in_force_to: null,
      },
      {
        doc: '晋自然资发〔2020〕11号',
        title_zh: '关于贯彻落实《山西省煤层气勘查开采管理办法》的实施意见',
        issued: '2020-05-07',
        in_force_from: '2020-05-07',
        in_force_to: null,
      },
      {
        doc: '晋自然资发〔2020〕15号',
        title_zh: '山西省煤层气探矿权出让（延续）合同示范文本（试行）',
        issued: '2020-05-22',
        in_force_from: '2020-05-22',
        in_force_to: null,
      },
      {
        doc: '晋自然资函〔2020〕1333号',
        title_zh: '关于受新冠疫情影响煤层气探矿权延续及考核问题的函',
        issued: '2020-12-31',
        in_force_from: '2020-12-31',
        in_force_to: null,
      },
    ],
    reduction_summary: '(licensed − proven) × 25%, or × unfinished investment share u when 25% < u ≤ 50%; refused when u > 50%',
  },
  'national-2023': {
    id: 'national-2023',
    name_zh: '全国矿产资源管理改革（2023）',
    name_en: 'National mineral-management reform (2023)',
    scope: 'All provinces, all minerals (outside the Shanxi CBM regime)',
    in_force_from: NATIONAL_2023_EFFECTIVE,
    in_force_to: null,
    sources: [
      {
        doc: '自然资规〔2023〕4号',
        title_zh: '自然资源部关于进一步完善矿产资源勘查开采登记管理的通知',
        issued: '2023-05-06',
        in_force_from: '2023-05-06',
        in_force_to: '2028-05-05',
        note: '“自印发之日起施行，有效期5年”; force-majeure areas count against the reduction (一（一）5)',
      },
      {
        doc: '自然资规〔2023〕6号',
        title_zh: '自然资源部关于深化矿产资源管理改革若干事项的意见',
        issued: '2023-07-26',
        in_force_from: '2023-07-26',
        in_force_to: '2028-07-25',
        note: '“自印发之日起实施，有效期五年”; item 七: 5-year terms, 20% of the licensed area',
      },
    ],
    reduction_summary:
      '20% of the licensed area minus submitted reserves/resources; 0 for deep/upper of own mining right; force-majeure area counts against it',
  },
};

export interface RegimeContext {
  /** Province name or code: 'Shanxi', '山西', '山西省' and '14' all mean Shanxi. */
  province?: string;
  /** Mineral: 'CBM', 'coalbed_methane', '煤层气' all mean coal-bed methane. */
  mineral?: string;
}

export interface RegimeChoice {
  regime: RegimeId;
  reason: Message;
  warnings: Message[];
  /** R-VAL-5: the holder chooses the term (2 or 5 years) — Shanxi CBM licences ending before 2020-05-01. */
  holder_choice?: boolean;
}

const SHANXI = new Set(['shanxi', '山西', '山西省', '14', '140000', 'sx']);
const CBM = new Set(['cbm', 'coalbed_methane', 'coal-bed methane', 'coalbed methane', 'coal_bed_methane', '煤层气']);

/** True when the context names Shanxi province. */
export function isShanxi(province?: string): boolean {
  return province !== undefined && SHANXI.has(province.trim().toLowerCase());
}

/** True when the context names coal-bed methane. */
export function isCbm(mineral?: string): boolean {
  return mineral !== undefined && CBM.has(mineral.trim().toLowerCase());
}

const M = defineMessages({
  SHANXI_CBM: {
    en: () => 'Shanxi CBM on/after 2020-05-01: 山西省人民政府令第273号 (in force 2020-05-01) with 晋自然资发〔2020〕11号 and 〔2020〕15号',
    zh: () => '山西煤层气，2020-05-01 及以后：山西省人民政府令第273号（2020-05-01 施行）及晋自然资发〔2020〕11号、15号',
  },
  SHANXI_CBM_LEGACY: {
    en: (p: { date: string }) =>
      `Shanxi CBM licence ending ${p.date}, before 2020-05-01: 晋自然资发〔2020〕11号 二 (000:L4250) lets the holder choose 5 years under 273号令 or 2 years under the old rule (晋国土资函〔2016〕348号) — both are assessed (R-VAL-5)`,
    zh: (p: { date: string }) =>
      `山西煤层气许可证 ${p.date} 到期，早于 2020-05-01：按晋自然资发〔2020〕11号 二（000:L4250）由申请人选择按《办法》延续 5 年或按原规定（晋国土资函〔2016〕348号）延续 2 年，两种均予计算（R-VAL-5）`,
  },
  NATIONAL_2023: {
    en: () => 'on/after 2023-07-26: 自然资规〔2023〕6号 七 (effective on issue, repealing 〔2019〕7号) with 〔2023〕4号',
    zh: () => '2023-07-26 及以后：自然资规〔2023〕6号 七（自印发之日起实施，同时废止〔2019〕7号）及〔2023〕4号',
  },
  NATIONAL_2019: {
    en: () => 'before 2023-07-26: 自然资规〔2019〕7号 七',
    zh: () => '2023-07-26 之前：自然资规〔2019〕7号 七',
  },
  BEFORE_2019_RULES: {
    en: (p: { date: string }) =>
      `${p.date} is before 2020-05-01, when 自然资规〔2019〕7号 took effect; the earlier national rules are not modelled — national-2019 is used as the nearest regime`,
    zh: (p: { date: string }) => `${p.date} 早于自然资规〔2019〕7号 施行日 2020-05-01；此前的全国规定未建模，按最接近的 national-2019 计算`,
  },
  N19_PAST_VALIDITY: {
    en: (p: { date: string }) =>
      `自然资规〔2019〕7号 was valid three years from 2020-05-01 (to 2023-04-30) but was only repealed by 〔2023〕6号 on 2023-07-26; national-2019 is used for ${p.date}`,
    zh: (p: { date: string }) =>
      `自然资规〔2019〕7号 有效期三年（至 2023-04-30），至 2023-07-26 方由〔2023〕6号 废止；${p.date} 按 national-2019 计算`,
  },
});

/**
 * Choose the regime in force on `date`, with the reason (RULES.md §1):
 * Shanxi CBM → shanxi-cbm-2020 (273号令, in force 2020-05-01); a Shanxi CBM licence ending before 2020-05-01 is
 * also assessed under it, with the holder's 2-or-5-year choice of 晋自然资发〔2020〕11号 二 (R-VAL-5);
 * others from 2023-07-26 → national-2023 (自然资规〔2023〕6号 七, effective on issue);
 * otherwise national-2019 (自然资规〔2019〕7号 七).
 */
export function explainRegimeForDate(date: IsoDate, ctx: RegimeContext = {}): RegimeChoice {
  const warnings: Message[] = [];
  if (isShanxi(ctx.province) && isCbm(ctx.mineral)) {
    if (compareDates(date, SHANXI_CBM_EFFECTIVE) >= 0) return { regime: 'shanxi-cbm-2020', reason: say(M, 'SHANXI_CBM'), warnings };
    return { regime: 'shanxi-cbm-2020', reason: say(M, 'SHANXI_CBM_LEGACY', { date }), warnings, holder_choice: true };
  }
  if (compareDates(date, NATIONAL_2023_EFFECTIVE) >= 0) return { regime: 'national-2023', reason: say(M, 'NATIONAL_2023'), warnings };
  if (compareDates(date, NATIONAL_2019_EFFECTIVE) < 0) warnings.push(say(M, 'BEFORE_2019_RULES', { date }));
  else if (compareDates(date, '2023-04-30') > 0) warnings.push(say(M, 'N19_PAST_VALIDITY', { date }));
  return { regime: 'national-2019', reason: say(M, 'NATIONAL_2019'), warnings };
}

/** The regime id in force on `date` for the province/mineral (see explainRegimeForDate). */
export function regimeForDate(date: IsoDate, ctx: RegimeContext = {}): RegimeId {
  return explainRegimeForDate(date, ctx).regime;
}
