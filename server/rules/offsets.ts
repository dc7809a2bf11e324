/**
 * Offsets (抵扣): taking the required extension reduction of block A from another block B of the same
 * holder, with a ledger so B's own later reduction is computed on its pre-offset area (R-RED-10);
 * and the national same-basin rules (自然资规〔2019〕7号 七, 〔2023〕6号 七).
 */
import { defineMessages, say, type Message } from '../i18n/message';
import { addYears, compareDates, type IsoDate } from './dates';
import { isCbm, isShanxi, type RegimeId } from './regimes';
import { STEP as S } from './step-messages';
import { assertNonNegative, fmt, roundTo, step, type Step } from './steps';

const STEP1 = '晋自然资发〔2020〕11号 四（二）1';
const STEP2 = '晋自然资发〔2020〕11号 四（二）2';
const DISCLOSE = '晋自然资发〔2020〕11号 四（二）';

/** Parameters of OFFSET_RECEIVER_NOT_DUE: decision 'refuse' or 'none' (no assessment), the reasons' codes. */
type NotDueParams = { block: string; date: string; decision: 'refuse' | 'none'; reasons: string; reasons_zh: string };

/** Offset sentences; the OFFSET_* codes are also the stable codes of the 422 details when an offset is refused. */
export const OFFSET_MESSAGES = defineMessages({
  EXTENT_REQUIRED: {
    en: () =>
      "the contract of the receiving block must name the offset area and its exact extent (具体范围) in the giving block; the giving block's geometry is redrawn when that extent is registered",
    zh: () => '受让区块出让合同须载明抵扣面积及其在抵扣区块中的具体范围；该范围登记后再调整抵扣区块的图形',
  },
  PRE_OFFSET_READING: {
    en: () =>
      'R-RED-10: the area B gave away does not count toward B’s own reduction — B’s reduction is computed on the pre-offset area and taken in addition (“以抵扣前证载面积为基础”)',
    zh: () => 'R-RED-10：乙区块抵扣出去的面积不计入其自身核减——乙区块到期延续时以抵扣前证载面积为基础计算核减，另行扣减',
  },
  FIVE_YEAR_READING: {
    en: () =>
      'national-2023: “新出让的油气探矿权5年内不得用于抵扣” read as: the source may offset only after grant date + 5 years (the 5th anniversary itself still counts as within 5 years)',
    zh: () => '2023 年全国规定：“新出让的油气探矿权5年内不得用于抵扣”理解为出让之日起满 5 年后方可抵扣（第 5 个周年日当日仍属 5 年内）',
  },
  OFFSET_SAME_BLOCK: {
    en: () => 'source and target are the same block',
    zh: () => '抵扣区块与受让区块为同一区块',
  },
  OFFSET_OTHER_HOLDER: {
    en: (p: { cit: string; source: string; target: string }) =>
      `different holders (${p.source} ≠ ${p.target}): only the same holder’s blocks may offset (${p.cit})`,
    zh: (p: { cit: string; source: string; target: string }) =>
      `矿业权人不同（${p.source} ≠ ${p.target}）：只能扣减同一矿业权人的其他区块（${p.cit}）`,
  },
  OFFSET_NOT_EXPLORATION: {
    en: (p: { which: string; cit: string }) =>
      `the ${p.which} block is not (known to be) an exploration right: offsets are between exploration rights (${p.cit})`,
    zh: (p: { which: string; cit: string }) =>
      `${p.which === 'source' ? '抵扣' : '受让'}区块不是（或无法确认为）探矿权：抵扣仅限探矿权之间（${p.cit}）`,
  },
  OFFSET_NOT_SHANXI: {
    en: () => 'source block is not (known to be) in Shanxi (山西省境内, 273号令 第十五条)',
    zh: () => '抵扣区块不在（或无法确认在）山西省境内（273号令 第十五条）',
  },
  OFFSET_NOT_CBM: {
    en: () => 'source block is not (known to be) a CBM block (其他煤层气区块, 273号令 第十五条)',
    zh: () => '抵扣区块不是（或无法确认为）煤层气区块（273号令 第十五条）',
  },
  OFFSET_EXPIRY_UNKNOWN: {
    en: () => 'source expiry unknown — “未到期” cannot be verified (晋自然资发〔2020〕11号 四（二）)',
    zh: () => '抵扣区块有效期未知，无法核实“未到期”（晋自然资发〔2020〕11号 四（二））',
  },
  OFFSET_SOURCE_EXPIRED: {
    en: (p: { valid_to: string }) => `source expired on ${p.valid_to} (must be 未到期, 晋自然资发〔2020〕11号 四（二）)`,
    zh: (p: { valid_to: string }) => `抵扣区块已于 ${p.valid_to} 到期（须为未到期的探矿权，晋自然资发〔2020〕11号 四（二））`,
  },
  OFFSET_NOT_OIL_GAS: {
    en: (p: { cit: string }) => `only oil/gas exploration rights may offset from another block (${p.cit})`,
    zh: (p: { cit: string }) => `只有油气探矿权可扣减其他区块面积（${p.cit}）`,
  },
  OFFSET_BASIN_UNKNOWN: {
    en: (p: { cit: string }) => `basin unknown — same-basin (同一盆地) cannot be verified (${p.cit})`,
    zh: (p: { cit: string }) => `盆地未知，无法核实“同一盆地”（${p.cit}）`,
  },
  OFFSET_OTHER_BASIN: {
    en: (p: { cit: string; source: string; target: string }) =>
      `different basins (${p.source} ≠ ${p.target}); only the same basin (${p.cit})`,
    zh: (p: { cit: string; source: string; target: string }) => `盆地不同（${p.source} ≠ ${p.target}），只能扣减同一盆地的区块（${p.cit}）`,
  },
  OFFSET_GRANT_UNKNOWN: {
    en: () => 'source grant date unknown — the 5-year rule cannot be verified (自然资规〔2023〕6号 七)',
    zh: () => '抵扣区块出让日期未知，无法核实 5 年限制（自然资规〔2023〕6号 七）',
  },
  OFFSET_WITHIN_5Y: {
    en: (p: { granted: string; date: string; usable: string }) =>
      `source granted ${p.granted}, less than 5 years before ${p.date} (usable after ${p.usable}; 自然资规〔2023〕6号 七 “新出让的油气探矿权5年内不得用于抵扣”)`,
    zh: (p: { granted: string; date: string; usable: string }) =>
      `抵扣区块 ${p.granted} 出让，至 ${p.date} 不满 5 年（${p.usable} 之后方可抵扣；自然资规〔2023〕6号 七）`,
  },
  OFFSET_TOO_LARGE: {
    en: (p: { block: string; available: string; area: string }) =>
      `block ${p.block} has only ${p.available} km² outside proven reserves, cannot give ${p.area} km²`,
    zh: (p: { block: string; available: string; area: string }) =>
      `区块 ${p.block} 探明储量范围以外仅有 ${p.available} km²，不能抵扣 ${p.area} km²`,
  },
  RECEIVED_CREDIT: {
    en: (p: { credit: string }) =>
      `本区块未核减: ${p.credit} km² of this block's reduction was taken from the holder's other blocks (offset) and is credited against the due reduction`,
    zh: (p: { credit: string }) => `本区块未核减：本区块应核减面积中的 ${p.credit} km² 已由同一矿业权人其他区块抵扣，冲抵应核减面积`,
  },
  OFFSET_RECEIVER_NOT_DUE: {
    en: (p: NotDueParams) =>
      p.decision === 'none'
        ? `the receiving block ${p.block} has no extension assessment on ${p.date} (${p.reasons}): no reduction is due, so nothing can be credited — an offset stands in for the reduction due when the receiving right's extension is registered (晋自然资发〔2020〕11号 四（二）1 “在甲探矿权办理延续登记的同时”, 000:L4258; “本区块未核减”, 000:L4264)`
        : `the receiving block ${p.block}'s extension is refused on ${p.date} (${p.reasons}): no reduction is due, so nothing can be credited — an offset stands in for the reduction due when the receiving right's extension is registered (晋自然资发〔2020〕11号 四（二）1 “在甲探矿权办理延续登记的同时”, 000:L4258; “本区块未核减”, 000:L4264)`,
    zh: (p: NotDueParams) =>
      p.decision === 'none'
        ? `受让区块 ${p.block} 于 ${p.date} 无延续评估（${p.reasons_zh}），无应核减面积，不能抵扣——抵扣系“在甲探矿权办理延续登记的同时”以乙区块面积冲抵甲区块应核减面积（晋自然资发〔2020〕11号 四（二）1，000:L4258；“本区块未核减”，000:L4264）`
        : `受让区块 ${p.block} 于 ${p.date} 不予延续（${p.reasons_zh}），无应核减面积，不能抵扣——抵扣系“在甲探矿权办理延续登记的同时”以乙区块面积冲抵甲区块应核减面积（晋自然资发〔2020〕11号 四（二）1，000:L4258；“本区块未核减”，000:L4264）`,
  },
  OFFSET_EXCEEDS_DUE: {
    en: (p: { block: string; due: string; area: string }) =>
      `the receiving block ${p.block} has ${p.due} km² of reduction still due; an offset of ${p.area} km² exceeds it (同等面积, 晋自然资发〔2020〕11号 四（二）, 000:L4256)`,
    zh: (p: { block: string; due: string; area: string }) =>
      `受让区块 ${p.block} 尚需核减 ${p.due} km²，抵扣 ${p.area} km² 超出应核减面积（同等面积，晋自然资发〔2020〕11号 四（二），000:L4256）`,
  },
  CREDIT_EXCEEDS: {
    en: (p: { credit: string; due: string }) =>
      `offsets received (${p.credit} km²) exceed the due reduction (${p.due} km²); the excess is not carried over`,
    zh: (p: { credit: string; due: string }) => `已受让抵扣面积（${p.credit} km²）超过应核减面积（${p.due} km²），超出部分不结转`,
  },
});
const M = OFFSET_MESSAGES;

