/**
 * The conversion check of an exploration right to a mining right (探矿权转采矿权, issue 14 item 2). Pure: it judges the
 * facts the register gives (sql/queries/conversion_facts.sql) about a proposed mining area and one exploration block.
 *
 * - R-CONV-1 the proposed mining area lies within the exploration block: the holder converts its own exploration right
 *   (273号令 第二十一条 “煤层气探矿权人提交探明地质储量后，应当在3年内申请采矿登记”, 000:L3404) and the exploration
 *   right is afterwards cancelled or reduced by the mining area (自然资规〔2023〕4号 二（四）4, 001:L9570-9575): what lies
 *   outside the block is no part of it. Finding: the area outside (km², ellipsoidal).
 * - R-CONV-2 it covers the wellheads it relies on: the holder fixes the mining area from “资源储量估算范围、井口装置、
 *   输油（气）管线（外输管线除外）、集输站…的立体空间区域” (自然资规〔2023〕4号 二（三）2, 001:L9528-9532). The wells
 *   relied on are the block's wells not abandoned or plugged; finding: the ids of those left outside.
 * - R-CONV-3 it covers the in-field gathering pipelines, export (trunk) pipelines excepted (same clause: “外输管线除外”);
 *   in the register a pipeline's type is `gathering` or `trunk`: trunk lines are excepted, gathering lines not abandoned
 *   count. Finding: the length of them, inside the block, left outside the proposal (km, ellipsoidal).
 * - R-CONV-4 gathering stations (集输站, same clause) are not a layer of the register: said, not checked.
 * - R-CONV-5 after approval the exploration right is reduced to what remains outside the mining area, or cancelled when
 *   nothing meaningful remains (自然资规〔2023〕4号 二（四）4 “注销原探矿权或变更缩减原探矿权面积”, 001:L9570-9575).
 *   Threshold CANCEL_BELOW_KM2 (below).
 *
 * Not checked here (said in the notes): the reserve report's stage (二（三）1, 001:L9520), the development and ecological
 * restoration plan (273号令 第二十二条, 000:L3408), the mining term (第二十三条, 000:L3414: matched to proven reserves
 * and capacity, at most 30 years — the authority's decision, not computable from the register).
 */
import { defineMessages, say, type Message } from '../i18n/message';
import { fmt, step, type Step } from './steps';

/** Tolerance of "within the block": 1 m² of the proposal outside the block is rounding, not an extent. */
export const AREA_TOLERANCE_KM2 = 1e-6;
/** Tolerance of "covered": 1 m of a pipeline outside the proposal is rounding of a vertex on its boundary. */
export const LENGTH_TOLERANCE_KM = 1e-3;
/**
 * Below this remainder (km², ellipsoidal) the exploration right is cancelled rather than reduced: 0.01 km² (1 公顷).
 * Why: a mining area drawn along the block's own boundary leaves slivers of the difference (coordinates surveyed to
 * 0.1″ ≈ 3 m leave strips of a few thousand m² along a block's edges); a remnant smaller than one hectare holds no
 * exploration work (a single CBM well pad takes about that much), and the register records licence areas to 0.001 km²,
 * so 0.01 km² is ten units of what the licence states. A remainder of at least this much keeps the right, reduced.
 */
export const CANCEL_BELOW_KM2 = 0.01;

/** Statuses of a well the mining area does not rely on (no wellhead installation in use). */
const WELLS_NOT_RELIED_ON = new Set(['abandoned', 'plugged']);

export interface ConversionWell {
  id: string;
  name: string | null;
  status: string | null;
  type: string | null;
  covered: boolean;
  lon?: number;
  lat?: number;
}

export interface ConversionPipeline {
  id: string;
  name: string | null;
  type: string | null;
  status: string | null;
  /** length inside the exploration block, km */
  in_block_km: number;
  /** of that, the length outside the proposed mining area, km */
  outside_km: number;
}

/** What the register says about a proposal and its exploration block (conversion_facts.sql). */
export interface ConversionFacts {
  block_id: string;
  block_km2: number;
  proposal_km2: number;
  outside_km2: number;
  remaining_km2: number;
  wells: ConversionWell[];
  pipelines: ConversionPipeline[];
}

export type ConversionFindingCode = 'AREA_OUTSIDE_BLOCK' | 'WELLS_OUTSIDE' | 'PIPELINES_OUTSIDE';

