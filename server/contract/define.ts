/**
 * How a route is declared in the contract, and what the compiler asks of its implementation.
 *
 * A route names its method and path, its path parameters, query, request body, every response (status →
 * JSON schema, or the file types it sends) and its error statuses with their stable codes — once, as zod
 * schemas. The server mounts one implementation per declared route (server/http/contract-route.ts); the
 * handler's return value must be one of the declared responses with the declared body type. The OpenAPI
 * document (server/http/openapi.ts) and the client's types (client/src/api) come from the same declaration.
 *
 * Pure declarations: zod and nothing else, so the client may import the types (type-only) and the schemas.
 */
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** the JSON body's schema */
  json?: z.ZodType;
  /** media type of the JSON body (default application/json) */
  type?: string;
  /** other media types sent as files or bytes (tiles, CSV, coordinate files) */
  binary?: readonly string[];
  /** response headers the client may rely on (name → description), e.g. ETag */
  headers?: { readonly [name: string]: string };
}

export interface RequestBodySpec {
  /** accepted media types */
  types: readonly string[];
  schema: z.ZodType;
  /**
   * false: the schema documents the body but the handler validates it itself (it gives sharper errors:
   * a GeoJSON Feature against its collection, a coordinate file against its format); the handler gets `unknown`.
   */
  validate?: boolean;
}

export interface RouteSpec {
  method: HttpMethod;
  /** express form, e.g. `/api/blocks/:id/conflicts` (OpenAPI: `{id}`) */
  path: string;
  /** older paths answering the same (kept so existing clients keep working), not documented separately */
  aliases?: readonly string[];
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: RequestBodySpec;
  /** request headers the route reads (name → description; required: answered with an error when missing) */
  headers?: { readonly [name: string]: { description: string; required?: boolean } };
  /** stable code of the 422 answered when params, query or body fail their schema (`details[].field` names the field) */
  badInput?: string;
  /**
   * The module whose express router serves this route instead of a typed handler (PDFs sent inline, raw PDF
   * uploads); the route is still documented in OpenAPI and validated in the API suite like every other.
   */
  servedBy?: string;
  /**
   * who may call (issue 13; checked before any body is read): `admin` an administrator, `regulator` a regulator or an
   * administrator (finer scope, the authority, is checked by the route), `account` any signed-in account
   */
  auth?: 'admin' | 'regulator' | 'account';
  responses: { readonly [status: number]: ResponseSpec };
  /** error statuses this route answers besides the ones every route may (see COMMON_ERRORS), with their codes */
  errors: { readonly [status: number]: readonly string[] };
}

/** Identity with literal types kept (method, statuses): every contract entry goes through it. */
export const defineRoute = <const S extends RouteSpec>(spec: S): S => spec;

type Headers = Record<string, string>;
type Statuses<S extends RouteSpec> = keyof S['responses'] & number;

type JsonReply<S extends RouteSpec, K extends Statuses<S>> = S['responses'][K] extends { json: infer Z extends z.ZodType }
  ? {
      status: K;
      body: z.input<Z>;
      headers?: Headers;
      /** the body holds values made by rawJson (server/http/raw-json.ts): written with their JSON text in place */
      rawJson?: true;
    }
  : never;
type FileReply<S extends RouteSpec, K extends Statuses<S>> = S['responses'][K] extends { binary: readonly string[] }
  ? { status: K; file: { buffer: Buffer | Uint8Array | string; contentType: string; filename?: string }; headers?: Headers }
  : never;
type EmptyReply<S extends RouteSpec, K extends Statuses<S>> = S['responses'][K] extends { json: z.ZodType } | { binary: readonly string[] }
  ? never
  : { status: K; headers?: Headers };

/** What a handler may return: one declared status with its declared body. */
export type Reply<S extends RouteSpec> = { [K in Statuses<S>]: JsonReply<S, K> | FileReply<S, K> | EmptyReply<S, K> }[Statuses<S>];

/** The parsed request a handler receives. */
export interface Parsed<S extends RouteSpec> {
  params: S['params'] extends z.ZodType ? z.output<S['params']> : Record<string, never>;
  query: S['query'] extends z.ZodType ? z.output<S['query']> : Record<string, never>;
  body: S['body'] extends { validate: false } ? unknown : S['body'] extends { schema: infer B extends z.ZodType } ? z.output<B> : undefined;
}

/** The JSON body of a route's response with status K, as the client receives it. */
export type ResponseBody<S extends RouteSpec, K extends Statuses<S> = 200 & Statuses<S>> = S['responses'][K] extends {
  json: infer Z extends z.ZodType;
}
  ? z.output<Z>
  : never;
/** A route's query as the client sends it (before defaults and coercion). */
/** A route's JSON request body as the client sends it. */
export type BodyInput<S extends RouteSpec> = S['body'] extends { schema: infer B extends z.ZodType } ? z.input<B> : never;
