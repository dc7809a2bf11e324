/**
 * The sentences of the lifecycle module (stored-block assessments): what each derived input is, and
 * the warnings. Formulas stay arithmetic; the words around them are here, in both languages.
 */
import { defineMessages } from '../i18n/message';
import { DECISIONS, label } from '../vocab';

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
    en: (p: { from: string; to: string }) => `investment actually made in the term ${p.from} – ${p.to} (calendar-year ledger, pro rata by day)`,
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
});
