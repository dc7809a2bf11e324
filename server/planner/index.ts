/**
 * Relinquishment planner (扣减范围方案): pure functions, no I/O. See ./planner for the method.
 *
 *   planRelinquishment({ block, required_km2, keep?, deduct_first?, max_candidates? }) → { required_km2,
 *     block_area_km2, protected_km2, candidates: Candidate[], warnings: PlannerWarning[] }
 *
 * Area (`../geodesy/area`) and the corner table (`./corners`) are imported from their own modules.
 */
export { planRelinquishment } from './planner';
export type { Candidate, PlanInput, PlanResult } from './planner';
