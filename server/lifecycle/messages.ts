/**
 * The sentences of the lifecycle module (stored-block assessments): what each derived input is, and
 * the warnings. Formulas stay arithmetic; the words around them are here, in both languages.
 */
import { defineMessages } from '../i18n/message';
import { DECISIONS, MINERALS, REGIMES, label } from '../vocab';
import { readingLabel } from '../rules/readings';

export const LIFECYCLE_SAY = defineMessages({
  NO_DATES: {
    en: () => 'the block has no validity dates or first registration date: nothing to assess',
    zh: () => '该区块缺少有效期或首次登记日期，无法评估',
  },
  LICENSED_AREA_FROM_GEOMETRY: {
    en: () => 'licensed area from the block geometry (CGCS2000 ellipsoidal area)',
    zh: () => '许可证面积：由区块范围按 CGCS2000 椭球面积计算',
  },
  PROVEN_AREA_FROM_RESERVES: {
    en: () => 'proven-reserve area inside the block, from the reserves layer',
    zh: () => '区块内探明储量面积：取自探明储量范围图层',
  },
  INVESTED_WITHIN: {
    en: (p: { from: string; to: string }) =>
      `investment actually made in the term ${p.from} – ${p.to} (calendar-year ledger, pro rata by day)`,
    zh: (p: { from: string; to: string }) => `有效期 ${p.from} 至 ${p.to} 内实际完成的勘查投入（按自然年台账、按日折算）`,
  },
  FEES_TO_DATE: {
    en: (p: { year: number }) => `exploration-right usage fees to date, years 1–${p.year}, on the current area`,
    zh: (p: { year: number }) => `探矿权使用费累计（第 1–${p.year} 勘查年度，按现有面积）`,
  },
  NOTHING_TO_RELINQUISH: {
    en: (p: { decision: string }) => `The assessment requires no reduction (decision: ${label(DECISIONS, p.decision, 'en')})`,
    zh: (p: { decision: string }) => `评估结果无需核减（结论：${label(DECISIONS, p.decision, 'zh')}）`,
  },
  NOT_273: {
    en: (p: { regime: string; mineral: string }) =>
      `${p.regime} (${p.mineral}): the minimum-investment tiers and usage fees of 273号令 (第十六条, 第三十三条) apply only to Shanxi CBM; none is modelled for this block, and the national reduction does not depend on investment`,
    zh: (p: { regime: string; mineral: string }) =>
      `${label(REGIMES, p.regime, 'zh')}（${label(MINERALS, p.mineral, 'zh')}）：273号令 第十六条的最低勘查投入档次和第三十三条的使用费仅适用于山西煤层气；本区块未计算，全国规定的核减也不取决于勘查投入`,
  },
  COVID_APPROVED: {
    en: (p: { doc: string }) => `R-COVID-3: COVID reduction of the minimum investment applied — approval on record: ${p.doc}`,
    zh: (p: { doc: string }) => `R-COVID-3：按已登记的批复（${p.doc}）核减疫情影响期间的最低勘查投入`,
  },
  COVID_NOT_APPROVED: {
    en: () =>
      'R-COVID-3: no COVID approval is recorded for this block — 晋自然资函〔2020〕1333号 approved named projects on application, so no reduction is applied',
    zh: () => 'R-COVID-3：该区块无疫情批复记录——晋自然资函〔2020〕1333号 系对申请项目逐一批复，故不核减',
  },
  FORCE_MAJEURE_INVESTMENT_WAIVER: {
    en: (p: { u: string }) =>
      `C6: ${p.u} of the minimum investment is unfinished. 273号令 第十六条第三款 (000:L3384) lets the holder apply to the registration authority for a reduction or waiver of the year's minimum investment on the area hit by a natural disaster or other force majeure; the amount is the authority's decision and none is recorded for this block, so none is applied — with such an approval the required investment, and the cut, would be lower`,
    zh: (p: { u: string }) =>
      `C6：最低勘查投入未完成 ${p.u}。273号令 第十六条第三款（000:L3384）规定因自然灾害等不可抗力致使勘查工作不能正常进行的，探矿权人可以向登记机关申请减免当年受灾影响面积的最低勘查投入；减免数额由登记机关决定，本区块未登记此类批复，故未减免——如有批复，应完成的投入及核减面积将相应减少`,
  },
  ADDED_CBM_INVESTMENT_ORIGIN_UNKNOWN: {
    en: (p: { alt: string; refused: boolean }) =>
      `B8: a CBM exploration right added (增列) to an existing right, assessed as a coal right's addition (11号 四（四）, 000:L4268: cut by the unfinished committed investment). 273号令 第十一条 (000:L3348) also allows adding CBM to an oil/gas right, for which no source sets this cut; which right it was added to is not recorded (block_terms.added_to_right). Under the general rule of 273号令 第十五条/第十七条 ${p.refused ? 'the extension would be refused (unfinished share over 50 %)' : `the cut would be ${p.alt} km²`}`,
    zh: (p: { alt: string; refused: boolean }) =>
      `B8：本区块为已设矿业权增列的煤层气探矿权，按煤炭矿业权增列计算（11号 四（四），000:L4268：按承诺投入未完成比例核减）。273号令 第十一条（000:L3348）亦允许油气矿业权增列煤层气探矿权，该情形无上述核减规定；未登记增列所依的矿业权类别。如按 273号令 第十五条、第十七条的一般规定，${p.refused ? '将不予延续（未完成比例超过 50%）' : `核减面积为 ${p.alt} km²`}`,
  },
  ADDED_CBM_INVESTMENT_OIL_GAS: {
    en: () =>
      `B8: CBM added (增列) to an oil/gas right (273号令 第十一条, 000:L3348). 11号 四（四） (000:L4268) sets the cut only for a coal right's addition and no source sets one for an oil/gas right's, so the general rule of 273号令 第十五条/第十七条 (25 % of the base, or the unfinished ratio) is applied — a reading, not a rule of the sources`,
    zh: () =>
      `B8：本区块为油气矿业权增列的煤层气探矿权（273号令 第十一条，000:L3348）。11号 四（四）（000:L4268）仅规定煤炭矿业权增列的核减，现有依据未规定油气矿业权增列的核减，故按 273号令 第十五条、第十七条的一般规定（基数的 25% 或未完成比例）计算——此为理解，非明文规定`,
  },
  OFFSETS_ON_RECORD: {
    en: (p: { current: string; geometry: string }) =>
      `licensed area on record ${p.current} km² (after offsets) differs from the geometry's ${p.geometry} km²: the given-up extent is not yet redrawn`,
    zh: (p: { current: string; geometry: string }) =>
      `登记证载面积 ${p.current} km²（抵扣后）与图形面积 ${p.geometry} km² 不一致：抵扣范围尚未落图`,
  },
  OVERRIDES_APPLIED: {
    en: (p: { names: string; names_zh: string }) =>
      `includes overrides — not the register's verdict (overridden: ${p.names}; every other input as the register gives it)`,
    zh: (p: { names: string; names_zh: string }) => `含用户覆盖值，非登记簿结论（覆盖：${p.names_zh}；其余输入取自登记簿）`,
  },
  VOID_READING_NOT_APPLIED: {
    en: (p: { value: 'after_expiry' | 'after_annulment' }) =>
      `reading ${readingLabel('void_reading', p.value, 'en')} not applied: it decides when another right stops barring, and at an extension an overlap with another right is an existing overlap, never deducted (OVL-EXT: the non-overlap rule of 自然资规〔2023〕4号 四（十一） is for new rights, 001:L9710-9712), so it cannot change what the planner deducts`,
    zh: (p: { value: 'after_expiry' | 'after_annulment' }) =>
      `${readingLabel('void_reading', p.value, 'zh')}未采用：该读法决定他人矿业权何时不再构成障碍，而延续时与他人矿业权的重叠属既有重叠，不予扣除（OVL-EXT：自然资规〔2023〕4号 四（十一）“新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠”针对新立矿业权，001:L9710-9712），故不影响核减方案`,
  },
});
