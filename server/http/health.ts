import { Router } from 'express';
import type { Db } from '../db';
import { route } from './async';

/** `GET /api/health` → `{ status, database: { engine, postgis } }`. */
export function healthRouter(db: Db): Router {
  const r = Router();
  r.get('/api/health', route(async (_req, res) => {
    const row = (await db.named<{ postgis: string }>('health')).rows[0];
    res.set('Cache-Control', 'no-store').json({ status: 'ok', database: { engine: db.engine, postgis: row?.postgis } });
  }));
  return r;
}
