import type { Request, RequestHandler } from 'express';
import type { Queryable } from '../db/types';
import { findCollection } from '../features/collections';
import { assertMayWrite, assertMayWriteShared, assertRole } from './context';
import { principalOf } from './principal';

type Scope = { holder: string | null; authority: string | null } | undefined;

const bodyProps = (req: Request): Record<string, unknown> => {
  const b = req.body as { properties?: unknown } | undefined;
  return b && typeof b === 'object' && b.properties && typeof b.properties === 'object' ? (b.properties as Record<string, unknown>) : {};
};

/** The authority a block written with these properties will have (the SQL trigger in 011 fills it the same way). */
export function blockAuthorityOf(props: Record<string, unknown>): string {
  const a = typeof props.authority === 'string' ? props.authority.trim() : '';
  if (a) return a;
  return props.province_registered === true ? '山西省自然资源厅' : '自然资源部';
}

/**
 * Who may write a register item (issue 13): an admin; or a regulator overseeing the authority that issued it.
 * - blocks: the authority of the stored block (PUT, DELETE) and of the block as written (POST, PUT);
 * - reserves and wells: the authority of the block they belong to (stored and written `block_id`);
 * - protected areas, red lines, pipelines, boundaries and wells outside any block: regulators at province level or above.
 * Runs after the body is parsed (the write's new authority is in it); unknown collections fall through to their 404.
 */
export function authorizeFeatureWrite(db: Queryable): RequestHandler {
  const blockScope = async (id: unknown): Promise<Scope> =>
    typeof id === 'string' && id ? (await db.named<{ holder: string; authority: string }>('auth_block_scope', [id])).rows[0] : undefined;
  return (req, _res, next) => {
    (async () => {
      assertRole(req, ['regulator', 'admin']);
      if (principalOf(req).role === 'admin') return;
      const c = findCollection(String(req.params.id));
      if (!c) return;
      const fid = req.params.fid === undefined ? undefined : String(req.params.fid);
      const writes = req.method === 'POST' || req.method === 'PUT';
      const props = writes ? bodyProps(req) : {};
      if (c.id === 'blocks') {
        if (fid !== undefined) {
          const stored = await blockScope(fid);
          if (stored) assertMayWrite(req, stored.authority, `block ${fid}`);
        }
        if (writes) assertMayWrite(req, blockAuthorityOf(props), `block ${fid ?? String(props.id ?? '')}`.trim());
        return;
      }
      if (c.id === 'reserves' || c.id === 'wells') {
        const blockIds = new Set<string>();
        let outside = false;
        if (fid !== undefined) {
          const row = (await db.named<{ block_id: string | null }>(c.id === 'reserves' ? 'auth_reserve_block' : 'auth_well_block', [fid]))
            .rows[0];
          if (row?.block_id) blockIds.add(row.block_id);
          else if (row) outside = true;
        }
        if (writes) {
          if (typeof props.block_id === 'string' && props.block_id) blockIds.add(props.block_id);
          else outside = true;
        }
        for (const id of blockIds) {
          const b = await blockScope(id);
          if (b) assertMayWrite(req, b.authority, `block ${id}`);
          else outside = true;
        }
        if (outside) assertMayWriteShared(req, c.titleZh ?? c.id);
        return;
      }
      assertMayWriteShared(req, c.titleZh ?? c.id);
    })().then(() => next(), next);
  };
}
