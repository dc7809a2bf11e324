/**
 * What the upload workers run: parsing, validation and geometry work of uploads, off the main thread.
 * Every task takes and returns plain data (structured clone); refusals are AppErrors.
 */
import type { Geometry } from 'geojson';
import { readCheckInput, type InputHints } from '../conflicts/input';
import { checkInputText, type CheckInputText } from './read-check-input';
import { exportPosted, type ExportedFile } from '../export/index';
import { checkGeometry, type GeometryKind } from '../geometry/validate';
import { parseUpload, type ParseHints, type ParseResult } from '../parse/index';
import type { ParseLimits } from '../parse/limits';
import { envelopeFromPdf, type EnvelopeFromPdf } from '../report/verify-upload';
import { fullBody, jsonShell } from './json-body';

export interface TaskTypes {
  parse: { in: { bytes: Uint8Array; filename: string; hints: ParseHints; limits: ParseLimits }; out: ParseResult };
  'check-input': {
    in: { file?: { bytes: Uint8Array; name: string }; body?: unknown; hints: InputHints; limits: ParseLimits; maxVertices: number };
    /** strings, not objects: a string crosses to the main thread as one copy, 200,000 corners as arrays take ~0.3 s */
    out: CheckInputText;
  };
  geometry: { in: { geometry: unknown; kind: GeometryKind; maxVertices: number }; out: null };
  export: { in: { body: unknown; opts: Parameters<typeof exportPosted>[1] }; out: ExportedFile };
  /** A report PDF handed in for verification: its embedded signed record (server/report/verify-upload.ts). */
  'certificate-envelope': { in: { bytes: Uint8Array }; out: EnvelopeFromPdf };
  /** A JSON body's raw bytes: parsed and inspected here; its small top-level members go back (json-body.ts). */
  json: { in: { bytes: Uint8Array; charset: string; maxDepth: number }; out: Record<string, unknown> };
  /** Test only (workerData.testTasks): keep the CPU busy for `ms`. */
  spin: { in: { ms: number }; out: number };
  /** Test only: allocate `mb` megabytes and hold them. */
  alloc: { in: { mb: number }; out: number };
}
export type TaskKind = keyof TaskTypes;

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export async function runTask(kind: TaskKind, payload: unknown, testTasks = false): Promise<unknown> {
  switch (kind) {
    case 'parse': {
      const p = payload as TaskTypes['parse']['in'];
      return parseUpload(asBuffer(p.bytes), p.filename, p.hints, p.limits);
    }
    case 'check-input': {
      const p = payload as TaskTypes['check-input']['in'];
      const input = await readCheckInput(
        { file: p.file ? { buffer: asBuffer(p.file.bytes), originalname: p.file.name } : undefined, body: fullBody(p.body) },
        p.hints,
        p.limits,
        p.maxVertices,
      );
      return checkInputText(input);
    }
    case 'geometry': {
      const p = payload as TaskTypes['geometry']['in'];
      checkGeometry(p.geometry as Geometry, p.kind, p.maxVertices);
      return null;
    }
    case 'export': {
      const p = payload as TaskTypes['export']['in'];
      return exportPosted(fullBody(p.body), p.opts);
    }
    case 'json': {
      const p = payload as TaskTypes['json']['in'];
      return jsonShell(p.bytes, p.charset, p.maxDepth);
    }
    case 'certificate-envelope': {
      const p = payload as TaskTypes['certificate-envelope']['in'];
      return envelopeFromPdf(asBuffer(p.bytes));
    }
    case 'spin': {
      if (!testTasks) break;
      const until = Date.now() + (payload as { ms: number }).ms;
      let n = 0;
      while (Date.now() < until) n++;
      return n;
    }
    case 'alloc': {
      if (!testTasks) break;
      const held: number[][] = [];
      for (let i = 0; i < (payload as { mb: number }).mb; i++) held.push(new Array(131072).fill(i + 0.5)); // ~1 MiB each
      return held.length;
    }
  }
  throw new Error(`unknown task ${kind}`);
}
