import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware';

function answer(err: unknown) {
  const out: { status?: number; body?: { error: { code: string; message: string; message_zh: string } } } = {};
  const res = {
    headersSent: false,
    set: () => res,
    status: (s: number) => ((out.status = s), res),
    json: (b: typeof out.body) => ((out.body = b), res),
  } as unknown as Response;
  errorMiddleware(err, { log: { error: () => undefined, warn: () => undefined } } as unknown as Request, res, () => undefined);
  return out;
}

describe('errorMiddleware and PostgreSQL errors', () => {
  it('a GEOS exception (XX000) is the engine’s fault: 500 GEOMETRY_ENGINE_ERROR, engine text not echoed', () => {
    const r = answer(Object.assign(new Error('GEOSIntersects: TopologyException: side location conflict at 112 36'), { code: 'XX000' }));
    expect(r.status).toBe(500);
    expect(r.body!.error.code).toBe('GEOMETRY_ENGINE_ERROR');
    expect(r.body!.error.message).not.toMatch(/TopologyException/);
    expect(r.body!.error.message_zh).toMatch(/几何引擎/);
  });
  it('an invalid parameter value (22023) stays the input’s fault: 422 GEOMETRY_INVALID', () => {
    const r = answer(Object.assign(new Error('invalid GeoJSON representation'), { code: '22023' }));
    expect([r.status, r.body!.error.code]).toEqual([422, 'GEOMETRY_INVALID']);
  });
});
