/**
 * Named readings and assessment inputs, with their labels in both languages (issue 9: a Chinese sentence names
 * a reading by its Chinese label, never by its API key; issue 11: every disputed reading is a named parameter).
 * The API key stays in the English sentence and in the Message's params, so a client can still point at it.
 * server/rules/README.md lists the same readings with their articles and defaults.
 */
import type { Lang } from '../vocab';

interface Label {
  zh: string;
  en: string;
}

/** Every named reading: its API key, its label, the label of each value, and its default. */
export const READINGS = {
  'contract.exemption_reading': {
    zh: '豁免条件读法',
    en: 'contract.exemption_reading',
    values: { and: { zh: '“且”（三项均满足）', en: 'and' }, or: { zh: '“或”（首次延续）', en: 'or' } },
    default: 'and',
  },
  'contract.base_reading': {
    zh: '核减基数读法',
    en: 'contract.base_reading',
    values: { licensed: { zh: '证载面积', en: 'licensed' }, first_registration: { zh: '首次登记面积', en: 'first_registration' } },
    default: 'licensed',
  },
  shanxi_legacy_term: {
    zh: '2020-05-01 前到期许可证的延续选项',
    en: 'shanxi_legacy_term',
    values: { '5y': { zh: '按《办法》延续 5 年', en: '5y' }, '2y': { zh: '按原规定延续 2 年', en: '2y' } },
    default: '5y',
  },
  shanxi_rate_reading: {
    zh: '山西煤层气核减比例读法',
    en: 'shanxi_rate_reading',
    values: { 'provincial-25': { zh: '省规 25%', en: 'provincial-25' }, 'national-20': { zh: '全国 20%', en: 'national-20' } },
    default: 'provincial-25',
  },
  tier_origin: {
    zh: '投入档次起算读法',
    en: 'tier_origin',
    values: {
      first_registration: { zh: '自首次登记起算', en: 'first_registration' },
      restart_2020: { zh: '自 2020-05-01 重新起算', en: 'restart_2020' },
    },
    default: 'first_registration',
  },
  month_rounding: {
    zh: '“计算到月”读法',
    en: 'month_rounding',
    values: { round: { zh: '四舍五入到整月', en: 'round' }, fractional: { zh: '按日折算', en: 'fractional' } },
    default: 'round',
  },
  void_reading: {
    zh: '他人矿业权失效时点读法',
    en: 'void_reading',
    values: { after_expiry: { zh: '有效期届满次日', en: 'after_expiry' }, after_annulment: { zh: '公告废止后', en: 'after_annulment' } },
    default: 'after_expiry',
  },
  national_extension_protected: {
    zh: '全国规定下延续时的保护地和生态红线读法',
    en: 'national_extension_protected',
    values: { review: { zh: '提示审查、不扣除', en: 'review' }, deduct: { zh: '扣除', en: 'deduct' } },
    default: 'review',
  },
  oil_gas_redline_extension: {
    zh: '全国油气探矿权延续时的正式生态红线读法',
    en: 'oil_gas_redline_extension',
    values: { review: { zh: '提示审查', en: 'review' }, keep: { zh: '保留', en: 'keep' }, deduct: { zh: '扣除', en: 'deduct' } },
    default: 'review',
  },
  protected_counts_toward_required: {
    zh: '保护地面积计入应核减面积读法',
    en: 'protected_counts_toward_required',
    values: { true: { zh: '计入', en: 'true' }, false: { zh: '不计入', en: 'false' } },
    default: 'false',
  },
} as const satisfies Record<string, Label & { values: Record<string, Label>; default: string }>;

export type ReadingName = keyof typeof READINGS;

/** Assessment inputs a sentence may ask for, by their API key. */
export const INPUTS = {
  extensions_used: { zh: '已延续次数', en: 'extensions_used' },
  unfinished_ratio: { zh: '最低勘查投入未完成比例', en: 'unfinished_ratio' },
  years_existing: { zh: '累计存续年限', en: 'years_existing' },
  required_km2: { zh: '应核减面积', en: 'required_km2' },
  first_registration_area_km2: { zh: '首次登记面积', en: 'first_registration_area_km2' },
  'contract.committed_completion_ratio': { zh: '完成承诺投入比例', en: 'contract.committed_completion_ratio' },
  'contract.contract_reduction_ratio': { zh: '合同约定核减比例', en: 'contract.contract_reduction_ratio' },
  'contract.contract_refusal_completion_below': { zh: '合同约定不予延续阈值', en: 'contract.contract_refusal_completion_below' },
  'contract.agreed_reduction_ratio': { zh: '出让合同约定核减比例', en: 'contract.agreed_reduction_ratio' },
  contract_rate_cny_per_km2_year: { zh: '合同约定勘查投入标准', en: 'contract_rate_cny_per_km2_year' },
  mining_registration_completed: { zh: '已完成转采登记', en: 'mining_registration_completed' },
} as const satisfies Record<string, Label>;

export type InputName = keyof typeof INPUTS;

/** A reading with its value as a sentence names it: `tier_origin = "restart_2020"` / `投入档次起算读法“自 2020-05-01 重新起算”`. */
export function readingLabel<R extends ReadingName>(name: R, value: keyof (typeof READINGS)[R]['values'] & string, lang: Lang): string {
  const r = READINGS[name];
  const v = (r.values as Record<string, Label>)[value];
  return lang === 'zh' ? `${r.zh}“${v?.zh ?? value}”` : `${r.en} = "${value}"`;
}

/** A reading's name alone (en: its API key). */
export function readingName(name: ReadingName, lang: Lang): string {
  return READINGS[name][lang];
}

/** An input's name (en: its API key, zh: its label). */
export function inputName(name: InputName, lang: Lang): string {
  return INPUTS[name][lang];
}
