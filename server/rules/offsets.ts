/**
 * Offsets (抵扣): taking the required extension reduction of block A from another block B of the same
 * holder, with a ledger so B's own later reduction is computed on its pre-offset area (R-RED-10);
 * and the national same-basin rules (自然资规〔2019〕7号 七, 〔2023〕6号 七).
 */
import { addYears, compareDates, type IsoDate } from './dates';
import { isCbm, isShanxi, type RegimeId } from './regimes';
import { assertNonNegative, fmt, roundTo, step, type Step } from './steps';

const STEP1 = '晋自然资发〔2020〕11号 四（二）1';
const STEP2 = '晋自然资发〔2020〕11号 四（二）2';

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
  warnings: string[];
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
  const warnings: string[] = [];
  const steps: Step[] = [];
  let newArea: number | null = null;
  if (from_block_state) {
    const available = from_block_state.current_area_km2 - (from_block_state.proven_area_km2 ?? 0);
    if (offset.area_km2 > available + 1e-9) {
      throw new RangeError(
        `block ${offset.from_block} has only ${fmt(available)} km² outside proven reserves, cannot give ${fmt(offset.area_km2)} km²`,
      );
    }
    newArea = roundTo(from_block_state.current_area_km2 - offset.area_km2);
    steps.push(
      step(
        'R-RED-10',
        STEP1,
        `${offset.from_block}: ${fmt(from_block_state.current_area_km2)} − ${fmt(offset.area_km2)} = ${fmt(newArea)} (area only, validity unchanged)`,
        newArea,
      ),
    );
  } else {
    steps.push(step('R-RED-10', STEP1, `${offset.from_block} gives ${fmt(offset.area_km2)} km² to ${offset.to_block}`, offset.area_km2));
  }
  const entry: OffsetEntry = {
    id: offset.id ?? `${offset.from_block}->${offset.to_block}@${offset.date}#${ledger.entries.length + 1}`,
    from_block: offset.from_block,
    to_block: offset.to_block,
    area_km2: offset.area_km2,
    date: offset.date,
  };
  warnings.push('the contract of the receiving block must name the offset area and its exact extent (具体范围) in the giving block');
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
): { pre_offset_area_km2: number; offsets_given_km2: number; entries: OffsetEntry[]; steps: Step[]; readings: string[] } {
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
      step('R-RED-10', STEP2, `pre-offset area = ${fmt(current_area)}${terms.length ? ' + ' + terms.join(' + ') : ''} = ${fmt(pre)}`, pre),
    ],
    readings: [
      'R-RED-10: the area B gave away does not count toward B’s own reduction — B’s reduction is computed on the pre-offset area and taken in addition (“以抵扣前证载面积为基础”)',
    ],
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
        `shortfall = max(0, ${fmt(input.required_reduction_km2)} − (${fmt(input.current_area_km2)} − ${fmt(proven)})) = ${fmt(shortfall)}`,
        shortfall,
      ),
    ],
  };
}

export interface OffsetBlockInfo {
  block_id: string;
  holder: string;
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
 * - shanxi-cbm-2020: same holder, another Shanxi CBM block (273号令 第十五条), not yet expired (晋自然资发〔2020〕11号 四（二）);
 * - national-2019: oil/gas, same holder, same basin (自然资规〔2019〕7号 七);
 * - national-2023: as 2019, and not a right granted less than 5 years before `date` (自然资规〔2023〕6号 七).
 * Missing attributes fail the check (cannot be verified).
 */
export function checkOffsetSource(
  regime: RegimeId,
  source: OffsetBlockInfo,
  target: OffsetBlockInfo,
  date: IsoDate,
): { allowed: boolean; reasons: string[]; steps: Step[]; readings: string[] } {
  const reasons: string[] = [];
  const steps: Step[] = [];
  const readings: string[] = [];
  const fail = (rule: string, citation: string, why: string) => {
    reasons.push(`${rule} (${citation}): ${why}`);
    steps.push(step(rule, citation, why, 0));
  };
  if (source.block_id === target.block_id) fail('R-RED-10', '273号令 第十五条', 'source and target are the same block');
  if (source.holder !== target.holder)
    fail(
      'R-RED-10',
      regime === 'shanxi-cbm-2020' ? '273号令 第十五条' : regime === 'national-2019' ? '自然资规〔2019〕7号 七' : '自然资规〔2023〕6号 七',
      `different holders (${source.holder} ≠ ${target.holder})`,
    );
  if (regime === 'shanxi-cbm-2020') {
    if (!isShanxi(source.province)) fail('R-RED-10', '273号令 第十五条', 'source block is not (known to be) in Shanxi (山西省境内)');
    if (!isCbm(source.mineral)) fail('R-RED-10', '273号令 第十五条', 'source block is not (known to be) a CBM block');
    if (source.valid_to === undefined)
      fail('R-RED-10', '晋自然资发〔2020〕11号 四（二）', 'source expiry unknown — “未到期” cannot be verified');
    else if (compareDates(source.valid_to, date) < 0)
      fail('R-RED-10', '晋自然资发〔2020〕11号 四（二）', `source expired on ${source.valid_to} (must be 未到期)`);
  } else {
    const cit = regime === 'national-2019' ? '自然资规〔2019〕7号 七' : '自然资规〔2023〕6号 七';
    const rule = regime === 'national-2019' ? 'R-N19-OFFSET' : 'R-N23-OFFSET';
    if (source.oil_gas !== true || target.oil_gas !== true)
      fail(rule, cit, 'only oil/gas exploration rights may offset from another block');
    if (source.basin === undefined || target.basin === undefined)
      fail(rule, cit, 'basin unknown — same-basin (同一盆地) cannot be verified');
    else if (source.basin !== target.basin) fail(rule, cit, `different basins (${source.basin} ≠ ${target.basin})`);
    if (regime === 'national-2023') {
      readings.push(
        'national-2023: “新出让的油气探矿权5年内不得用于抵扣” read as: the source may offset only after grant date + 5 years (the 5th anniversary itself still counts as within 5 years)',
      );
      if (source.granted_date === undefined) fail(rule, cit, 'source grant date unknown — the 5-year rule cannot be verified');
      else {
        const five = addYears(source.granted_date, 5);
        if (compareDates(date, five) <= 0)
          fail(rule, cit, `source granted ${source.granted_date}, less than 5 years before ${date} (usable after ${five})`);
        else steps.push(step(rule, cit, `${source.granted_date} + 5 y = ${five} < ${date} → usable`, 1));
      }
    }
  }
  return { allowed: reasons.length === 0, reasons, steps, readings };
}