export interface OffsetEntry {
  id: string;
  /** Block that gives up area (乙探矿权, B). */
  from_block: string;
  /** Block whose reduction is satisfied (甲探矿权, A). */
  to_block: string;
  area_km2: number;
  date: IsoDate;
}

/** The CBM mining-right registration ledger (煤层气矿业权登记台账), immutable. */
export interface OffsetLedger {
  readonly entries: readonly OffsetEntry[];
}

export const EMPTY_LEDGER: OffsetLedger = { entries: [] };

/** Disclosure strings for both blocks (晋自然资发〔2020〕11号 四（二）: “本区块未核减/其它区块缩小面积（抵扣）”). */
export const OFFSET_DISCLOSURE = { to_block: '本区块未核减', from_block: '其它区块缩小面积（抵扣）' } as const;

export interface ApplyOffsetResult {
  ledger: OffsetLedger;
  entry: OffsetEntry;
  /** B's licensed area after the simultaneous area-only change, when its current area was given. */
  from_block_new_area_km2: number | null;
  disclosure: typeof OFFSET_DISCLOSURE;
  steps: Step[];
  warnings: Message[];
}

/**
 * R-RED-10 step 1 (晋自然资发〔2020〕11号 四（二）1): record that `area_km2` of A's required reduction is
 * taken from block B. B files a simultaneous change registration — area only, validity unchanged.
 * Returns a new ledger; throws RangeError on an invalid offset (zero area, same block, more than B's
 * area outside proven reserves).
 */
