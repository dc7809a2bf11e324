/**
 * Sentences of the relinquishment planner (reasons of each candidate, warnings, refusals), in both languages
 * (issue 9). Strategy names come from the one vocabulary (server/vocab STRATEGIES); readings by their labels
 * (server/rules/readings).
 */
import { defineMessages } from '../i18n/message';
import { readingLabel } from '../rules/readings';
import { label, STRATEGIES } from '../vocab';

const f4 = (x: number) => x.toFixed(4);
const strat = (s: string, lang: 'zh' | 'en') => label(STRATEGIES, s, lang);

export const PLAN = defineMessages({
  // input
  INVALID_BLOCK: {
    en: () => 'block must be a GeoJSON Polygon or MultiPolygon',
    zh: () => '区块须为 GeoJSON 面（Polygon 或 MultiPolygon）',
  },
  INVALID_REQUIRED: { en: () => 'required_km2 must be a positive number', zh: () => '应核减面积须为正数' },
  INVALID_RING: { en: () => 'every ring needs at least 4 positions (closed)', zh: () => '每个环至少 4 个点（首尾闭合）' },
  INVALID_COORDS: { en: () => 'coordinates must be lon/lat degrees (CGCS2000)', zh: () => '坐标须为经纬度（CGCS2000）' },
  REQUIRED_EXCEEDS_BLOCK: {
    en: (p: { required: number; block: number }) => `Required ${f4(p.required)} km² is not less than the block area ${f4(p.block)} km²`,
    zh: (p: { required: number; block: number }) => `应核减面积 ${f4(p.required)} km² 不小于区块面积 ${f4(p.block)} km²`,
  },
  NOTHING_RETAINED: { en: () => 'Protected areas cover the whole block', zh: () => '保护地覆盖整个区块' },
  // warnings
  BLOCK_MULTIPART: {
    en: (p: { parts: number }) => `The block has ${p.parts} parcels; the retained part cannot be one polygon`,
    zh: (p: { parts: number }) => `区块由 ${p.parts} 块组成，保留区无法为单一多边形`,
  },
  PROTECTED_COUNTED_READING: {
    en: (p: { protected: number }) =>
      `Reading ${readingLabel('protected_counts_toward_required', 'true', 'en')}: the ${f4(p.protected)} km² of protected areas/red lines deducted first count toward the required reduction — no source says so: 晋自然资发〔2020〕11号 十 (000:L4292-4294) deducts them, then processes the extension`,
    zh: (p: { protected: number }) =>
      `${readingLabel('protected_counts_toward_required', 'true', 'zh')}：先行扣除的保护地/生态红线 ${f4(p.protected)} km² 计入应核减面积——无文件依据：晋自然资发〔2020〕11号 十（000:L4292-4294）为先扣除保护区范围、再办理延续登记`,
  },
  PROTECTED_NOT_COUNTED_READING: {
    en: (p: { protected: number; required: number }) =>
      `Reading ${readingLabel('protected_counts_toward_required', 'false', 'en')} (default): the ${f4(p.protected)} km² of protected areas/red lines must leave the block but do not count toward the required ${f4(p.required)} km² (no source says they count; 晋自然资发〔2020〕11号 十, 000:L4292-4294, deducts them, then the extension is processed)`,
    zh: (p: { protected: number; required: number }) =>
      `${readingLabel('protected_counts_toward_required', 'false', 'zh')}（默认）：保护地/生态红线 ${f4(p.protected)} km² 须退出，但不计入应核减面积 ${f4(p.required)} km²（无文件规定计入；晋自然资发〔2020〕11号 十，000:L4292-4294，先扣除、后办理延续登记）`,
  },
  REDLINE_COMMITMENT_OPTION: {
    en: () =>
      'Red lines were deducted; a proposed (not yet official) red line may instead be kept on a written commitment not to work inside it (PA-5: 山西省自然资源厅 2020-07-27 函 二, 000:L6185) — leave it out of the deducted set to plan that way',
    zh: () =>
      '已扣除生态保护红线；涉及拟划（尚未正式划定）生态保护红线的，企业可先书面承诺不在其范围内开展作业，暂不扣减（PA-5：省厅 2020-07-27 函 二，000:L6185）——如选此方式，请勿将其列入先行扣除范围',
  },
  PROTECTED_EXCEEDS_REQUIRED: {
    en: (p: { protected: number; required: number }) =>
      `Protected areas and red lines inside the block (${f4(p.protected)} km²) exceed the required ${f4(p.required)} km² by ${f4(p.protected - p.required)} km²; all of them must still be deducted`,
    zh: (p: { protected: number; required: number }) =>
      `区块内保护地及生态红线面积 ${f4(p.protected)} km² 超出应核减面积 ${f4(p.required)} km² 达 ${f4(p.protected - p.required)} km²，仍须全部扣除`,
  },
  PLANNER_CLIP_FAILED: {
    en: (p: { strategies: string }) => `Polygon clipping failed for ${p.strategies}; those cuts were skipped`,
    zh: (p: { strategies: string }) => `多边形裁剪失败，已跳过：${p.strategies}`,
  },
  PLANNER_NO_CANDIDATE: {
    en: () => 'No straight-line cut met the required area with counted area within tolerance',
    zh: () => '没有找到计入面积满足应核减面积容差的直线切割方案',
  },
  RESERVES_UNAVOIDABLE: {
    en: () =>
      'No proposed cut avoids the proven-reserve areas; the reserve area given up does not count (the base excludes proven reserves, 273号令 第十五条, 000:L3366), so the cut is enlarged to meet the requirement with counted area',
    zh: () =>
      '所有方案均涉及探明储量区；其面积不计入核减（基数不含已提交探明地质储量范围，273号令 第十五条，000:L3366），方案已相应扩大，使计入面积满足应核减面积',
  },
  RESERVES_SHORT: {
    en: (p: { strategy: string; counted: number; required: number }) =>
      `Cut ${strat(p.strategy, 'en')} refused: even enlarged, the area outside proven reserves it gives up (${f4(p.counted)} km²) stays below the required ${f4(p.required)} km² (proven-reserve area does not count: the base excludes it, 273号令 第十五条, 000:L3366)`,
    zh: (p: { strategy: string; counted: number; required: number }) =>
      `${strat(p.strategy, 'zh')}方案不可行：即使扩大，其探明储量区以外的扣减面积（${f4(p.counted)} km²）仍小于应核减面积 ${f4(p.required)} km²（探明储量面积不计入：基数不含已提交探明地质储量范围，273号令 第十五条，000:L3366）`,
  },
  PRODUCING_WELLS_UNAVOIDABLE: { en: () => 'No proposed cut avoids every producing well', zh: () => '所有方案均包含生产井' },
  RETAINED_SPLIT: { en: () => 'No proposed cut keeps the retained part in one piece', zh: () => '所有方案均使保留区不连续' },
  // reasons
  R_PROTECTED_ONLY: {
    en: () => 'Protected areas and red lines inside the block already reach the required area; only they are deducted, no extra cut',
    zh: () => '区块内保护地及生态红线面积已达到应核减面积，仅扣除这些区域，无需另行切割',
  },
  R_PROTECTED_EXCESS: {
    en: (p: { excess: number }) => `Exceeds the requirement by ${f4(p.excess)} km², but protected areas must all be deducted`,
    zh: (p: { excess: number }) => `超出应核减面积 ${f4(p.excess)} km²，但保护地须全部扣除`,
  },
  R_CUT: {
    en: (p: { strategy: string; lines_en: string; lines_zh: string; straight: number }) =>
      `${strat(p.strategy, 'en')}: cut along ${p.lines_en}; ${p.straight} straight line(s) to stake`,
    zh: (p: { strategy: string; lines_en: string; lines_zh: string; straight: number }) =>
      `${strat(p.strategy, 'zh')}：沿${p.lines_zh}切割，实地放样 ${p.straight} 条直线`,
  },
  R_PROTECTED: {
    en: (p: { count: number; protected: number; counts: boolean; list: string }) =>
      `${p.count} protected area(s)/red line(s) inside the block (${p.list}; ${f4(p.protected)} km² in total) are deducted first and ${p.counts ? `count toward the requirement (reading ${readingLabel('protected_counts_toward_required', 'true', 'en')})` : 'must leave but do not count toward the requirement (default reading)'}`,
    zh: (p: { count: number; protected: number; counts: boolean; list: string }) =>
      `先扣除保护地/生态红线 ${p.count} 处（${p.list}），合计 ${f4(p.protected)} km²，${p.counts ? `计入应核减面积（${readingLabel('protected_counts_toward_required', 'true', 'zh')}）` : '须退出但不计入应核减面积（默认读法）'}`,
  },
  R_AREA: {
    en: (p: { area: number; counted: number; required: number }) =>
      `Relinquishes ${f4(p.area)} km², of which ${f4(p.counted)} km² count toward the required ${f4(p.required)} km² (+${f4(p.counted - p.required)} km², ${((p.counted / p.required - 1) * 100).toFixed(3)} %)`,
    zh: (p: { area: number; counted: number; required: number }) =>
      `扣减面积 ${f4(p.area)} km²，其中计入核减 ${f4(p.counted)} km²，不少于应核减 ${f4(p.required)} km²（多扣 ${f4(p.counted - p.required)} km²，${((p.counted / p.required - 1) * 100).toFixed(3)}%）`,
  },
  R_RESERVES_TAKEN: {
    en: (p: { reserves: number }) =>
      `Takes ${f4(p.reserves)} km² of proven-reserve area, which does not count toward the reduction (273号令 第十五条, 000:L3366); the cut is enlarged by as much`,
    zh: (p: { reserves: number }) => `涉及探明储量区 ${f4(p.reserves)} km²，不计入核减（273号令 第十五条，000:L3366），方案已相应扩大`,
  },
  R_RESERVES_AVOIDED: { en: () => 'Avoids the proven-reserve areas', zh: () => '避开探明储量区' },
  R_PRODUCING: {
    en: (p: { producing: number; ids: string; wells: number }) =>
      `Contains ${p.producing} producing well(s) (${p.ids}), ${p.wells} well(s) in all`,
    zh: (p: { producing: number; ids: string; wells: number }) => `含生产井 ${p.producing} 口（${p.ids}），共含井 ${p.wells} 口`,
  },
  R_NONPRODUCING: {
    en: (p: { wells: number }) => `No producing well; ${p.wells} non-producing well(s)`,
    zh: (p: { wells: number }) => `不含生产井，含非生产井 ${p.wells} 口`,
  },
  R_NO_WELLS: { en: () => 'Contains no wells', zh: () => '不含任何井' },
  R_PIPELINES: {
    en: (p: { km: number }) => `${p.km.toFixed(3)} km of pipeline inside`,
    zh: (p: { km: number }) => `扣减范围内有管线 ${p.km.toFixed(3)} km`,
  },
  R_NO_PIPELINES: { en: () => 'No pipeline inside', zh: () => '扣减范围内无管线' },
  R_CONTIGUOUS: { en: () => 'The retained part stays one contiguous polygon', zh: () => '保留区为一个连续整体' },
  R_SPLIT: {
    en: (p: { parts: number }) => `The retained part falls into ${p.parts} pieces`,
    zh: (p: { parts: number }) => `保留区被分割为 ${p.parts} 块`,
  },
  R_CORNERS: {
    en: (p: { corners: number }) => `${p.corners} corner points in the relinquished part`,
    zh: (p: { corners: number }) => `扣减区拐点 ${p.corners} 个`,
  },
  R_HOLDER_PROPOSES: {
    en: () =>
      'The holder proposes the deducted extent (R-RED-5: 晋自然资发〔2020〕15号 合同示范文本 第七条 “具体扣减范围由乙方提出”, 000:L4455); this is a proposal to choose from',
    zh: () =>
      '扣减范围由探矿权人提出（R-RED-5：晋自然资发〔2020〕15号 合同示范文本 第七条“具体扣减范围由乙方提出”，000:L4455）；本方案仅供选择',
  },
});
