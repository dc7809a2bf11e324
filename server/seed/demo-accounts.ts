import type { Queryable } from '../db/types';
import { createAccount, type NewAccount } from '../auth/accounts';

/**
 * One demo account per role, with documented demo passwords (README, "Accounts and roles"). DEMO ONLY: seeded with
 * the synthetic demo data, never in production (NODE_ENV=production) unless SEED_DEMO_ACCOUNTS=true.
 */
export const DEMO_ACCOUNTS: readonly NewAccount[] = [
  { username: 'admin', display_name: '系统管理员（演示）', role: 'admin', password: 'demo-admin-2026' },
  {
    username: 'regulator',
    display_name: '山西省自然资源厅（演示）',
    role: 'regulator',
    authority: '山西省自然资源厅',
    password: 'demo-regulator-2026',
  },
  { username: 'mnr', display_name: '自然资源部（演示）', role: 'regulator', authority: '自然资源部', password: 'demo-mnr-2026' },
  {
    username: 'holder',
    display_name: '中联煤层气（演示）',
    role: 'holder',
    holders: ['中联煤层气有限责任公司(合成)'],
    password: 'demo-holder-2026',
  },
];

/** Insert the demo accounts (inside the demo-data transaction). */
export async function seedDemoAccounts(tx: Queryable): Promise<number> {
  const tree = new Map(
    (await tx.named<{ name: string; parent: string | null; level: string }>('auth_authorities')).rows.map((r) => [
      r.name,
      { parent: r.parent, level: r.level },
    ]),
  );
  for (const a of DEMO_ACCOUNTS) await createAccount(tx, tree, a);
  return DEMO_ACCOUNTS.length;
}
