// npm run user:add -- --username NAME --role admin|regulator|holder [--authority 山西省自然资源厅] [--holders "公司A,公司B"]
//                     [--display-name "…"] [--password-stdin]
// Creates an account in DATABASE_URL (or the embedded engine in DATA_DIR), migrating first. Without --password-stdin a
// random password is generated and printed once. The account and an audit row are written in one transaction.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { openDb } from '../db';
import { migrate } from '../db/migrate';
import { migrateAsOwner } from '../auth/db-roles';
import { appendAudit } from '../audit/audit';
import { createAccount, NewAccount } from '../auth/accounts';
import { BOOTSTRAP_ADMIN } from '../auth/principal';
import { AppError } from '../errors';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    authority: { type: 'string' },
    holders: { type: 'string' },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  },
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const generated = values['password-stdin'] ? null : randomBytes(18).toString('base64url');
const input = NewAccount.safeParse({
  username: values.username,
  role: values.role,
  authority: values.authority,
  holders: values.holders
    ?.split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean),
  display_name: values['display-name'],
  password: generated ?? (await readStdin()),
});
if (!input.success) {
  console.error(`用户参数无效 / invalid arguments:\n${input.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}

const config = loadConfig();
if (config.MIGRATION_DATABASE_URL && config.DATABASE_URL) await migrateAsOwner(config.MIGRATION_DATABASE_URL, config.DATABASE_URL);
const db = await openDb(config);
try {
  if (!config.MIGRATION_DATABASE_URL) await migrate(db);
  const tree = new Map(
    (await db.named<{ name: string; parent: string | null; level: string }>('auth_authorities')).rows.map((r) => [
      r.name,
      { parent: r.parent, level: r.level },
    ]),
  );
  const row = await db.transaction(async (tx) => {
    const a = await createAccount(tx, tree, input.data);
    await appendAudit(tx, {
      principal: { ...BOOTSTRAP_ADMIN, username: 'cli:user-add' },
      operation: 'create',
      collection: 'accounts',
      item_id: String(a.id),
      before: null,
      after: { id: a.id, username: a.username, role: a.role, holders: a.holders, authority: a.authority },
      request_id: null,
    });
    return a;
  });
  console.log(`created account ${row.username} (id ${row.id}, role ${row.role}${row.authority ? `, ${row.authority}` : ''})`);
  if (generated) console.log(`password (shown once): ${generated}`);
} catch (e) {
  console.error(e instanceof AppError ? `${e.messageZh} / ${e.message}` : e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await db.close();
}