export interface ConversionFinding {
  code: ConversionFindingCode;
  rule: string;
  citation: string;
  /** seed lines, `001:Lnnnn` */
  source: string;
  message: Message;
  /** AREA_OUTSIDE_BLOCK */
  outside_km2?: number;
  /** WELLS_OUTSIDE: the wells left outside, by id */
  well_ids?: string[];
  /** PIPELINES_OUTSIDE: each gathering pipeline with its length outside, and the total */
  pipelines?: { id: string; outside_km: number }[];
  outside_km?: number;
}

export interface ConversionCheck {
  block_id: string;
  /** no finding: the proposal lies within the block and covers every well and gathering pipeline it relies on */
  passes: boolean;
  findings: ConversionFinding[];
  block_km2: number;
  proposal_km2: number;
  outside_km2: number;
  wells: { relied_on: number; covered: number; outside: string[]; not_relied_on: string[] };
  pipelines: { gathering_in_block_km: number; gathering_outside_km: number; trunk_excepted: string[] };
  /** what approval does to the exploration right (R-CONV-5) */
  exploration_right: { action: 'reduce' | 'cancel'; remaining_km2: number; threshold_km2: number; message: Message };
  steps: Step[];
  notes: Message[];
}

const C = {
  art21: { citation: '273号令 第二十一条；自然资规〔2023〕4号 二（四）4', source: '000:L3404; 001:L9570-9575' },
  area: { citation: '自然资规〔2023〕4号 二（三）2', source: '001:L9528-9532' },
  after: { citation: '自然资规〔2023〕4号 二（四）4', source: '001:L9570-9575' },
};

