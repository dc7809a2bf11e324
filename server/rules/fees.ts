/**
 * Usage fees and transfer income of Shanxi CBM rights: R-FEE-1, R-FEE-2, R-INC-3, R-INC-8.
 */
import { defineMessages, say, type Message } from '../i18n/message';
import { STEP as S } from './step-messages';
import { assertNonNegative, fmt, pct, roundTo, step, type Step } from './steps';

const M = defineMessages({
  INCOME_START: {
    en: () =>
      'R-INC-3: start of payment differs — after conversion to mining (273号令 第三十二条) vs from entering production incl. report-then-produce (晋自然资发〔2020〕11号 一/十五); this function only computes the amount',
    zh: () =>
      'R-INC-3：缴纳起点表述不一——转为采矿权后（273号令 第三十二条）或进入生产（含边探边采）起（晋自然资发〔2020〕11号 一、十五）；此处仅计算金额',
  },
  GOAF: {
    en: () => 'R-INC-7: 晋自然资发〔2019〕54号 did not levy income on goaf pilot blocks; 273号令 (2020) sets 0.1% — 0.1% used',
    zh: () => 'R-INC-7：晋自然资发〔2019〕54号 对采空区试点区块未征收出让收益；273号令（2020）规定 0.1%——按 0.1% 计算',
  },
  OCCUPIED_CAPPED: {
    en: () => 'occupied area exceeds the block area; capped at the block area',
    zh: () => '占用面积超过区块面积，按区块面积封顶',
  },
});

const ART33 = '273号令 第三十三条';

/**
 * R-FEE-1 (273号令 第三十三条（一）): exploration-right usage fee per km² for exploration year n:
 * years 1–5 free; year 6 100 CNY; +100 each year; at most 500 CNY/km²/yr.
 */
export function explorationUsageFee(input: { exploration_year: number; area_km2: number }): {
  cny_per_km2: number;
  amount_cny: number;
  steps: Step[];
} {
  const n = input.exploration_year;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`exploration_year must be an integer ≥ 1, got ${n}`);
  assertNonNegative('area_km2', input.area_km2);
  const rate = n <= 5 ? 0 : Math.min(100 * (n - 5), 500);
  const amount = roundTo(rate * input.area_km2, 2);
  return {
    cny_per_km2: rate,
    amount_cny: amount,
    steps: [
      step(
        'R-FEE-1',
        ART33,
        say(S, 'FEE_RATE', { year: n }),
        n <= 5 ? `${n} ≤ 5 → 0 CNY/km²` : `100 × (${n} − 5) = ${100 * (n - 5)}${100 * (n - 5) > 500 ? ' > 500' : ''} → ${rate} CNY/km²`,
        rate,
      ),
      step('R-FEE-1', ART33, say(S, 'FEE_AMOUNT'), `${rate} × ${fmt(input.area_km2)} = ${fmt(amount, 2)}`, amount),
    ],
  };
}

/** R-FEE-2 (273号令 第三十三条（二）): mining-right usage fee 1,000 CNY/km²/yr × area × years. */
export function miningUsageFee(input: { area_km2: number; years?: number }): { amount_cny: number; steps: Step[] } {
  assertNonNegative('area_km2', input.area_km2);
  const years = input.years ?? 1;
  assertNonNegative('years', years);
  const amount = roundTo(1000 * input.area_km2 * years, 2);
  return {
    amount_cny: amount,
    steps: [step('R-FEE-2', ART33, say(S, 'MINING_FEE'), `1000 × ${fmt(input.area_km2)} × ${fmt(years)} = ${fmt(amount, 2)}`, amount)],
  };
}

/**
 * R-INC-3 (273号令 第三十二条): rate-based transfer income (矿业权出让收益) for rights not granted by
 * listing = annual sales revenue × 0.3%, or × 0.1% for coal-goaf (closed-mine) CBM.
 */
export function transferIncome(input: { annual_sales_cny: number; goaf?: boolean }): {
  rate: number;
  amount_cny: number;
  steps: Step[];
  readings: Message[];
} {
  assertNonNegative('annual_sales_cny', input.annual_sales_cny);
  const rate = input.goaf ? 0.001 : 0.003;
  const amount = roundTo(input.annual_sales_cny * rate, 2);
  return {
    rate,
    amount_cny: amount,
    steps: [
      step(
        'R-INC-3',
        '273号令 第三十二条',
        say(S, 'INCOME'),
        `${fmt(input.annual_sales_cny, 2)} × ${pct(rate)} = ${fmt(amount, 2)}`,
        amount,
      ),
    ],
    readings: [say(M, 'INCOME_START'), ...(input.goaf ? [say(M, 'GOAF')] : [])],
  };
}

/**
 * R-INC-8 (273号令 第三十条): when a new or enlarged protected area occupies part of a CBM block, refund
 * paid transfer income in proportion to the occupied area: paid × occupied / block area.
 */
export function protectedAreaRefund(input: { paid_income_cny: number; occupied_area_km2: number; block_area_km2: number }): {
  refund_cny: number;
  steps: Step[];
  warnings: Message[];
} {
  assertNonNegative('paid_income_cny', input.paid_income_cny);
  assertNonNegative('occupied_area_km2', input.occupied_area_km2);
  assertNonNegative('block_area_km2', input.block_area_km2);
  const warnings: Message[] = [];
  if (input.block_area_km2 === 0)
    return { refund_cny: 0, steps: [step('R-INC-8', '273号令 第三十条', say(S, 'REFUND'), '0 km² → 0', 0)], warnings };
  let occupied = input.occupied_area_km2;
  if (occupied > input.block_area_km2) {
    warnings.push(say(M, 'OCCUPIED_CAPPED'));
    occupied = input.block_area_km2;
  }
  const refund = roundTo((input.paid_income_cny * occupied) / input.block_area_km2, 2);
  return {
    refund_cny: refund,
    steps: [
      step(
        'R-INC-8',
        '273号令 第三十条',
        say(S, 'REFUND'),
        `${fmt(input.paid_income_cny, 2)} × ${fmt(occupied)} / ${fmt(input.block_area_km2)} = ${fmt(refund, 2)}`,
        refund,
      ),
    ],
    warnings,
  };
}
