/**
 * Validate live responses against the API contract (server/contract): the route is found from method and
 * path (aliases too), the status must be declared (a response, one of the route's errors, or an error every
 * route may answer), a JSON 2xx body must parse with the declared schema, and an error body must have the
 * one error shape. `test/setup/contract-fetch.ts` runs this on every response the API suite fetches.
 */
import { contract, COMMON_ERRORS, ErrorBody, type RouteKey, type RouteSpec } from '../../server/contract';

const compiled = (Object.entries(contract) as [RouteKey, RouteSpec][]).flatMap(([key, spec]) =>
  [spec.path, ...(spec.aliases ?? [])].map((p) => ({
    key,
    spec,
    re: new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/:([A-Za-z_]\w*)/g, '[^/]+')}$`),
  })),
);

/** Route keys validated so far in this test file (the contract test checks every route was exercised). */
export const seenRoutes = new Set<RouteKey>();

export function routeFor(method: string, pathname: string): { key: RouteKey; spec: RouteSpec } | undefined {
  const m = method.toLowerCase();
  return compiled.find((c) => c.spec.method === m && c.re.test(pathname));
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** Throws ContractViolation when `res` (not consumed: a clone is read) breaks the contract of its route. */
export async function checkResponse(method: string, url: string, res: Response): Promise<RouteKey | undefined> {
  const u = new URL(url);
  const hit = routeFor(method, u.pathname);
  if (!hit) return undefined;
  const { key, spec } = hit;
  const where = `${method.toUpperCase()} ${u.pathname}${u.search} → ${res.status} (contract route '${key}')`;
  const declared = spec.responses[res.status];
  const isError = res.status >= 400;
  if (!declared && !(isError && (res.status in spec.errors || res.status in COMMON_ERRORS)))
    throw new ContractViolation(`${where}: status ${res.status} is not declared`);
  const type = res.headers.get('content-type') ?? '';
  const binaryOk = !!declared?.binary?.some((t) => type.startsWith(t));
  if (declared?.json && type.includes('json')) {
    const body = await res.clone().json();
    const r = declared.json.safeParse(body);
    if (!r.success)
      throw new ContractViolation(
        `${where}: body breaks the declared schema:\n${r.error.issues
          .slice(0, 5)
          .map((i) => `  ${i.path.join('.')}: ${i.message}`)
          .join('\n')}`,
      );
  } else if (binaryOk) {
    // a declared file type (PDF, CSV, tiles, the verification page)
  } else if (isError) {
    if (!type.includes('json')) throw new ContractViolation(`${where}: error answered as ${type}, not the error shape`);
    const r = ErrorBody.safeParse(await res.clone().json());
    if (!r.success) throw new ContractViolation(`${where}: error body breaks the error shape: ${r.error.message}`);
  } else if (declared?.json && res.status !== 304) {
    throw new ContractViolation(`${where}: declared JSON, answered ${type || 'no content type'}`);
  } else if (declared?.binary && res.status !== 304 && res.status !== 204 && type) {
    throw new ContractViolation(`${where}: answered ${type}, declared ${declared.binary.join(', ')}`);
  }
  seenRoutes.add(key);
  return key;
}
