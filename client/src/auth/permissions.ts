/**
 * What the page offers to whom (pure). The server decides (401/403); the page only hides what a role
 * cannot do, so nobody is shown a button that can only fail. It follows the server's rules (server/auth/scope.ts):
 * - authorities form a tree 自然资源部 → 山西省自然资源厅 → the city 规划和自然资源局; a regulator acts for its
 *   own authority and every one under it. The page knows the tree by the names' levels (部 / 厅 / 局), which is
 *   the tree the server seeds; a block of an authority the page cannot place is left to the server (403 explained);
 * - edit controls: admins; regulators for blocks their authority oversees; for layers of no single block
 *   (protected areas, red lines, pipelines) regulators at province level or above; reserves and wells follow
 *   their block (the page does not know it up front: the server decides);
 * - confidential panels (investment ledger, offsets): the holder that owns the block, regulators overseeing it, admins;
 * - a feature's history with who changed it: regulators and admins.
 */
import type { Me } from '../api/auth';

export const MINISTRY = '自然资源部';

type Level = 'national' | 'province' | 'city' | null;

/** The level of an authority by its name: 自然资源部, a province 厅, a city 局. */
export function authorityLevel(name: string | null | undefined): Level {
  if (!name) return null;
  if (name === MINISTRY) return 'national';
  if (/省自然资源厅$/.test(name)) return 'province';
  if (/(市|州|盟|区)[^市]*局$/.test(name)) return 'city';
  return null;
}

/** Does the regulator's authority oversee `target` (the same, or above it)? null when the page cannot tell. */
export function oversees(mine: string | null | undefined, target: string | null | undefined): boolean | null {
  if (!mine || !target) return null;
  if (mine === target) return true;
  const a = authorityLevel(mine);
  const b = authorityLevel(target);
  if (!a || !b) return null;
  if (a === 'national') return true;
  // one province in this register: the province oversees its cities; a city oversees only itself
  return a === 'province' && b === 'city';
}

const SHARED = new Set(['protected-areas', 'redlines', 'pipelines', 'boundaries']);

export function canEdit(me: Me | null | undefined, collection: string, properties: Record<string, unknown> = {}): boolean {
  if (!me || (me.role !== 'regulator' && me.role !== 'admin')) return false;
  if (me.role === 'admin') return true;
  if (SHARED.has(collection)) {
    const level = authorityLevel(me.authority);
    return level === 'national' || level === 'province';
  }
  if (collection === 'blocks') {
    const authority = typeof properties.authority === 'string' ? properties.authority : null;
    return oversees(me.authority, authority) !== false;
  }
  return true;
}

/** May see a block's investment ledger and offsets (commercially confidential). */
export function canSeeConfidential(me: Me | null | undefined, block: { holder?: unknown; authority?: unknown }): boolean {
  if (!me) return false;
  if (me.role === 'admin') return true;
  if (me.role === 'regulator') return oversees(me.authority, typeof block.authority === 'string' ? block.authority : null) !== false;
  return me.role === 'holder' && typeof block.holder === 'string' && me.holders.includes(block.holder);
}

export const canSeeHistory = (me: Me | null | undefined): boolean => !!me && (me.role === 'regulator' || me.role === 'admin');

/** The organisation a user acts for: a regulator's authority, a holder's organisations. */
export function organisationOf(me: Me | null | undefined): string | null {
  if (!me) return null;
  if (me.role === 'regulator') return me.authority;
  if (me.role === 'holder') return me.holders.length ? me.holders.join('、') : null;
  return me.authority ?? null;
}
