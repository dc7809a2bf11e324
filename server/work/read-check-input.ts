/**
 * Read, validate and measure a check's input (an uploaded file or a JSON body) in the upload worker pool,
 * or on the main thread when no pool is given (unit tests). Shared by POST /api/checks and its report form.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { readCheckInput, type InputHints } from '../conflicts/input';
import type { ParseResult } from '../parse/index';
import type { ParseLimits } from '../parse/limits';
import { ownBytes, type WorkPool } from './pool';

export interface ReadInput {
  geometry: Polygon | MultiPolygon;
  describe: () => ParseResult;
}

export async function readCheckInputOffThread(
  work: WorkPool | undefined,
  src: { file?: { buffer: Buffer; originalname?: string }; body?: unknown },
  hints: InputHints,
  limits: ParseLimits,
  maxVertices: number,
): Promise<ReadInput> {
  const { file, body } = src;
  if (!work) return readCheckInput({ file, body }, hints, limits, maxVertices);
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
  return { geometry: r.geometry, describe: () => r.described };
}
