import type { Principal, Role } from './principal';

/**
 * Who may see and change what (issue 13), as pure functions of the principal and the item's scope.
 *
 * - Authorities form a tree (自然资源部 → 山西省自然资源厅 → Shanxi city 规划和自然资源局, table `authorities`):
 *   a regulator acts for its own authority and every authority under it.
 * - A block's confidential records (investment ledger, offsets, the arithmetic built on them) are visible to its
 *   holder (block.holder among the account's holders), regulators overseeing the block's authority, and admins.
 * - Register writes need `admin`, or a `regulator` overseeing the item's authority.
 */
export type AuthorityTree = ReadonlyMap<string, { parent: string | null; level: string }>;

/** Does `regulatorAuthority` oversee `target` (the same authority or one of its ancestors)? */
export function oversees(tree: AuthorityTree, regulatorAuthority: string | null, target: string | null): boolean {
  if (!regulatorAuthority || !target) return false;
  let cur: string | null = target;
  for (let hops = 0; cur && hops < 16; hops++) {
    if (cur === regulatorAuthority) return true;
    cur = tree.get(cur)?.parent ?? null;
  }
  return false;
}

export interface BlockScope {
  id: string;
  holder: string | null;
  authority: string | null;
}

export const isHolderOf = (p: Principal, holder: string | null) => p.role === 'holder' && !!holder && p.holders.includes(holder);

/** May this principal read the block's confidential records? */
export function maySeeConfidential(tree: AuthorityTree, p: Principal, b: Pick<BlockScope, 'holder' | 'authority'>): boolean {
  if (p.role === 'admin') return true;
  if (p.role === 'regulator') return oversees(tree, p.authority, b.authority);
  return isHolderOf(p, b.holder);
}

/** May this principal write a register item issued by `authority`? */
export function mayWriteAuthority(tree: AuthorityTree, p: Principal, authority: string | null): boolean {
  if (p.role === 'admin') return true;
  return p.role === 'regulator' && oversees(tree, p.authority, authority);
}

/**
 * Layers that belong to no single block (protected areas, red lines, pipelines, boundaries, wells without a block)
 * are kept by the province: a regulator at province level or above (自然资源部, 山西省自然资源厅) or an admin.
 */
export function mayWriteShared(tree: AuthorityTree, p: Principal): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'regulator' || !p.authority) return false;
  const level = tree.get(p.authority)?.level;
  return level === 'national' || level === 'province';
}

export const WRITER_ROLES: readonly Role[] = ['regulator', 'admin'];