export function applyOffset(
  ledger: OffsetLedger,
  offset: { from_block: string; to_block: string; area_km2: number; date: IsoDate; id?: string },
  from_block_state?: { current_area_km2: number; proven_area_km2?: number },
): ApplyOffsetResult {
  assertNonNegative('area_km2', offset.area_km2);
  if (offset.area_km2 === 0) throw new RangeError('offset area must be > 0');
  if (offset.from_block === offset.to_block) throw new RangeError('a block cannot offset its own reduction');
  compareDates(offset.date, offset.date); // validates the date
  const warnings: Message[] = [];
  const steps: Step[] = [];
  let newArea: number | null = null;
  if (from_block_state) {
    const available = from_block_state.current_area_km2 - (from_block_state.proven_area_km2 ?? 0);
    if (offset.area_km2 > available + 1e-9) {
      throw Object.assign(
        new RangeError(
          say(M, 'OFFSET_TOO_LARGE', { block: offset.from_block, available: fmt(available), area: fmt(offset.area_km2) }).message,
        ),
        {
          detail: say(M, 'OFFSET_TOO_LARGE', { block: offset.from_block, available: fmt(available), area: fmt(offset.area_km2) }),
        },
      );
    }
    newArea = roundTo(from_block_state.current_area_km2 - offset.area_km2);
    steps.push(
      step(
        'R-RED-10',
        STEP1,
        say(S, 'OFFSET_GIVER_AREA'),
        `${offset.from_block}: ${fmt(from_block_state.current_area_km2)} − ${fmt(offset.area_km2)} = ${fmt(newArea)}`,
        newArea,
      ),
    );
  } else {
    steps.push(
      step(
        'R-RED-10',
        STEP1,
        say(S, 'OFFSET_GIVES'),
        `${offset.from_block} → ${offset.to_block}: ${fmt(offset.area_km2)} km²`,
        offset.area_km2,
      ),
    );
  }
  const entry: OffsetEntry = {
    id: offset.id ?? `${offset.from_block}->${offset.to_block}@${offset.date}#${ledger.entries.length + 1}`,
    from_block: offset.from_block,
    to_block: offset.to_block,
    area_km2: offset.area_km2,
    date: offset.date,
  };
  warnings.push(say(M, 'EXTENT_REQUIRED'));
  return {
    ledger: { entries: [...ledger.entries, entry] },
    entry,
    from_block_new_area_km2: newArea,
    disclosure: OFFSET_DISCLOSURE,
    steps,
    warnings,
  };
}

