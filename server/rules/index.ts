/**
 * Pure rules of the licence lifecycle (no I/O): regimes, extension reduction, minimum investment,
 * fees, COVID adjustments, deadlines, offsets, and the zod schemas for their inputs.
 * Every result carries `steps: { rule, citation, formula, value }[]`.
 * This barrel re-exports what the routes and services outside `server/rules` use; the rest is imported from its module.
 */
export type { Step } from './steps';
export { explorationYearOn, isoDate } from './dates';
export { explainRegimeForDate } from './regimes';
export type { RegimeId } from './regimes';
export { assessExtension, extensionReadingsApplied } from './extension';
export type { ExtensionAssessment } from './extension';
export { minimumInvestmentSchedule, unfinishedRatio } from './investment';
export type { InvestmentSchedule } from './investment';
export { explorationUsageFee } from './fees';
export { COVID_WINDOW, covidTermExtension, covidInvestmentReduction, covidTermOnRecord } from './covid';
export { blockDeadlines } from './deadlines';
export type { BlockDatesInput, BlockDeadlines, Deadline } from './deadlines';
export { EMPTY_LEDGER, applyOffset, preOffsetBase, checkOffsetSource, receiverCredit, offsetAgainstDue } from './offsets';
export type { OffsetLedger, OffsetBlockInfo } from './offsets';
export type { ExtensionInput } from './schemas';
