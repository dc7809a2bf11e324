/**
 * Read, validate and measure a check's input (an uploaded file or a JSON body) in the upload worker pool,
 * or on the main thread when no pool is given (unit tests). Shared by POST /api/checks and its report form.
 *
 * The worker hands back text, not objects: the geometry's GeoJSON and the parcels as JSON strings, the small members
 * as values. The check's SQL takes the geometry as text anyway, and the answer echoes both as text (server/http/
 * raw-json.ts), so a 200,000-corner input is never cloned, parsed or stringified on the main thread unless a caller
 * asks for the objects (the report, which signs a canonical record of them).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { readCheckInput, type CheckInput as ValidInput, type InputHints } from '../conflicts/input';
import type { ParseResult } from '../parse/index';
import type { ParseLimits } from '../parse/limits';
import { ownBytes, type WorkPool } from './pool';

/** The parse result's small members (everything but the geometry and the parcels' rings). */
export type InputHead = Omit<ParseResult, 'geometry' | 'parcels'>;

/** What the worker sends back: the heavy members as JSON text. */
export interface CheckInputText {
  head: InputHead;
  geometry_json: string;
  parcels_json: string;
}

export interface ReadInput {
  head: InputHead;
  /** the input polygon's GeoJSON text (RFC 7946: type and coordinates only) */
  geometry_json: string;
  /** the parcels (names, rings, areas) as JSON text */
  parcels_json: string;
  /** the polygon as objects, parsed once on first use */
  geometry(): Polygon | MultiPolygon;
  /** the whole parse result as objects, parsed once on first use */
  describe(): ParseResult;
}

/** The worker's side: a validated input as text. */
export function checkInputText(input: ValidInput): CheckInputText {
  const { geometry: g, parcels, ...head } = input.describe();
  // RFC 7946: a JSON body may carry the check's parameters as foreign members of the geometry
  const geometry_json = JSON.stringify({ type: g.type, coordinates: g.coordinates });
  return { head, geometry_json, parcels_json: JSON.stringify(parcels) };
}

const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};

/** The main thread's side: text kept as text, objects only on request. */
export function fromText(t: CheckInputText): ReadInput {
  const geometry = once(() => JSON.parse(t.geometry_json) as Polygon | MultiPolygon);
  const describe = once((): ParseResult => ({
    ...t.head,
    parcels: JSON.parse(t.parcels_json) as ParseResult['parcels'],
    geometry: geometry(),
  }));
  return { ...t, geometry, describe };
}

export async function readCheckInputOffThread(
  work: WorkPool | undefined,
  src: { file?: { buffer: Buffer; originalname?: string }; body?: unknown },
  hints: InputHints,
  limits: ParseLimits,
  maxVertices: number,
): Promise<ReadInput> {
  const { file, body } = src;
  if (!work) return fromText(checkInputText(await readCheckInput({ file, body }, hints, limits, maxVertices)));
  // the file's bytes are transferred, a JSON body cloned
  const bytes = file ? ownBytes(file.buffer) : undefined;
  const r = await work.run(
    'check-input',
    {
      file: bytes && file ? { bytes, name: file.originalname ?? '' } : undefined,
      body: file ? undefined : body,
      hints,
      limits,
      maxVertices,
    },
    bytes ? [bytes.buffer as ArrayBuffer] : [],
  );
  return fromText(r);
}