/**
 * R-RED-10 step 2 (晋自然资发〔2020〕11号 四（二）2): block B's own minimum-investment check and reduction
 * at its next extension use its licensed area before the offsets (抵扣前证载面积):
 * current area + every area B gave away (since `since`, e.g. B's last extension, when given).
 */
export function preOffsetBase(
  ledger: OffsetLedger,
  block_id: string,
  current_area: number,
  opts: { since?: IsoDate } = {},
): { pre_offset_area_km2: number; offsets_given_km2: number; entries: OffsetEntry[]; steps: Step[]; readings: Message[] } {
  assertNonNegative('current_area', current_area);
  const entries = ledger.entries.filter(
    (e) => e.from_block === block_id && (opts.since === undefined || compareDates(e.date, opts.since) >= 0),
  );
  const given = roundTo(entries.reduce((a, e) => a + e.area_km2, 0));
  const pre = roundTo(current_area + given);
  const terms = entries.map((e) => fmt(e.area_km2));
  return {
    pre_offset_area_km2: pre,
    offsets_given_km2: given,
    entries,
    steps: [
      step(
        'R-RED-10',
        STEP2,
        say(S, 'PRE_OFFSET'),
        `${fmt(current_area)}${terms.length ? ' + ' + terms.join(' + ') : ''} = ${fmt(pre)}`,
        pre,
      ),
    ],
    readings: [say(M, 'PRE_OFFSET_READING')],
  };
}

/**
 * The receiving block's credit (甲探矿权, 晋自然资发〔2020〕11号 四（二）: “本区块未核减”, 000:L4264): the offsets it received
 * (since `since`, e.g. the start of its current term) are taken off its due reduction: due − credit, never below 0.
 */
export function receiverCredit(
  ledger: OffsetLedger,
  block_id: string,
  due_km2: number,
  opts: { since?: IsoDate } = {},
): { credit_km2: number; due_after_credit_km2: number; entries: OffsetEntry[]; steps: Step[]; warnings: Message[] } {
  assertNonNegative('due_km2', due_km2);
  const entries = ledger.entries.filter(
    (e) => e.to_block === block_id && (opts.since === undefined || compareDates(e.date, opts.since) >= 0),
  );
  const credit = roundTo(entries.reduce((a, e) => a + e.area_km2, 0));
  const after = roundTo(Math.max(0, due_km2 - credit));
  const warnings: Message[] = [];
  if (credit > 0) warnings.push(say(M, 'RECEIVED_CREDIT', { credit: fmt(credit) }));
  if (credit > due_km2 + 1e-9) warnings.push(say(M, 'CREDIT_EXCEEDS', { credit: fmt(credit), due: fmt(due_km2) }));
  return {
    credit_km2: credit,
    due_after_credit_km2: after,
    entries,
    steps:
      credit > 0
        ? [
            step(
              'R-RED-10',
              DISCLOSE,
              say(S, 'DUE_AFTER_OFFSETS'),
              `${fmt(due_km2)} − ${entries.map((e) => fmt(e.area_km2)).join(' − ')} → ${fmt(after)}`,
              after,
            ),
          ]
        : [],
    warnings,
  };
}