export const CONVERSION_SAY = defineMessages({
  AREA_OUTSIDE_BLOCK: {
    en: (p: { block: string; outside_km2: number }) =>
      `R-CONV-1: ${p.outside_km2} km² of the proposed mining area lies outside exploration block ${p.block}; a conversion converts the holder's own exploration right, and the mining area must lie within it (273号令 第二十一条; 自然资规〔2023〕4号 二（四）4)`,
    zh: (p: { block: string; outside_km2: number }) =>
      `R-CONV-1：拟设采矿权范围有 ${p.outside_km2} km² 位于探矿权区块 ${p.block} 之外；转采为探矿权人就本探矿权申请采矿登记，矿区范围须位于探矿权范围之内（273号令 第二十一条；自然资规〔2023〕4号 二（四）4）`,
  },
  WELLS_OUTSIDE: {
    en: (p: { count: number; ids: string }) =>
      `R-CONV-2: ${p.count} well(s) the mining area relies on lie outside it (${p.ids}); the mining area covers the wellhead installations (井口装置, 自然资规〔2023〕4号 二（三）2)`,
    zh: (p: { count: number; ids: string }) =>
      `R-CONV-2：${p.count} 口所依托的井位于拟设采矿权范围之外（${p.ids}）；矿区范围应涵盖井口装置（自然资规〔2023〕4号 二（三）2）`,
  },
  PIPELINES_OUTSIDE: {
    en: (p: { count: number; km: number }) =>
      `R-CONV-3: ${p.km} km of ${p.count} in-field gathering pipeline(s) inside the block lie outside the proposed mining area; the mining area covers the gathering pipelines, export pipelines excepted (输油（气）管线（外输管线除外）, 自然资规〔2023〕4号 二（三）2)`,
    zh: (p: { count: number; km: number }) =>
      `R-CONV-3：区块内 ${p.count} 条集输管线共 ${p.km} km 位于拟设采矿权范围之外；矿区范围应涵盖输油（气）管线（外输管线除外）（自然资规〔2023〕4号 二（三）2）`,
  },
  TRUNK_EXCEPTED: {
    en: (p: { ids: string }) => `R-CONV-3: export (trunk) pipelines are excepted (外输管线除外, 自然资规〔2023〕4号 二（三）2): ${p.ids}`,
    zh: (p: { ids: string }) => `R-CONV-3：外输（干线）管线不计（外输管线除外，自然资规〔2023〕4号 二（三）2）：${p.ids}`,
  },
  WELLS_NOT_RELIED_ON: {
    en: (p: { count: number }) =>
      `R-CONV-2: ${p.count} abandoned or plugged well(s) of the block are not counted as wellheads the mining area relies on`,
    zh: (p: { count: number }) => `R-CONV-2：区块内 ${p.count} 口已废弃或已封堵的井不计为所依托的井口装置`,
  },
  STATIONS_NOT_ON_RECORD: {
    en: () =>
      'R-CONV-4: gathering stations (集输站, 自然资规〔2023〕4号 二（三）2) are not a layer of the register: their coverage is not checked',
    zh: () => 'R-CONV-4：集输站（自然资规〔2023〕4号 二（三）2）未列入登记图层，未核查其是否涵盖',
  },
  NOT_CHECKED: {
    en: () =>
      'not checked here: the reserve report and its stage (自然资规〔2023〕4号 二（三）1), the development and ecological restoration plan (273号令 第二十二条), the mining term (第二十三条: matched to proven reserves and capacity, at most 30 years — set by the authority)',
    zh: () =>
      '此处未核查：储量报告及勘查程度（自然资规〔2023〕4号 二（三）1）、开发利用与矿区生态保护修复方案（273号令 第二十二条）、采矿权有效期限（第二十三条：按探明地质储量与产能匹配确定，最长 30 年，由登记管理机关确定）',
  },
  REDUCE: {
    en: (p: { block: string; remaining_km2: number; threshold_km2: number }) =>
      `R-CONV-5: on approval exploration block ${p.block} is reduced to what remains outside the mining area, ${p.remaining_km2} km² (≥ ${p.threshold_km2} km²; 自然资规〔2023〕4号 二（四）4 变更缩减原探矿权面积)`,
    zh: (p: { block: string; remaining_km2: number; threshold_km2: number }) =>
      `R-CONV-5：批准后探矿权区块 ${p.block} 缩减为采矿权范围以外的部分，${p.remaining_km2} km²（≥ ${p.threshold_km2} km²；自然资规〔2023〕4号 二（四）4 变更缩减原探矿权面积）`,
  },
  CANCEL: {
    en: (p: { block: string; remaining_km2: number; threshold_km2: number }) =>
      `R-CONV-5: on approval exploration right ${p.block} is cancelled: the mining area leaves ${p.remaining_km2} km² of it, less than ${p.threshold_km2} km² (自然资规〔2023〕4号 二（四）4 注销原探矿权)`,
    zh: (p: { block: string; remaining_km2: number; threshold_km2: number }) =>
      `R-CONV-5：批准后注销探矿权 ${p.block}：采矿权范围以外仅剩 ${p.remaining_km2} km²，小于 ${p.threshold_km2} km²（自然资规〔2023〕4号 二（四）4 注销原探矿权）`,
  },
  STEP_OUTSIDE: {
    en: () => 'area of the proposal outside the block = area(proposal − block), ellipsoidal',
    zh: () => '拟设范围超出区块面积 = 面积(拟设范围 − 区块)，椭球面积',
  },
  STEP_WELLS: {
    en: () => 'wells relied on outside the proposal = wells relied on − wells covered',
    zh: () => '拟设范围外的依托井数 = 依托井数 − 已涵盖井数',
  },
  STEP_PIPELINES: {
    en: () => 'gathering pipeline length outside the proposal = Σ length(pipeline ∩ block − proposal), ellipsoidal',
    zh: () => '拟设范围外的集输管线长度 = Σ 长度(管线 ∩ 区块 − 拟设范围)，椭球长度',
  },
  STEP_REMAINING: {
    en: () => 'exploration area remaining = area(block − proposal), compared with the cancellation threshold',
    zh: () => '探矿权剩余面积 = 面积(区块 − 拟设范围)，与注销阈值比较',
  },
});

const M = CONVERSION_SAY;
const r6 = (x: number) => Number(x.toFixed(6));
const r4 = (x: number) => Number(x.toFixed(4));

