import type { Request } from 'express';

/**
 * Who is asking: the seam between authentication (server/auth) and everything that records or filters by actor
 * (audit trail, history, confidential panels). Authentication middleware sets it; everyone else reads it.
 */
export type Role = 'public' | 'holder' | 'regulator' | 'admin';

export interface Principal {
  role: Role;
  /** accounts.id, null for anonymous and the bootstrap token */
  user_id: number | null;
  /** account name, 'anonymous' or 'bootstrap-admin' */
  username: string;
  /** holder organisations a `holder` acts for */
  holders: string[];
  /** authority a `regulator` acts for (自然资源部 or a province/city 厅/局), null otherwise */
  authority: string | null;
  /** how the request proved who it is */
  via: 'anonymous' | 'session' | 'token' | 'bootstrap';
  /** a personal token created with scope `read` (014): the owner's role for reading only, every write refused */
  read_only?: boolean;
}

export const ANONYMOUS: Principal = Object.freeze({
  role: 'public',
  user_id: null,
  username: 'anonymous',
  holders: [],
  authority: null,
  via: 'anonymous',
}) as Principal;

export const BOOTSTRAP_ADMIN: Principal = Object.freeze({
  role: 'admin',
  user_id: null,
  username: 'bootstrap-admin',
  holders: [],
  authority: null,
  via: 'bootstrap',
}) as Principal;

const KEY = Symbol.for('kq.principal');

export function setPrincipal(req: Request, p: Principal): void {
  (req as unknown as Record<symbol, Principal>)[KEY] = p;
}

/** The principal authentication established for this request (anonymous when none did). */
export function principalOf(req: Request): Principal {
  return (req as unknown as Record<symbol, Principal | undefined>)[KEY] ?? ANONYMOUS;
}