/**
 * R-RED-10 step 2: if repeated offsets leave B too small to absorb its own required reduction, the
 * shortfall must be offset again from other blocks: max(0, required − (current − proven)).
 */
export function offsetShortfall(input: { current_area_km2: number; proven_area_km2?: number; required_reduction_km2: number }): {
  shortfall_km2: number;
  steps: Step[];
} {
  assertNonNegative('current_area_km2', input.current_area_km2);
  assertNonNegative('required_reduction_km2', input.required_reduction_km2);
  const proven = input.proven_area_km2 ?? 0;
  const available = Math.max(0, input.current_area_km2 - proven);
  const shortfall = roundTo(Math.max(0, input.required_reduction_km2 - available));
  return {
    shortfall_km2: shortfall,
    steps: [
      step(
        'R-RED-10',
        STEP2,
        say(S, 'OFFSET_SHORTFALL'),
        `${fmt(input.required_reduction_km2)} − (${fmt(input.current_area_km2)} − ${fmt(proven)}) → ${fmt(shortfall)}`,
        shortfall,
      ),
    ],
  };
}

export interface OffsetBlockInfo {
  block_id: string;
  holder: string;
  /** Right type: offsets are between exploration rights (探矿权). */
  kind?: 'exploration' | 'mining';
  province?: string;
  mineral?: string;
  /** Sedimentary basin (盆地), for the national same-basin rule. */
  basin?: string;
  /** Oil/gas right (incl. CBM). */
  oil_gas?: boolean;
  valid_to?: IsoDate;
  /** Date the source right was granted (出让), for national-2023's 5-year rule. */
  granted_date?: IsoDate;
}

/**
 * May `source` give area to offset `target`'s required reduction on `date`?
 * - every regime: two different exploration rights (探矿权) of the same holder;
 * - shanxi-cbm-2020: another Shanxi CBM block (273号令 第十五条, 000:L3366), not yet expired (晋自然资发〔2020〕11号 四（二）, 000:L4258);
 * - national-2019: oil/gas, same basin (自然资规〔2019〕7号 七, 000:L1969);
 * - national-2023: as 2019, and not a right granted less than 5 years before `date` (自然资规〔2023〕6号 七, 001:L10495).
 * Missing attributes fail the check (cannot be verified). Each reason is a Message whose code is stable.
 */
export function checkOffsetSource(
  regime: RegimeId,
  source: OffsetBlockInfo,
  target: OffsetBlockInfo,
  date: IsoDate,
): { allowed: boolean; reasons: Message[]; steps: Step[]; readings: Message[] } {
  const reasons: Message[] = [];
  const steps: Step[] = [];
  const readings: Message[] = [];
  const fail = (rule: string, citation: string, why: Message) => {
    reasons.push(why);
    steps.push(step(rule, citation, why, '✗', 0));
  };
  const cit =
    regime === 'shanxi-cbm-2020' ? '273号令 第十五条' : regime === 'national-2019' ? '自然资规〔2019〕7号 七' : '自然资规〔2023〕6号 七';
  const rule = regime === 'shanxi-cbm-2020' ? 'R-RED-10' : regime === 'national-2019' ? 'R-N19-OFFSET' : 'R-N23-OFFSET';
  if (source.block_id === target.block_id) fail(rule, cit, say(M, 'OFFSET_SAME_BLOCK'));
  if (source.holder !== target.holder)
    fail(rule, cit, say(M, 'OFFSET_OTHER_HOLDER', { cit, source: source.holder, target: target.holder }));
  if (source.kind !== 'exploration') fail(rule, cit, say(M, 'OFFSET_NOT_EXPLORATION', { which: 'source', cit }));
  if (target.kind !== 'exploration') fail(rule, cit, say(M, 'OFFSET_NOT_EXPLORATION', { which: 'target', cit }));
  if (regime === 'shanxi-cbm-2020') {
    if (!isShanxi(source.province)) fail(rule, cit, say(M, 'OFFSET_NOT_SHANXI'));
    if (!isCbm(source.mineral)) fail(rule, cit, say(M, 'OFFSET_NOT_CBM'));
    if (source.valid_to === undefined) fail(rule, DISCLOSE, say(M, 'OFFSET_EXPIRY_UNKNOWN'));
    else if (compareDates(source.valid_to, date) < 0) fail(rule, DISCLOSE, say(M, 'OFFSET_SOURCE_EXPIRED', { valid_to: source.valid_to }));
  } else {
    if (source.oil_gas !== true || target.oil_gas !== true) fail(rule, cit, say(M, 'OFFSET_NOT_OIL_GAS', { cit }));
    if (source.basin === undefined || target.basin === undefined) fail(rule, cit, say(M, 'OFFSET_BASIN_UNKNOWN', { cit }));
    else if (source.basin !== target.basin)
      fail(rule, cit, say(M, 'OFFSET_OTHER_BASIN', { cit, source: source.basin, target: target.basin }));
    if (source.valid_to !== undefined && compareDates(source.valid_to, date) < 0)
      fail(rule, cit, say(M, 'OFFSET_SOURCE_EXPIRED', { valid_to: source.valid_to }));
    if (regime === 'national-2023') {
      readings.push(say(M, 'FIVE_YEAR_READING'));
      if (source.granted_date === undefined) fail(rule, cit, say(M, 'OFFSET_GRANT_UNKNOWN'));
      else {
        const five = addYears(source.granted_date, 5);
        if (compareDates(date, five) <= 0)
          fail(rule, cit, say(M, 'OFFSET_WITHIN_5Y', { granted: source.granted_date, date, usable: five }));
        else steps.push(step(rule, cit, say(S, 'OFFSET_USABLE'), `${source.granted_date} + 5 = ${five} < ${date}`, 1));
      }
    }
  }
  return { allowed: reasons.length === 0, reasons, steps, readings };
}

