import { z } from 'zod';
import { AppError } from '../errors';
import type { Queryable } from '../db/types';
import { say } from '../i18n/message';
import { AUTH_SAY } from './errors';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
import type { AuthorityTree } from './scope';
import type { AccountRow } from './store';

export const USERNAME = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits and . _ - (2–64, starting with a letter or digit)');
export const PASSWORD = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const ROLE = z.enum(['holder', 'regulator', 'admin']);

export const NewAccount = z.object({
  username: USERNAME,
  display_name: z.string().trim().max(200).optional(),
  role: ROLE,
  holders: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
  authority: z.string().trim().min(1).max(200).nullable().optional(),
  password: PASSWORD,
  disabled: z.boolean().optional(),
});
export type NewAccount = z.infer<typeof NewAccount>;

export const AccountPatch = z
  .object({
    display_name: z.string().trim().max(200),
    role: ROLE,
    holders: z.array(z.string().trim().min(1).max(200)).max(100),
    authority: z.string().trim().min(1).max(200).nullable(),
    disabled: z.boolean(),
    password: PASSWORD,
  })
  .partial()
  .strict();
export type AccountPatch = z.infer<typeof AccountPatch>;

/**
 * The scope that goes with a role: a holder acts for ≥ 1 holder organisation and no authority, a regulator for one
 * known authority and no holders, an admin for neither. When the role changes and the scope is not given, the scope
 * that does not fit the new role is dropped. Throws 422 when what remains does not fit.
 */
export function settleScope(
  tree: AuthorityTree,
  role: AccountRow['role'],
  holders: string[] | undefined,
  authority: string | null | undefined,
): { holders: string[]; authority: string | null } {
  const h = role === 'holder' ? [...new Set(holders ?? [])] : (holders ?? []);
  const a = authority ?? null;
  const bad = () => {
    const m = say(AUTH_SAY, 'ROLE_SCOPE');
    return new AppError(422, 'INVALID_ACCOUNT', m.message, m.message_zh, [{ field: role === 'regulator' ? 'authority' : 'holders' }]);
  };
  if (role === 'holder' && (h.length === 0 || a !== null)) throw bad();
  if (role === 'regulator' && (a === null || h.length > 0)) throw bad();
  if (role === 'admin' && (a !== null || h.length > 0)) throw bad();
  if (a !== null && !tree.has(a)) {
    const m = say(AUTH_SAY, 'UNKNOWN_AUTHORITY', { authority: a });
    throw new AppError(422, 'UNKNOWN_AUTHORITY', m.message, m.message_zh, [{ field: 'authority' }]);
  }
  return { holders: h, authority: a };
}

const taken = (username: string) => {
  const m = say(AUTH_SAY, 'USERNAME_TAKEN', { username });
  return new AppError(409, 'USERNAME_TAKEN', m.message, m.message_zh, [{ field: 'username' }]);
};

/** Insert an account (password hashed with scrypt). Used by the API, `npm run user:add` and the demo seed. */
export async function createAccount(db: Queryable, tree: AuthorityTree, a: NewAccount): Promise<AccountRow> {
  const scope = settleScope(tree, a.role, a.holders, a.authority);
  const hash = await hashPassword(a.password);
  try {
    const row = (
      await db.named<AccountRow>('accounts_insert', [
        a.username,
        a.display_name ?? a.username,
        a.role,
        JSON.stringify(scope.holders),
        scope.authority,
        hash,
      ])
    ).rows[0];
    if (a.disabled) return (await db.named<AccountRow>('accounts_update', [row.id, null, null, null, null, true, null, false])).rows[0];
    return row;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw taken(a.username);
    throw e;
  }
}

/**
 * 409 LAST_ADMIN when the patch would disable or demote the last active administrator account (the bootstrap
 * ADMIN_TOKEN is a credential, not an account, and does not count). Changes that take an administrator away are
 * serialised by a transaction lock, so two administrators demoting each other cannot both succeed.
 */
async function keepOneAdmin(tx: Queryable, before: AccountRow, patch: AccountPatch): Promise<void> {
  const losesAdmin = before.role === 'admin' && !before.disabled && ((patch.role ?? 'admin') !== 'admin' || patch.disabled === true);
  if (!losesAdmin) return;
  await tx.named('accounts_admins_lock');
  const others = (await tx.named<{ n: number }>('accounts_other_active_admins', [before.id])).rows[0];
  if (Number(others?.n ?? 0) > 0) return;
  const m = say(AUTH_SAY, 'LAST_ADMIN', { username: before.username });
  throw new AppError(409, 'LAST_ADMIN', m.message, m.message_zh, [{ field: patch.disabled === true ? 'disabled' : 'role' }]);
}

/** Apply a patch to a locked account; returns the row after and whether its sessions must end. */
export async function updateAccount(
  tx: Queryable,
  tree: AuthorityTree,
  before: AccountRow,
  patch: AccountPatch,
): Promise<{ after: AccountRow; endSessions: boolean }> {
  await keepOneAdmin(tx, before, patch);
  const role = patch.role ?? before.role;
  const roleChanged = role !== before.role;
  const scope = settleScope(
    tree,
    role,
    patch.holders ?? (roleChanged && role !== 'holder' ? [] : before.holders),
    patch.authority !== undefined ? patch.authority : roleChanged && role !== 'regulator' ? null : before.authority,
  );
  const hash = patch.password !== undefined ? await hashPassword(patch.password) : null;
  const after = (
    await tx.named<AccountRow>('accounts_update', [
      before.id,
      patch.display_name ?? null,
      patch.role ?? null,
      JSON.stringify(scope.holders),
      scope.authority,
      patch.disabled ?? null,
      hash,
      true,
    ])
  ).rows[0];
  const sameScope =
    after.role === before.role && after.authority === before.authority && after.holders.join('\u0000') === before.holders.join('\u0000');
  return { after, endSessions: hash !== null || after.disabled === true || !sameScope };
}
