/**
 * What the page offers to whom (pure). The server decides (401/403); the page only hides what a role
 * cannot do, so nobody is shown a button that can only fail:
 * - edit controls: regulators and admins; a regulator's blocks only where the block's 登记机关 is their
 *   authority (自然资源部 regulators: every block); other layers carry no authority, the server decides;
 * - confidential panels (investment ledger, offsets): the holder that owns the block, regulators, admins;
 * - a feature's history and the audit trail: regulators and admins.
 */
import type { Me, Role } from '../api/auth';

export const MINISTRY = '自然资源部';

const isRegulatorOrAdmin = (me: Me | null | undefined): me is Me => !!me && (me.role === 'regulator' || me.role === 'admin');

export function canEdit(me: Me | null | undefined, collection: string, properties: Record<string, unknown> = {}): boolean {
  if (!isRegulatorOrAdmin(me)) return false;
  if (collection === 'boundaries') return me.role === 'admin';
  if (me.role === 'admin') return true;
  const authority = typeof properties.authority === 'string' ? properties.authority : null;
  if (collection !== 'blocks' || !authority || !me.authority || me.authority === MINISTRY) return true;
  return authority === me.authority;
}

/** May see a block's investment ledger and offsets (commercially confidential). */
export function canSeeConfidential(me: Me | null | undefined, holder: unknown): boolean {
  if (!me) return false;
  if (me.role === 'regulator' || me.role === 'admin') return true;
  return me.role === 'holder' && typeof holder === 'string' && me.holders.includes(holder);
}

export const canSeeHistory = (me: Me | null | undefined): boolean => isRegulatorOrAdmin(me);

/** The organisation a user acts for: a regulator's authority, a holder's organisations. */
export function organisationOf(me: Me | null | undefined): string | null {
  if (!me) return null;
  if (me.role === 'regulator') return me.authority;
  if (me.role === 'holder') return me.holders.length ? me.holders.join('、') : null;
  return me.authority ?? null;
}

export const ROLES: Role[] = ['public', 'holder', 'regulator', 'admin'];