/** What the receiving block's register assessment on the offset date says about its due reduction. */
export interface ReceiverDueInput {
  to_block: string;
  date: IsoDate;
  /** the offset's area */
  area_km2: number;
  /** the receiver's extension assessment on `date`; null when it has none (no dates, not an exploration right) */
  assessment: { decision: 'extend' | 'refuse'; reduction_km2: number; refusal_reasons: Message[] } | null;
  /** the reduction still due after the offsets it already received (receiverCredit), when it received any */
  due_after_credit_km2?: number;
  /** why there is no assessment (e.g. the stored assessment's warnings), for the refusal */
  no_assessment_reasons?: Message[];
}

/**
 * R-RED-10 (晋自然资发〔2020〕11号 四（二）, 000:L4256-4264): an offset stands in for the reduction the receiving block (甲)
 * must give up when its extension is registered (“在甲探矿权办理延续登记的同时”), by the same area (“同等面积”).
 * - no assessment, or the extension refused: nothing is due, nothing can be credited → OFFSET_RECEIVER_NOT_DUE;
 * - granted: the offset may not exceed the reduction still due (its cut less what it already received) → OFFSET_EXCEEDS_DUE.
 */
export function offsetAgainstDue(
  i: ReceiverDueInput,
):
  | { ok: true; due_km2: number; due_after_km2: number }
  | { ok: false; code: 'OFFSET_RECEIVER_NOT_DUE' | 'OFFSET_EXCEEDS_DUE'; reason: Message; due_km2: number; decision: 'refuse' | null } {
  assertNonNegative('area_km2', i.area_km2);
  const a = i.assessment;
  if (!a || a.decision === 'refuse') {
    const why = a ? a.refusal_reasons : (i.no_assessment_reasons ?? []);
    const reason = say(M, 'OFFSET_RECEIVER_NOT_DUE', {
      block: i.to_block,
      date: i.date,
      decision: a ? 'refuse' : 'none',
      reasons: why.map((m) => m.code).join(', ') || (a ? 'refused' : 'no assessment'),
      reasons_zh: why.map((m) => m.code).join('、') || (a ? '不予延续' : '无评估'),
    });
    return { ok: false, code: 'OFFSET_RECEIVER_NOT_DUE', reason, due_km2: 0, decision: a ? 'refuse' : null };
  }
  const due = i.due_after_credit_km2 ?? a.reduction_km2;
  if (i.area_km2 > due + 1e-6) {
    return {
      ok: false,
      code: 'OFFSET_EXCEEDS_DUE',
      reason: say(M, 'OFFSET_EXCEEDS_DUE', { block: i.to_block, due: fmt(due), area: fmt(i.area_km2) }),
      due_km2: due,
      decision: null,
    };
  }
  return { ok: true, due_km2: due, due_after_km2: roundTo(Math.max(0, due - i.area_km2)) };
}
