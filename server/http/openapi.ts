/**
 * The OpenAPI 3.0 document (`/api/openapi.json`), generated from the contract (server/contract): every
 * route with its parameters, request body, a schema for every 2xx response and the error shape for every
 * 4xx/5xx it declares. Named schemas (`.meta({ id })`) become `components.schemas`.
 */
import { z } from 'zod';
import { COMMON_ERRORS, contract, type RouteSpec } from '../contract';
import { COLLECTIONS } from '../features/collections';

const OPTS = { target: 'openapi-3.0', io: 'input', unrepresentable: 'any', uri: (id: string) => `#/components/schemas/${id}` } as const;

/** A schema inline, with nested named schemas referring to components. */
function inline(schema: z.ZodType): Record<string, unknown> {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const js = z.toJSONSchema(schema, OPTS) as Record<string, unknown>;
  delete js.definitions;
  delete js.$defs;
  return JSON.parse(JSON.stringify(js).replace(/"#\/(?:definitions|\$defs)\/([^"]+)"/g, '"#/components/schemas/$1"'));
}

const openapiPath = (p: string) => p.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function parameters(spec: RouteSpec) {
  const out: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = inline(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = s;
      out.push({
        name,
        in: where,
        required: where === 'path' || ((js.required ?? []).includes(name) && !('default' in rest)),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  return out;
}

function operation(key: string, spec: RouteSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const content: Record<string, unknown> = {};
    if (r.json) content[r.type ?? 'application/json'] = { schema: inline(r.json) };
    for (const t of r.binary ?? []) content[t] = { schema: { type: 'string', format: 'binary' } };
    responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  const errors: Record<string, readonly string[]> = { ...spec.errors };
  for (const [s, codes] of Object.entries(COMMON_ERRORS)) errors[s] = [...(errors[s] ?? []), ...codes];
  for (const [status, codes] of Object.entries(errors).sort()) {
    responses[status] = {
      description: `error codes: ${codes.join(', ')}`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const body = spec.body
    ? {
        requestBody: {
          required: true,
          content: Object.fromEntries(spec.body.types.map((t) => [t, { schema: inline(spec.body!.schema) }])),
        },
      }
    : {};
  return {
    operationId: key,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [...spec.tags],
    ...(spec.auth === 'admin' ? { security: [{ bearer: [] }] } : {}),
    parameters: parameters(spec),
    ...body,
    responses,
  };
}

export function openapiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, spec] of Object.entries(contract) as [string, RouteSpec][]) {
    const p = openapiPath(spec.path);
    (paths[p] ??= {})[spec.method] = operation(key, spec);
  }
  const { schemas } = z.toJSONSchema(z.globalRegistry, OPTS) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) delete s.$id;
  return {
    openapi: '3.0.3',
    info: {
      title: '矿权一张图 API — mining-rights map service',
      version: '0.1.0',
      description:
        'Licence blocks, protected areas, red lines, wells and pipelines (OGC API – Features at the base URL `/api`), vector tiles, coordinate-file parsing, conflict checks and licence-extension assessments. Areas are ellipsoidal on the CGCS2000 ellipsoid. The older OGC paths `/conformance` and `/collections/…` answer too.',
    },
    servers: [{ url: '/' }],
    tags: [...COLLECTIONS.map((c) => ({ name: c.id, description: `${c.titleZh} — ${c.title}` }))],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas,
    },
  };
}

let cached: ReturnType<typeof openapiDocument> | undefined;
/** Built once per process (the contract does not change at run time). */
export const openapi = () => (cached ??= openapiDocument());
