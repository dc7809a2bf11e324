/**
 * Relinquishment planner (扣减范围方案): pure functions, no I/O. See ./planner for the method.
 *
 *   planRelinquishment({ block, required_km2, keep?, deduct_first?, max_candidates? }) → { required_km2,
 *     block_area_km2, protected_km2, candidates: Candidate[], warnings: PlannerWarning[] }
 *   ellipsoidalAreaKm2(geom)  — GRS80/CGCS2000 area, geodesic edges, outer minus holes
 *   cornerTable(geom)         — numbered corners, closing vertex dropped, clockwise from the NW
 */
export { planRelinquishment, MAX_EXCESS_RATIO } from './planner';
export type { PlanInput, PlanResult, Candidate, Strategy, PlannerWarning, DeductFirstInput } from './planner';
export { ellipsoidalAreaKm2, GRS80 } from '../geodesy/area';
export { cornerTable } from './corners';
export type { CornerRow } from './corners';
export type { Touches, WellInput } from './touches';
