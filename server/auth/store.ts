import type { Queryable } from '../db/types';
import type { Principal, Role } from './principal';
import type { AuthorityTree } from './scope';

/** An account as the API shows it (`Me`): never the password hash. */
export interface Me {
  id: number | null;
  username: string;
  display_name: string;
  role: Role;
  holders: string[];
  authority: string | null;
}

export interface AccountRow extends Omit<Me, 'id'> {
  id: number;
  disabled?: boolean;
  created_at?: string;
  updated_at?: string;
}

export const toMe = (a: { id: number | string | null } & Omit<Me, 'id'>): Me => ({
  id: a.id === null ? null : Number(a.id),
  username: a.username,
  display_name: a.display_name,
  role: a.role,
  holders: a.holders ?? [],
  authority: a.authority ?? null,
});

export const principalFrom = (a: AccountRow | (Me & { id: number }), via: Principal['via']): Principal => ({
  role: a.role,
  user_id: Number(a.id),
  username: a.username,
  holders: a.holders ?? [],
  authority: a.authority ?? null,
  via,
});

export const meOf = (p: Principal): Me | null =>
  p.role === 'public'
    ? null
    : {
        id: p.user_id,
        username: p.username,
        display_name: p.via === 'bootstrap' ? 'Bootstrap administrator (ADMIN_TOKEN)' : p.username,
        role: p.role,
        holders: p.holders,
        authority: p.authority,
      };

/** The authority tree, read once per process (the table is fixed by migrations; the service cannot change it). */
export function authorityTree(db: Queryable): () => Promise<AuthorityTree> {
  let cached: Promise<AuthorityTree> | undefined;
  return () =>
    (cached ??= db
      .named<{ name: string; parent: string | null; level: string }>('auth_authorities')
      .then((r) => new Map(r.rows.map((x) => [x.name, { parent: x.parent, level: x.level }])))
      .catch((e) => {
        cached = undefined;
        throw e;
      }));
}
