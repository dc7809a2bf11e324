/**
 * Sentences of the extension assessment (readings, warnings, refusal reasons), in both languages.
 * SX: shanxi-cbm-2020; NAT: national-2019 / national-2023.
 */
import { defineMessages } from '../i18n/message';
import { inputName, readingLabel } from './readings';

type N = null;

export const SX = defineMessages({
  VAL2_LATE: {
    en: (p: { app: string; last: string }) =>
      `R-VAL-2 (273号令 第十五条): application on ${p.app} is later than 30 days before expiry (${p.last}) — the licence lapses at expiry (自行废止)`,
    zh: (p: { app: string; last: string }) =>
      `R-VAL-2（273号令 第十五条）：${p.app} 申请晚于有效期届满前 30 日（${p.last}），许可证期满自行废止`,
  },
  VAL6_FILED_NOT_COMPLETED: {
    en: () =>
      'R-VAL-6: a filed mining application does not satisfy 273号令 第二十一条 (“3年内未完成转采登记的，探矿权不再延续”); only a completed registration does',
    zh: () => 'R-VAL-6：仅提交采矿登记申请不满足 273号令 第二十一条（“3年内未完成转采登记的，探矿权不再延续”），须已完成转采登记',
  },
  VAL6_APPLIED_IN_TIME: {
    en: (p: { cit: string; applied: string; last: string }) =>
      `R-VAL-6 (${p.cit}): a conversion application was submitted on ${p.applied}, by the last day ${p.last}, and is pending or approved — read as meeting the deadline: 273号令 第二十一条 “应当在3年内申请采矿登记” and the contract template 第十二条(七) “未在 3 年内办理采矿登记” (000:L4477) bind the holder to apply within 3 years; “未完成转采登记” then waits on the authority's decision (a refused or withdrawn application does not count)`,
    zh: (p: { cit: string; applied: string; last: string }) =>
      `R-VAL-6（${p.cit}）：转采申请已于 ${p.applied} 提交（不晚于 ${p.last}），尚在办理或已批准，视为满足期限：273号令 第二十一条“应当在3年内申请采矿登记”及合同示范文本第十二条（七）“未在 3 年内办理采矿登记”（000:L4477）约束的是探矿权人在 3 年内提出申请；“未完成转采登记”取决于登记管理机关的办理（被驳回或撤回的申请不计）`,
  },
  VAL6_APPLIED_LATE: {
    en: (p: { applied: string; last: string }) =>
      `R-VAL-6: the conversion application on record was submitted on ${p.applied}, after the last day ${p.last}: it does not meet the deadline`,
    zh: (p: { applied: string; last: string }) => `R-VAL-6：登记的转采申请于 ${p.applied} 提交，晚于 ${p.last}，不满足期限`,
  },
  VAL6_NOT_CONVERTED: {
    en: (p: { cit: string; proven: string; last: string }) =>
      `R-VAL-6 (${p.cit}): proven reserves submitted ${p.proven} but the conversion to mining was not completed by ${p.last} — 探矿权不再延续`,
    zh: (p: { cit: string; proven: string; last: string }) =>
      `R-VAL-6（${p.cit}）：${p.proven} 提交探明储量，${p.last} 前未完成转采登记，探矿权不再延续`,
  },
  VAL3_ASSUMED_0: {
    en: () => 'R-VAL-3: extensions_used not given — assumed 0',
    zh: () => `R-VAL-3：未给出${inputName('extensions_used', 'zh')}，按 0 次计`,
  },
  VAL4_READING: {
    en: () =>
      'R-VAL-4: years_existing is read as cumulative existence on 2020-05-01 and extensions_used as extensions since then; > 15 years → one 5-year extension, further ones only if proven reserves were submitted (then the R-VAL-3 cap of 2 applies)',
    zh: () =>
      `R-VAL-4：“${inputName('years_existing', 'zh')}”按截至 2020-05-01 的累计存续年限理解，“${inputName('extensions_used', 'zh')}”按此后的延续次数理解；超过 15 年的可延续 5 年一次，提交探明储量后方可再延续（仍受 R-VAL-3 两次上限约束）`,
  },
  VAL4_USED: {
    en: () =>
      'R-VAL-4 (273号令 第十五条第四款): block existed > 15 years before 273号令; its one extra 5-year extension is used and no proven reserves were submitted — 不再办理延续登记',
    zh: () =>
      'R-VAL-4（273号令 第十五条第四款）：区块在办法实施前已存续超过 15 年，可延续的一次 5 年已用，且未提交探明储量，不再办理延续登记',
  },
  VAL3_USED: {
    en: (p: { used: number }) => `R-VAL-3 (273号令 第十五条): at most two 5-year extensions (期满后不再延续); ${p.used} already used`,
    zh: (p: { used: number }) => `R-VAL-3（273号令 第十五条）：最多延续两次、每次 5 年（期满后不再延续），已延续 ${p.used} 次`,
  },
  VAL4_LAST: {
    en: () => 'R-VAL-4: legacy block — if no proven geological reserves are submitted by the end of this extension, no further extension',
    zh: () => 'R-VAL-4：存续超过 15 年的区块——本次延续期满前未提交探明地质储量的，不再延续',
  },
  VAL3_LAST: {
    en: () => 'R-VAL-3: this is the last extension allowed (max 2, 15 years in total)',
    zh: () => 'R-VAL-3：本次为最后一次可延续（最多两次，共 15 年）',
  },
  RED7_EXPLICIT: {
    en: (p: { exempt: boolean }) => `R-RED-7: exemption given explicitly by the contract parameter (exempt = ${p.exempt})`,
    zh: (p: { exempt: boolean }) => `R-RED-7：豁免由合同参数直接给出（exempt = ${p.exempt}）`,
  },
  RED7_AND: {
    en: () =>
      'R-RED-7: AND reading (273号令 第十五条第二款, the decree, default): exempt only if contract signed AND committed investment completed AND 出让收益 paid; 晋自然资发〔2020〕11号 四（三） says OR — set contract.exemption_reading = "or" to use it',
    zh: () =>
      `R-RED-7：取“且”的理解（273号令 第十五条第二款，默认）：已签合同、完成承诺投入且已缴出让收益方不核减；11号 四（三）为“或”，可选${readingLabel('contract.exemption_reading', 'or', 'zh')}`,
  },
  RED7_OR: {
    en: () =>
      'R-RED-7: OR reading (晋自然资发〔2020〕11号 四（三）): exempt at the FIRST extension if (contract signed AND committed investment completed) OR 出让收益 paid; 273号令 第十五条 says AND',
    zh: () =>
      'R-RED-7：取“或”的理解（晋自然资发〔2020〕11号 四（三））：首次延续时（已签合同且完成承诺投入）或已缴出让收益的不核减；273号令 第十五条为“且”',
  },
  BASE_FIRST_MISSING: {
    en: () =>
      'base_reading = first_registration but first_registration_area_km2 not given; the licensed area is deemed the first-registration area (R-RED-2, 273号令 第十五条第三款)',
    zh: () =>
      `${readingLabel('contract.base_reading', 'first_registration', 'zh')}但未给出首次登记面积，按证载面积视为首次登记面积（R-RED-2，273号令 第十五条第三款）`,
  },
  BASE_FIRST: {
    en: () =>
      'R-RED-1: base = first-registration area (首次登记面积, 273号令 第十五条) − proven area, by the reading contract.base_reading = "first_registration"',
    zh: () =>
      `R-RED-1：基数 = 首次登记面积（273号令 第十五条）− 探明储量面积（${readingLabel('contract.base_reading', 'first_registration', 'zh')}）`,
  },
  BASE_LICENSED: {
    en: () =>
      'R-RED-3: base = licensed area (勘查许可证载明面积) − proven-reserve area (晋自然资发〔2020〕11号 四, “先扣除探明储量面积再核减区块面积25%”)',
    zh: () => 'R-RED-3：基数 = 勘查许可证载明面积 − 探明储量面积（晋自然资发〔2020〕11号 四，“先扣除探明储量面积再核减区块面积25%”）',
  },
  BASE_LATER_EXTENSION: {
    en: (p: { first: string | N; alt_base: string | N }) =>
      `disputed reading base_reading = "licensed" (default, 11号 四 formula, the holder-friendly reading): at a second or later extension 273号令 第十五条 literally takes 25% of the first-registration area again (首次登记面积, 000:L3366)${p.first ? ` — ${p.first} km², base ${p.alt_base} km²` : ''}; set contract.base_reading = "first_registration" for that reading`,
    zh: (p: { first: string | N; alt_base: string | N }) =>
      `有争议的${readingLabel('contract.base_reading', 'licensed', 'zh')}（默认，按 11号 四 公式，对企业有利）：第二次及以后延续时，273号令 第十五条字面仍按首次登记面积核减 25%（000:L3366）${p.first ? `——首次登记面积 ${p.first} km²，基数 ${p.alt_base} km²` : ''}；可选${readingLabel('contract.base_reading', 'first_registration', 'zh')}`,
  },
  CONTRACT_REFUSAL_DEFAULT: {
    en: () =>
      "contract terms: the contract's refusal threshold not given — 30% of the committed investment completed, the figure 晋自然资发〔2020〕11号 四（三） names, is used (contract.contract_refusal_completion_below)",
    zh: () => '合同条款：未给出合同约定的不予延续阈值，采用晋自然资发〔2020〕11号 四（三）所载“完成承诺投入不足 30%”',
  },
  CONTRACT_REFUSE: {
    en: (p: { completed: string; below: string }) =>
      `contract terms (晋自然资发〔2020〕11号 四（三）, 000:L4266): committed investment completed ${p.completed} < ${p.below} — 按照合同约定不予延续登记`,
    zh: (p: { completed: string; below: string }) =>
      `合同条款（晋自然资发〔2020〕11号 四（三），000:L4266）：完成承诺投入 ${p.completed}，不足 ${p.below}，按照合同约定不予延续登记`,
  },
  CONTRACT_CUT_MISSING: {
    en: (p: { completed: string }) =>
      `committed investment completed ${p.completed} (< 100%): 11号 四（三） cuts “按照合同约定” but the contract's cut (contract.contract_reduction_ratio) is not given — the statutory band of 273号令 第十七条 is applied instead`,
    zh: (p: { completed: string }) =>
      `完成承诺投入 ${p.completed}（未完成）：11号 四（三）“按照合同约定核减面积”，但未给出${inputName('contract.contract_reduction_ratio', 'zh')}，改按 273号令 第十七条 核减`,
  },
  AGREED_RATIO: {
    en: () =>
      'contract.agreed_reduction_ratio given: the ratio agreed in the transfer contract is applied (晋自然资发〔2020〕11号 四（三） “按照合同约定核减面积”, 合同示范文本 第七条)',
    zh: () => '已给出合同约定核减比例：按出让合同约定核减（晋自然资发〔2020〕11号 四（三）“按照合同约定核减面积”，合同示范文本 第七条）',
  },
  EXEMPT_WITH_SHORTFALL: {
    en: (p: { u: string }) => `exempt from the reduction although ${p.u} of the minimum investment is unfinished — check the contract`,
    zh: (p: { u: string }) => `虽最低勘查投入未完成 ${p.u}，仍不核减——请核对合同`,
  },
  RED6_LISTING: {
    en: () =>
      'R-RED-6: right granted by listing (挂牌): reduce by the unfinished ratio only, no fixed 25% and no refusal threshold (合同示范文本 第七条第三款)',
    zh: () => 'R-RED-6：挂牌出让的探矿权按未完成比例核减，无 25% 下限与不予延续阈值（合同示范文本 第七条第三款）',
  },
  RED8_ADDITION: {
    en: () =>
      'R-RED-8: coal-right 增列 CBM right: reduce by the unfinished ratio of the committed investment (晋自然资发〔2020〕11号 四（四）); unfinished_ratio is read as that ratio',
    zh: () =>
      `R-RED-8：煤炭矿业权增列煤层气探矿权按承诺投入未完成比例核减（晋自然资发〔2020〕11号 四（四）），“${inputName('unfinished_ratio', 'zh')}”即此比例`,
  },
  LISTING_OVER_50: {
    en: (p: { u: string }) =>
      `unfinished ${p.u} > 50%: 273号令 第十七条 would refuse the extension; the contract variant states no refusal`,
    zh: (p: { u: string }) => `未完成 ${p.u} > 50%：按 273号令 第十七条 不予延续；该合同文本未规定不予延续`,
  },
  RED4_BOUNDS: {
    en: () =>
      'R-RED-4/5 bounds: contract-template reading (合同示范文本 第七条第四款: completion ≥ 75% (含) → 25%; 50% (含)–75% → u; < 50% → refuse) ⇒ u ≤ 25% → 25%; 25% < u ≤ 50% → u; u > 50% → refuse (273号令 第十七条). The u-band replaces the Article 15 25% (“不与第十五条累计扣减”)',
    zh: () =>
      'R-RED-4/5 边界按合同示范文本 第七条第四款（完成 ≥ 75%（含）→ 25%；50%（含）–75% → 按未完成比例；< 50% → 不予延续）：u ≤ 25% → 25%；25% < u ≤ 50% → u；u > 50% → 不予延续（273号令 第十七条），不与第十五条累计扣减',
  },
  RED4_REFUSE: {
    en: (p: { u: string }) => `R-RED-4 (273号令 第十七条): minimum exploration investment unfinished ${p.u} > 50% — 不予办理延续登记`,
    zh: (p: { u: string }) => `R-RED-4（273号令 第十七条）：最低勘查投入未完成 ${p.u}，超过 50%，不予办理延续登记`,
  },
  OLD_RULE_2Y: {
    en: () =>
      'R-VAL-5 option "2y" (晋自然资发〔2020〕11号 二, 000:L4250): 2-year extension under the old rule 晋国土资函〔2016〕348号 — cut by the unfinished minimum-investment ratio of (licensed − proven); the old rule\'s text is not in the sources, its base is read as 11号 四\'s',
    zh: () =>
      'R-VAL-5 选项“2年”（晋自然资发〔2020〕11号 二，000:L4250）：适用原规定晋国土资函〔2016〕348号延续 2 年，按未完成最低勘查投入比例核减（证载面积 − 探明储量面积）；原规定文本不在资料中，基数按 11号 四 理解',
  },
  LEGACY_CHOICE: {
    en: (p: { valid_to: string; chosen: string; five: string | N; two: string }) =>
      `R-VAL-5: the licence ended ${p.valid_to}, before 2020-05-01 — the holder chooses 5 years under 273号令 (${p.five === null ? 'refused' : `cut ${p.five} km²`}) or 2 years under 晋国土资函〔2016〕348号 (cut ${p.two} km²) (晋自然资发〔2020〕11号 二); shown: "${p.chosen}" (shanxi_legacy_term), the other in alternatives`,
    zh: (p: { valid_to: string; chosen: string; five: string | N; two: string }) =>
      `R-VAL-5：许可证 ${p.valid_to} 到期，早于 2020-05-01——由申请人选择按《办法》延续 5 年（${p.five === null ? '不予延续' : `核减 ${p.five} km²`}）或按晋国土资函〔2016〕348号 延续 2 年（核减 ${p.two} km²）（晋自然资发〔2020〕11号 二）；当前显示${readingLabel('shanxi_legacy_term', p.chosen === '2y' ? '2y' : '5y', 'zh')}，另一选项列于备选方案`,
  },
  RATE_NATIONAL_20: {
    en: () =>
      'disputed reading shanxi_rate_reading = "national-20": 自然资规〔2023〕6号 七 (20% of licensed − submitted) applied to Shanxi CBM, since 6号 says earlier conflicting documents yield to it (001:L10579)',
    zh: () =>
      `有争议的${readingLabel('shanxi_rate_reading', 'national-20', 'zh')}：对山西煤层气适用自然资规〔2023〕6号 七（按证载面积扣除已提交储量后的 20%），因 6号 规定“本意见实施前已印发的其他文件与本意见规定不一致的，按照本意见执行”（001:L10579）`,
  },
  RATE_PROVINCIAL_25: {
    en: (p: { known: boolean }) =>
      `disputed reading shanxi_rate_reading = "provincial-25" (default: 273号令 is a provincial regulation and CBM is registered by the province): 25% kept although 自然资规〔2023〕6号 七 set 20% from 2023-07-26 (001:L10495, L10579)${p.known ? '' : ' — no expiry given, the date could not be checked'}; set shanxi_rate_reading = "national-20" for the national rate`,
    zh: (p: { known: boolean }) =>
      `有争议的${readingLabel('shanxi_rate_reading', 'provincial-25', 'zh')}（默认：273号令为省政府规章，煤层气由省厅登记）：仍按 25% 核减，但自然资规〔2023〕6号 七 自 2023-07-26 起为 20%（001:L10495、L10579）${p.known ? '' : '——未给出到期日，无法核对日期'}；可选${readingLabel('shanxi_rate_reading', 'national-20', 'zh')}`,
  },
});