/** Judge a proposed mining area against its exploration block (R-CONV-1..5). */
export function checkConversion(f: ConversionFacts): ConversionCheck {
  const findings: ConversionFinding[] = [];
  const notes: Message[] = [];
  const steps: Step[] = [];

  // R-CONV-1 within the block
  const outside_km2 = f.outside_km2 > AREA_TOLERANCE_KM2 ? r6(f.outside_km2) : 0;
  steps.push(
    step(
      'R-CONV-1',
      C.art21.citation,
      say(M, 'STEP_OUTSIDE'),
      `${fmt(f.proposal_km2, 4)} km² ∖ ${fmt(f.block_km2, 4)} km² → ${fmt(f.outside_km2, 6)} km² ${outside_km2 > 0 ? '>' : '≤'} ${AREA_TOLERANCE_KM2} km²`,
      outside_km2,
    ),
  );
  if (outside_km2 > 0)
    findings.push({
      code: 'AREA_OUTSIDE_BLOCK',
      rule: 'R-CONV-1',
      ...C.art21,
      message: say(M, 'AREA_OUTSIDE_BLOCK', { block: f.block_id, outside_km2 }),
      outside_km2,
    });

  // R-CONV-2 wells
  const reliedOn = f.wells.filter((w) => !WELLS_NOT_RELIED_ON.has(w.status ?? ''));
  const notRelied = f.wells.filter((w) => WELLS_NOT_RELIED_ON.has(w.status ?? '')).map((w) => w.id);
  const wellsOutside = reliedOn.filter((w) => !w.covered).map((w) => w.id);
  steps.push(
    step(
      'R-CONV-2',
      C.area.citation,
      say(M, 'STEP_WELLS'),
      `${reliedOn.length} − ${reliedOn.length - wellsOutside.length} = ${wellsOutside.length}`,
      wellsOutside.length,
    ),
  );
  if (notRelied.length) notes.push(say(M, 'WELLS_NOT_RELIED_ON', { count: notRelied.length }));
  if (wellsOutside.length)
    findings.push({
      code: 'WELLS_OUTSIDE',
      rule: 'R-CONV-2',
      ...C.area,
      message: say(M, 'WELLS_OUTSIDE', { count: wellsOutside.length, ids: wellsOutside.join(', ') }),
      well_ids: wellsOutside,
    });

  // R-CONV-3 gathering pipelines (trunk excepted)
  const trunk = f.pipelines.filter((p) => p.type === 'trunk').map((p) => p.id);
  const gathering = f.pipelines.filter((p) => p.type !== 'trunk' && p.status !== 'abandoned');
  const inBlock = gathering.reduce((a, p) => a + p.in_block_km, 0);
  const outs = gathering.filter((p) => p.outside_km > LENGTH_TOLERANCE_KM).map((p) => ({ id: p.id, outside_km: r6(p.outside_km) }));
  const outKm = r6(outs.reduce((a, p) => a + p.outside_km, 0));
  steps.push(
    step(
      'R-CONV-3',
      C.area.citation,
      say(M, 'STEP_PIPELINES'),
      `${outs.length ? outs.map((p) => fmt(p.outside_km, 4)).join(' + ') : '0'} = ${fmt(outKm, 4)} km`,
      outKm,
    ),
  );
  if (trunk.length) notes.push(say(M, 'TRUNK_EXCEPTED', { ids: trunk.join(', ') }));
  if (outs.length)
    findings.push({
      code: 'PIPELINES_OUTSIDE',
      rule: 'R-CONV-3',
      ...C.area,
      message: say(M, 'PIPELINES_OUTSIDE', { count: outs.length, km: r4(outKm) }),
      pipelines: outs,
      outside_km: outKm,
    });

  // R-CONV-4 stations, and what the check does not cover
  notes.push(say(M, 'STATIONS_NOT_ON_RECORD'), say(M, 'NOT_CHECKED'));

  // R-CONV-5 what approval does to the exploration right
  const remaining_km2 = r6(Math.max(0, f.remaining_km2));
  const action = remaining_km2 < CANCEL_BELOW_KM2 ? 'cancel' : 'reduce';
  steps.push(
    step(
      'R-CONV-5',
      C.after.citation,
      say(M, 'STEP_REMAINING'),
      `${fmt(f.block_km2, 4)} km² ∖ ${fmt(f.proposal_km2, 4)} km² → ${fmt(remaining_km2, 6)} km² ${action === 'cancel' ? '<' : '≥'} ${CANCEL_BELOW_KM2} km²`,
      remaining_km2,
    ),
  );
  const p = { block: f.block_id, remaining_km2: r4(remaining_km2), threshold_km2: CANCEL_BELOW_KM2 };
  return {
    block_id: f.block_id,
    passes: findings.length === 0,
    findings,
    block_km2: r6(f.block_km2),
    proposal_km2: r6(f.proposal_km2),
    outside_km2,
    wells: { relied_on: reliedOn.length, covered: reliedOn.length - wellsOutside.length, outside: wellsOutside, not_relied_on: notRelied },
    pipelines: { gathering_in_block_km: r6(inBlock), gathering_outside_km: outKm, trunk_excepted: trunk },
    exploration_right: {
      action,
      remaining_km2,
      threshold_km2: CANCEL_BELOW_KM2,
      message: say(M, action === 'cancel' ? 'CANCEL' : 'REDUCE', p),
    },
    steps,
    notes,
  };
}
