import type { Request } from 'express';
import { say } from '../i18n/message';
import { AUTH_SAY, forbidden, unauthenticated } from './errors';
import { principalOf, type Role } from './principal';
import { mayWriteAuthority, mayWriteShared, maySeeConfidential, type AuthorityTree, type BlockScope } from './scope';

/** What authentication leaves on the request besides the principal: the session's CSRF token and the authority tree. */
interface AuthContext {
  csrf: string | null;
  tree: AuthorityTree;
}

const KEY = Symbol.for('kq.auth');
const EMPTY: AuthContext = { csrf: null, tree: new Map() };

export function setAuthContext(req: Request, c: AuthContext): void {
  (req as unknown as Record<symbol, AuthContext>)[KEY] = c;
}
const ctx = (req: Request): AuthContext => (req as unknown as Record<symbol, AuthContext | undefined>)[KEY] ?? EMPTY;
export const csrfOf = (req: Request) => ctx(req).csrf;
export const treeOf = (req: Request) => ctx(req).tree;

/** 401 for anonymous callers, 403 when the role is not among `roles`. */
export function assertRole(req: Request, roles: readonly Role[]): void {
  const p = principalOf(req);
  if (p.role === 'public') throw unauthenticated();
  if (!roles.includes(p.role)) throw forbidden(say(AUTH_SAY, 'FORBIDDEN_ROLE', { need: roles.join(' | '), role: p.role }));
}

/** May the caller read this block's confidential records (investment ledger, offsets)? */
export const canSeeConfidential = (req: Request, b: Pick<BlockScope, 'holder' | 'authority'>) =>
  maySeeConfidential(treeOf(req), principalOf(req), b);

/** 401/403 unless the caller may read the block's confidential records. */
export function assertConfidential(req: Request, b: BlockScope): void {
  const p = principalOf(req);
  if (p.role === 'public') throw unauthenticated();
  if (!canSeeConfidential(req, b)) throw forbidden(say(AUTH_SAY, 'FORBIDDEN_HOLDER', { block: b.id }));
}

/** 401/403 unless the caller may write an item issued by `authority` (`target` names it in the refusal). */
export function assertMayWrite(req: Request, authority: string | null, target: string): void {
  assertRole(req, ['regulator', 'admin']);
  const p = principalOf(req);
  if (!mayWriteAuthority(treeOf(req), p, authority))
    throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: `${target}（${authority ?? '—'}）` }));
}

/** 401/403 unless the caller may write the province-kept layers (province level or above, or admin). */
export function assertMayWriteShared(req: Request, target: string): void {
  assertRole(req, ['regulator', 'admin']);
  const p = principalOf(req);
  if (!mayWriteShared(treeOf(req), p)) throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target }));
}
