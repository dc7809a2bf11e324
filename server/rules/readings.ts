/**
 * Named readings and assessment inputs, with their labels in both languages (issue 9: a Chinese sentence names
 * a reading by its Chinese label, never by its API key; issue 11: every disputed reading is a named parameter).
 * The API key stays in the English sentence and in the Message's params, so a client can still point at it.
 * server/rules/README.md lists the same readings with their articles and defaults.
 */
import { z } from 'zod';
import { defineMessages, say, type Message } from '../i18n/message';
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

/** An input's name (en: its API key, zh: its label). */
export function inputName(name: InputName, lang: Lang): string {
  return INPUTS[name][lang];
}

/** Why each reading is disputed, in both languages (the warning echoed with it). */
const WHY: Record<ReadingName, Label> = {
  'contract.exemption_reading': {
    en: '273号令 第十五条第二款 (000:L3366) says AND, 晋自然资发〔2020〕11号 四（三） (000:L4266) says OR',
    zh: '273号令 第十五条第二款（000:L3366）为“且”，晋自然资发〔2020〕11号 四（三）（000:L4266）为“或”',
  },
  'contract.base_reading': {
    en: '11号 四 (000:L4254) takes the licensed area, 273号令 第十五条 (000:L3366) the first-registration area',
    zh: '11号 四（000:L4254）按证载面积，273号令 第十五条（000:L3366）按首次登记面积',
  },
  shanxi_legacy_term: {
    en: '11号 二 (000:L4250): the holder chooses 5 years under 273号令 or 2 years under the old rule',
    zh: '11号 二（000:L4250）：由申请人选择按《办法》延续 5 年或按原规定延续 2 年',
  },
  shanxi_rate_reading: {
    en: '273号令 sets 25 %; 自然资规〔2023〕6号 七 set 20 % and overrides earlier documents (001:L10495, L10579)',
    zh: '273号令 为 25%；自然资规〔2023〕6号 七 为 20%，并规定此前文件与其不一致的按其执行（001:L10495、L10579）',
  },
  tier_origin: {
    en: '273号令 第十六条 counts from first registration (000:L3372); 11号 三 “之后按照每五年提高一档” (000:L4252) can be read as a restart',
    zh: '273号令 第十六条 自首次登记起算（000:L3372）；11号 三“之后按照每五年提高一档”（000:L4252）可理解为重新起算',
  },
  month_rounding: {
    en: '11号 三 “计算到月” (000:L4252): rounded to whole months or counted by day',
    zh: '11号 三“计算到月”（000:L4252）：四舍五入到整月或按日折算',
  },
  void_reading: {
    en: '273号令 第十五条 “自行废止” (000:L3364) vs 4号 四（十一）5, 四（十八）: lapsed rights are cancelled by public notice (001:L9726, L9805)',
    zh: '273号令 第十五条“自行废止”（000:L3364）与 4号 四（十一）5、四（十八）：逾期矿业权经公告注销（001:L9726、L9805）',
  },
  national_extension_protected: {
    en: '6号 三 (001:L10430-10436) covers new rights; no national rule for protected areas at extension',
    zh: '6号 三（001:L10430-10436）针对新设矿业权；延续时的保护地无全国性规定',
  },
  oil_gas_redline_extension: {
    en: '自然资发〔2022〕142号 (outside the seeds) permits continued oil/gas exploration inside red lines without enlargement',
    zh: '自然资发〔2022〕142号（资料以外）允许油气探矿权在生态红线内不扩大范围继续勘查',
  },
  protected_counts_toward_required: {
    en: 'no source says protected areas that must leave count toward the reduction (11号 十, 000:L4292)',
    zh: '无文件规定须退出的保护地计入核减面积（11号 十，000:L4292）',
  },
};

