/**
 * Pure rules of the licence lifecycle (no I/O): regimes, extension reduction, minimum investment,
 * fees, COVID adjustments, deadlines, offsets, and the zod schemas for their inputs.
 * Every result carries `steps: { rule, citation, formula, value }[]`.
 */
export type { Step } from './steps';
export { roundTo } from './steps';
export type { IsoDate } from './dates';
export { addDays, addMonths, addYears, daysBetween, explorationYearOn, isoDate, monthsBetween } from './dates';
export {
  REGIME_IDS,
  REGIMES,
  SHANXI_CBM_EFFECTIVE,
  NATIONAL_2019_EFFECTIVE,
  NATIONAL_2023_EFFECTIVE,
  explainRegimeForDate,
  regimeForDate,
  isShanxi,
  isCbm,
} from './regimes';
export type { RegimeId, RegimeInfo, RegimeSource, RegimeContext, RegimeChoice } from './regimes';
export { assessExtension } from './extension';
export type { ExtensionAssessment, ExtensionDecision } from './extension';
export {
  OLD_STANDARD_CNY_PER_KM2_YEAR,
  minimumInvestmentRate,
  minimumInvestmentSchedule,
  unfinishedRatio,
  checkInvestmentComposition,
} from './investment';
export type { InvestmentScheduleInput, InvestmentScheduleRow, InvestmentSchedule } from './investment';
export { explorationUsageFee, miningUsageFee, transferIncome, protectedAreaRefund } from './fees';
export { COVID_WINDOW, covidAffectedDays, covidTermExtension, covidInvestmentReduction, impliedAreaFromCovidReduction } from './covid';
export { blockDeadlines, daysUntil, isLegacyOver15Years } from './deadlines';
export type { BlockDatesInput, BlockDeadlines, Deadline } from './deadlines';
export {
  EMPTY_LEDGER,
  OFFSET_DISCLOSURE,
  OFFSET_MESSAGES,
  applyOffset,
  preOffsetBase,
  offsetShortfall,
  checkOffsetSource,
  receiverCredit,
} from './offsets';
export type { OffsetEntry, OffsetLedger, OffsetBlockInfo, ApplyOffsetResult } from './offsets';
export { regimeIdSchema, acquisitionMethodSchema, extensionContractSchema, extensionInputSchema, parseExtensionInput } from './schemas';
export type { AcquisitionMethod, ExtensionContract, ExtensionInput } from './schemas';