export const NAT = defineMessages({
  N19_FIRST_DEEMED: {
    en: () =>
      'national-2019: first-issued area not given (or base_reading = licensed) — the licensed area is deemed the first-set area (“证载面积视为首设面积”, 自然资规〔2019〕7号 七)',
    zh: () =>
      `自然资规〔2019〕7号：未给出首设面积（或${readingLabel('contract.base_reading', 'licensed', 'zh')}），证载面积视为首设面积（自然资规〔2019〕7号 七）`,
  },
  N19_FIRST: {
    en: () =>
      'national-2019: base = first-issued licence area (首设勘查许可证载明面积) − proven/submitted areas; each extension takes 25% of the same base',
    zh: () => '自然资规〔2019〕7号：基数 = 首设勘查许可证载明面积 − 已提交储量范围；每次延续均按同一基数的 25%',
  },
  N19_NO_SHORTFALL: {
    en: () =>
      'national-2019: the minimum-investment shortfall does not affect the reduction (no such rule in 7号); unfinished_ratio ignored',
    zh: () => `自然资规〔2019〕7号：最低勘查投入完成情况不影响核减（7号 无此规定），未用“${inputName('unfinished_ratio', 'zh')}”`,
  },
  N19_NO_LIMIT: {
    en: () => 'national-2019: the text sets no limit on the number of extensions',
    zh: () => '自然资规〔2019〕7号：文件未限定延续次数',
  },
  N19_DEEP: {
    en: () => 'national-2019: “已设采矿权矿区范围垂直投影的上部或深部勘查除外” read as the whole right being exempt',
    zh: () => '自然资规〔2019〕7号：“已设采矿权矿区范围垂直投影的上部或深部勘查除外”理解为整个探矿权不扣减',
  },
  N19_AGREED: {
    en: () => 'contract.agreed_reduction_ratio given: “探矿权出让合同已有约定的，按合同执行” (自然资规〔2019〕7号 七)',
    zh: () => '已给出合同约定核减比例：“探矿权出让合同已有约定的，按合同执行”（自然资规〔2019〕7号 七）',
  },
  N19_SAME_BASIN: {
    en: () => 'oil/gas rights may take the reduction from the holder’s other block in the same basin (see offsets)',
    zh: () => '油气探矿权可扣减同一盆地该探矿权人其他区块的同等面积（见抵扣）',
  },
  N23_BASE: {
    en: () =>
      'national-2023: base = licensed area (勘查许可证载明面积) − submitted reserves/resources; 20% at each extension (自然资规〔2023〕6号 七)',
    zh: () => '2023 年全国规定：基数 = 勘查许可证载明面积 − 已提交储量/资源量范围，每次延续扣减 20%（自然资规〔2023〕6号 七）',
  },
  N23_NO_SHORTFALL: {
    en: () =>
      'national-2023: the minimum-investment shortfall does not affect the reduction; unfinished_ratio ignored; no limit on the number of extensions in the text',
    zh: () => `2023 年全国规定：最低勘查投入完成情况不影响核减，未用“${inputName('unfinished_ratio', 'zh')}”；文件未限定延续次数`,
  },
  N23_AGREED: {
    en: () => 'contract.agreed_reduction_ratio given: “探矿权出让合同已有约定的，按照合同执行” (自然资规〔2023〕6号 七)',
    zh: () => '已给出合同约定核减比例：“探矿权出让合同已有约定的，按照合同执行”（自然资规〔2023〕6号 七）',
  },
  N23_FM: {
    en: () => 'national-2023: the force-majeure area counts against the required reduction and cannot take it below 0',
    zh: () => '2023 年全国规定：不可抗力区域面积抵扣应缩减面积，最低为 0',
  },
  N23_SAME_BASIN: {
    en: () =>
      'oil/gas rights may take the reduction from the holder’s other block in the same basin, but not from one granted less than 5 years ago (see offsets)',
    zh: () => '油气探矿权可扣减同一盆地该探矿权人其他区块的同等面积，但新出让不满 5 年的探矿权不得用于抵扣（见抵扣）',
  },
});