export const READING_SAY = defineMessages({
  READING_APPLIED: {
    en: (p: { name: string; value: string; requested: boolean; default: string; why: string; why_zh: string }) =>
      `disputed reading ${p.name} = "${p.value}" (${p.requested ? 'as requested' : 'default'}; default "${p.default}"): ${p.why}`,
    zh: (p: { name: string; value: string; requested: boolean; default: string; why: string; why_zh: string }) => {
      const r = READINGS[p.name as ReadingName];
      const v = (r?.values as Record<string, Label> | undefined)?.[p.value]?.zh ?? p.value;
      const d = (r?.values as Record<string, Label> | undefined)?.[p.default]?.zh ?? p.default;
      return `有争议的${r?.zh ?? '读法'}“${v}”（${p.requested ? '按请求' : '默认'}；默认“${d}”）：${p.why_zh}`;
    },
  },
});

/** One reading as applied: its name, value, whether the request set it, and its warning (a Message). */
export interface ReadingApplied {
  name: ReadingName;
  value: string;
  default: string;
  requested: boolean;
  warning: Message;
}

/** The readings a computation used, each echoed with its warning. `given` holds what the request set. */
export function readingsApplied(names: ReadingName[], given: Partial<Record<ReadingName, string | boolean | undefined>>): ReadingApplied[] {
  return names.map((name) => {
    const g = given[name];
    const requested = g !== undefined;
    const value = requested ? String(g) : READINGS[name].default;
    const def = READINGS[name].default;
    return {
      name,
      value,
      default: def,
      requested,
      warning: say(READING_SAY, 'READING_APPLIED', { name, value, requested, default: def, why: WHY[name].en, why_zh: WHY[name].zh }),
    };
  });
}

/** zod shapes of the readings a request may set (validated at the HTTP edge, 422 naming the field). */
export const readingSchemas = {
  tier_origin: z.enum(['first_registration', 'restart_2020']),
  month_rounding: z.enum(['round', 'fractional']),
  exemption_reading: z.enum(['and', 'or']),
  base_reading: z.enum(['licensed', 'first_registration']),
  shanxi_legacy_term: z.enum(['5y', '2y']),
  shanxi_rate_reading: z.enum(['provincial-25', 'national-20']),
  void_reading: z.enum(['after_expiry', 'after_annulment']),
  national_extension_protected: z.enum(['review', 'deduct']),
  oil_gas_redline_extension: z.enum(['review', 'keep', 'deduct']),
  protected_counts_toward_required: z.boolean(),
} as const;

/** Readings of a stored block's assessment (query string of GET /api/blocks/{id}/assessment, body of the planner). */
export const assessmentReadingsSchema = z.object({
  tier_origin: readingSchemas.tier_origin.optional(),
  month_rounding: readingSchemas.month_rounding.optional(),
  exemption_reading: readingSchemas.exemption_reading.optional(),
  base_reading: readingSchemas.base_reading.optional(),
  shanxi_legacy_term: readingSchemas.shanxi_legacy_term.optional(),
  shanxi_rate_reading: readingSchemas.shanxi_rate_reading.optional(),
});
export type AssessmentReadings = z.infer<typeof assessmentReadingsSchema>;

/** Readings of the conflict engine that decide what leaves a block at its extension (planner body). */
export const conflictReadingsSchema = z.object({
  void_reading: readingSchemas.void_reading.optional(),
  national_extension_protected: readingSchemas.national_extension_protected.optional(),
  oil_gas_redline_extension: readingSchemas.oil_gas_redline_extension.optional(),
});

/** The assessment readings as the echo names them. */
export function assessmentReadingsGiven(r: AssessmentReadings): Partial<Record<ReadingName, string | undefined>> {
  return {
    tier_origin: r.tier_origin,
    month_rounding: r.month_rounding,
    'contract.exemption_reading': r.exemption_reading,
    'contract.base_reading': r.base_reading,
    shanxi_legacy_term: r.shanxi_legacy_term,
    shanxi_rate_reading: r.shanxi_rate_reading,
  };
}
