/**
 * What each step of a rule result is, in both languages. A step's `formula` is arithmetic only — numbers,
 * dates, operators, units and one-letter variables (u), the same in every language — and its `description`
 * is the sentence naming the quantities (issue 9: the Chinese page shows no English sentence).
 */
import { defineMessages } from '../i18n/message';

/** ✓ / ✗ for a condition inside a formula (language-neutral). */
export const tick = (b: boolean): string => (b ? '✓' : '✗');

export const STEP = defineMessages({
  // extension — Shanxi CBM
  VAL2_LAST_DAY: {
    en: (p: { app: string; late: boolean }) =>
      `last day to apply = expiry − 30 days; application on ${p.app} ${p.late ? 'is too late' : 'is in time'}`,
    zh: (p: { app: string; late: boolean }) => `申请截止日 = 有效期届满日 − 30 日；${p.app} 申请${p.late ? '已逾期' : '未逾期'}`,
  },
  VAL6_APPLIED_IN_TIME: {
    en: (p: { proven: string; last: string; applied: string }) =>
      `proven reserves submitted ${p.proven}: mining registration applied for by ${p.last}; conversion application submitted ${p.applied}`,
    zh: (p: { proven: string; last: string; applied: string }) =>
      `${p.proven} 提交探明储量：须于 ${p.last} 前申请采矿登记；转采申请于 ${p.applied} 提交`,
  },
  VAL6_NOT_CONVERTED: {
    en: (p: { proven: string; last: string; on: string }) =>
      `proven reserves submitted ${p.proven}: the mining registration had to be completed by ${p.last}; not completed by ${p.on}`,
    zh: (p: { proven: string; last: string; on: string }) => `${p.proven} 提交探明储量：须于 ${p.last} 前完成转采登记，至 ${p.on} 未完成`,
  },
  VAL4_ALLOWED: {
    en: () => 'block existing more than 15 years: extensions allowed = 2 with proven reserves, otherwise 1',
    zh: () => '累计存续超过 15 年的区块：已提交探明储量的可延续 2 次，否则 1 次',
  },
  EXTENSIONS_LEFT: {
    en: () => 'extensions left = extensions allowed − extensions used',
    zh: () => '剩余可延续次数 = 可延续次数 − 已延续次数',
  },
  EXEMPT_AND: {
    en: () => 'exempt = contract signed ∧ committed investment completed ∧ transfer income paid (273号令 第十五条第二款)',
    zh: () => '不核减 = 已签订出让合同 ∧ 已完成承诺投入 ∧ 已缴纳出让收益（273号令 第十五条第二款）',
  },
  EXEMPT_OR: {
    en: () => 'exempt = first extension ∧ ((contract signed ∧ committed investment completed) ∨ transfer income paid)',
    zh: () => '不核减 = 首次延续 ∧ （（已签订出让合同 ∧ 已完成承诺投入）∨ 已缴纳出让收益）',
  },
  EXEMPT_ZERO: {
    en: () => 'exempt: reduction = base × 0',
    zh: () => '不核减：核减面积 = 基数 × 0',
  },
  BASE: {
    en: (p: { of: 'licensed' | 'first' }) =>
      `base = ${p.of === 'first' ? 'first-registration area' : 'licensed area'} − proven-reserve area`,
    zh: (p: { of: 'licensed' | 'first' }) => `基数 = ${p.of === 'first' ? '首次登记面积' : '勘查许可证载明面积'} − 探明储量面积`,
  },
  REDUCTION_AGREED: {
    en: () => 'reduction = base × ratio agreed in the transfer contract',
    zh: () => '核减面积 = 基数 × 出让合同约定比例',
  },
  REDUCTION_U: {
    en: () => 'reduction = base × unfinished ratio u',
    zh: () => '核减面积 = 基数 × 未完成比例 u',
  },
  U_OVER_50: {
    en: () => 'unfinished ratio u above 50% → extension refused',
    zh: () => '未完成比例 u 超过 50% → 不予延续',
  },
  CONTRACT_BELOW: {
    en: () => "committed investment completed below the contract's threshold → extension refused",
    zh: () => '完成承诺投入比例低于合同约定阈值 → 不予延续',
  },
  CONTRACT_CUT: {
    en: () => "committed investment not completed: reduction = base × the contract's cut",
    zh: () => '未完成承诺投入：核减面积 = 基数 × 合同约定核减比例',
  },
  RATIO_BAND: {
    en: (p: { floor: boolean }) => (p.floor ? 'u ≤ 25% → reduction ratio 25%' : '25% < u ≤ 50% → reduction ratio = u'),
    zh: (p: { floor: boolean }) => (p.floor ? 'u ≤ 25% → 核减比例 25%' : '25% < u ≤ 50% → 核减比例 = u'),
  },
  REDUCTION: {
    en: () => 'reduction = base × reduction ratio',
    zh: () => '核减面积 = 基数 × 核减比例',
  },
  REDUCTION_OLD_RULE: {
    en: () => 'reduction = base × unfinished ratio u (old rule 晋国土资函〔2016〕348号)',
    zh: () => '核减面积 = 基数 × 未完成比例 u（原规定 晋国土资函〔2016〕348号）',
  },
  // extension — national
  BASE_N19: {
    en: (p: { of: 'licensed' | 'first' }) =>
      `base = ${p.of === 'first' ? 'first-issued licence area' : 'licensed area (deemed first-issued)'} − proven/submitted reserve areas`,
    zh: (p: { of: 'licensed' | 'first' }) =>
      `基数 = ${p.of === 'first' ? '首设勘查许可证载明面积' : '证载面积（视为首设面积）'} − 已提交储量范围`,
  },
  BASE_N23: {
    en: () => 'base = licensed area − submitted reserve/resource areas',
    zh: () => '基数 = 勘查许可证载明面积 − 已提交储量/资源量范围',
  },
  DEEP_ZERO: {
    en: () => 'deep or upper exploration of an existing mining right → reduction 0',
    zh: () => '已设采矿权矿区范围上部或深部勘查 → 不扣减',
  },
  REQUIRED_N23: {
    en: () => 'required reduction = base × ratio',
    zh: () => '应缩减面积 = 基数 × 比例',
  },
  FORCE_MAJEURE: {
    en: () => 'reduction = required − force-majeure area, not below 0',
    zh: () => '核减面积 = 应缩减面积 − 不可抗力区域面积，最低为 0',
  },
  // extension — common finish
  CAPPED: {
    en: () => 'reduction capped at licensed area − proven-reserve area',
    zh: () => '核减面积以证载面积 − 探明储量面积为上限',
  },
  REMAINING: {
    en: () => 'remaining area = licensed area − reduction',
    zh: () => '延续后面积 = 证载面积 − 核减面积',
  },
  TERM_YEARS: {
    en: () => 'extension term, years',
    zh: () => '延续期限（年）',
  },
  // minimum investment
  TIER: {
    en: (p: { year: number }) => `minimum investment rate of exploration year ${p.year}, CNY per km² per year`,
    zh: (p: { year: number }) => `第 ${p.year} 勘查年度最低勘查投入标准（元/km²·年）`,
  },
  SCHEDULE_YEAR: {
    en: (p: { year: number; start: string; end: string; contract: boolean }) =>
      `exploration year ${p.year} (${p.start} – ${p.end}): area × (${p.contract ? "contract's rate" : 'rate'} × months / 12)`,
    zh: (p: { year: number; start: string; end: string; contract: boolean }) =>
      `第 ${p.year} 勘查年度（${p.start} 至 ${p.end}）：面积 × （${p.contract ? '合同约定标准' : '标准'} × 月数 / 12）`,
  },
  SCHEDULE_TOTAL: {
    en: () => 'minimum investment of the term = sum of the exploration years',
    zh: () => '有效期内最低勘查投入 = 各勘查年度之和',
  },
  COVID_REQUIRED: {
    en: () => 'required investment less the COVID reduction',
    zh: () => '应完成投入扣除疫情核减额',
  },
  U_ZERO_REQUIRED: {
    en: () => 'nothing required → unfinished ratio u = 0',
    zh: () => '应完成投入为 0 → 未完成比例 u = 0',
  },
  UNFINISHED: {
    en: () => 'unfinished ratio u = (required − actual) / required, between 0 and 1',
    zh: () => '未完成比例 u = （应完成投入 − 实际投入）/ 应完成投入，取 0 至 1',
  },
  COMPOSITION: {
    en: () => 'share of physical work and research in the total investment (at least 85%)',
    zh: () => '实物工作量和综合研究费用占总勘查投入的比例（不低于 85%）',
  },
  // fees and income
  FEE_RATE: {
    en: (p: { year: number }) =>
      `usage fee rate in exploration year ${p.year}: years 1–5 free, 100 CNY/km² in year 6, +100 a year, at most 500`,
    zh: (p: { year: number }) => `第 ${p.year} 勘查年度使用费标准：第 1–5 年免缴，第 6 年 100 元/km²，此后每年增加 100 元，最高 500 元`,
  },
  FEE_AMOUNT: {
    en: () => 'usage fee = rate × area',
    zh: () => '使用费 = 标准 × 面积',
  },
  MINING_FEE: {
    en: () => 'mining-right usage fee = 1000 CNY/km² × area × years',
    zh: () => '采矿权使用费 = 1000 元/km² × 面积 × 年数',
  },
  INCOME: {
    en: () => 'transfer income = annual sales × rate',
    zh: () => '出让收益 = 年销售收入 × 费率',
  },
  REFUND: {
    en: () => 'refund = paid income × occupied area / block area',
    zh: () => '退还 = 已缴出让收益 × 占用面积 / 区块面积',
  },
  // COVID
  COVID_DAYS: {
    en: (p: { from: string; to: string }) => `affected days = days of the term inside ${p.from} – ${p.to}`,
    zh: (p: { from: string; to: string }) => `受影响天数 = 有效期落在 ${p.from} 至 ${p.to} 内的天数`,
  },
  COVID_TERM: {
    en: () => 'new expiry = expiry + affected days',
    zh: () => '新到期日 = 原到期日 + 受影响天数',
  },
  COVID_TERM_ORIGINAL: {
    en: () => 'original expiry = expiry on record (re-issued licence, extended) − approved days',
    zh: () => '原到期日 = 登记到期日（换发的勘查许可证，已延长）− 批准延长天数',
  },
  COVID_INVESTMENT: {
    en: () => 'reduction = area × 10,000 CNY/km² per year × affected days / 365',
    zh: () => '核减额 = 面积 × 1 万元/km²·年 × 受影响天数 / 365',
  },
  // deadlines
  EXPIRY_DAYS: {
    en: () => 'days until expiry = expiry − today',
    zh: () => '距到期天数 = 到期日 − 今日',
  },
  LEGACY_ALLOWED: {
    en: () => 'first registered more than 15 years before 2020-05-01 → extensions allowed',
    zh: () => '首次登记至 2020-05-01 已超过 15 年 → 可延续次数',
  },
  MAX_TWO: {
    en: () => 'at most 2 extensions of 5 years',
    zh: () => '最多延续 2 次，每次 5 年',
  },
  APPLY_BY: {
    en: () => 'last day to apply = expiry − 30 days; days left',
    zh: () => '申请截止日 = 到期日 − 30 日；剩余天数',
  },
  PROVEN_PRE2020: {
    en: () => 'reserves proven before 2020-05-01 → conversion to mining completed by 2023-04-30; days left',
    zh: () => '2020-05-01 前提交探明储量 → 须于 2023-04-30 前完成转采；剩余天数',
  },
  PROVEN_3Y: {
    en: () => 'proven reserves submitted + 3 years; days left',
    zh: () => '提交探明储量之日 + 3 年；剩余天数',
  },
  RTP_5Y: {
    en: () => 'report-then-produce date + 5 years; days left',
    zh: () => '探采合一备案之日 + 5 年；剩余天数',
  },
  // offsets
  OFFSET_GIVER_AREA: {
    en: () => "giving block's licensed area − offset (area-only change registration, validity unchanged)",
    zh: () => '出让面积区块证载面积 − 抵扣面积（仅变更面积，有效期不变）',
  },
  OFFSET_GIVES: {
    en: () => 'giving block → receiving block: offset area',
    zh: () => '出让面积区块 → 受让区块：抵扣面积',
  },
  PRE_OFFSET: {
    en: () => 'pre-offset area = licensed area + offsets given in this term',
    zh: () => '抵扣前面积 = 证载面积 + 本期已抵扣给其他区块的面积',
  },
  DUE_AFTER_OFFSETS: {
    en: () => 'reduction due after offsets = due − offsets received, not below 0',
    zh: () => '抵扣后应核减面积 = 应核减面积 − 已受让抵扣面积，最低为 0',
  },
  OFFSET_SHORTFALL: {
    en: () => 'shortfall = required reduction − (licensed area − proven area), not below 0',
    zh: () => '不足面积 = 应核减面积 − （证载面积 − 探明储量面积），最低为 0',
  },
  OFFSET_USABLE: {
    en: () => 'granted + 5 years before the offset date → usable for offsets',
    zh: () => '出让满 5 年早于抵扣日 → 可用于抵扣',
  },
  // stored blocks
  GEOMETRY_AREA: {
    en: () => 'area of the block geometry (CGCS2000 ellipsoidal area)',
    zh: () => '区块范围面积（CGCS2000 椭球面积）',
  },
  LICENSED_ON_RECORD: {
    en: () => 'licensed area on record (area-only change registration after offsets)',
    zh: () => '登记的证载面积（抵扣后仅变更面积登记）',
  },
});
