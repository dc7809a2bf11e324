/**
 * The API contract: every route of the service, declared once (./define.ts). The server implements this
 * map (server/routes.ts, checked by the compiler), /api/openapi.json is generated from it, the client takes
 * its types from it, and the API suite validates live responses against it (test/helpers/contract.ts).
 */
import { applicationRoutes } from './applications';
import { authRoutes } from './auth';
import { auditRoutes } from './audit';
import { checkRoutes } from './checks';
import { fileRoutes } from './files';
import { investmentRoutes } from './investment';
import { lifecycleRoutes } from './lifecycle';
import { metaRoutes } from './meta';
import { ogcRoutes } from './ogc';
import { paymentRoutes } from './payments';
import { recordRoutes } from './records';
import { reportRoutes } from './reports';
import { tileRoutes } from './tiles';

export const contract = {
  ...metaRoutes,
  ...ogcRoutes,
  ...tileRoutes,
  ...fileRoutes,
  ...checkRoutes,
  ...lifecycleRoutes,
  ...reportRoutes,
  ...authRoutes,
  ...auditRoutes,
  ...applicationRoutes,
  ...investmentRoutes,
  ...paymentRoutes,
  ...recordRoutes,
};
export type Contract = typeof contract;
export type RouteKey = keyof Contract;
/** Routes served by typed handlers (server/http/contract-route.ts); the rest name the express router serving them (`servedBy`). */
export type TypedRouteKey = { [K in RouteKey]: Contract[K] extends { servedBy: string } ? never : K }[RouteKey];

export * from './define';
export { COMMON_ERRORS, ErrorBody } from './common';
export { OGC_BASE } from './ogc';
