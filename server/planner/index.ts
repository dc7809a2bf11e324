export { planRelinquishment, MAX_EXCESS_RATIO } from './planner';
export type { PlanInput, PlanResult, Candidate, Strategy, PlannerWarning, DeductFirstInput } from './planner';
export { ellipsoidalAreaKm2, GRS80 } from './area';
export { cornerTable } from './corners';
export type { CornerRow } from './corners';
export type { Touches, WellInput } from './touches';
