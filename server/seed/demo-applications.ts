/**
 * The demo's applications (data/demo/applications.json, synthetic; issue 14 item 8): one in every state, of every kind
 * on an existing right. Each goes through the applications service itself (create, then its steps), so what the demo
 * shows — the snapshot frozen at submission (conflict check, register assessment, deadline, rule and data versions),
 * the step list, the audit rows, the register effect of an approval — is what the service makes, on the day the demo is
 * loaded. Runs inside the demo load's transaction: the service's own transactions join it.
 */
import { readFileSync } from 'node:fs';
import type { Db, Queryable } from '../db/types';
import type { Principal } from '../auth/principal';
import { createApplication, takeStep, type Actor } from '../applications/service';
import { TRANSITIONS, type ApplicationKind, type ApplicationState, type TransitionAction } from '../applications/states';

interface DemoApplication {
  kind: ApplicationKind;
  block_id: string;
  title: string;
  /** the application's polygon: the block cut by this lon/lat box [min lon, min lat, max lon, max lat] */
  clip?: [number, number, number, number];
  reason: string;
  note?: string;
  steps: { action: TransitionAction; reason: string; document_no?: string }[];
  /** the state the steps lead to (checked) */
  expect: ApplicationState;
}

/**
 * A Db whose transactions are the demo load's own (the service opens its own transaction for every step). Its statements
 * run one at a time: they share the load's one connection, which the check would otherwise be given side by side.
 */
function joined(tx: Queryable, engine: Db['engine']): Db {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    engine,
    query: <T>(sql: string, params?: unknown[]) => serial(() => tx.query<T>(sql, params)),
    named: <T>(name: string, params?: unknown[]) => serial(() => tx.named<T>(name, params)),
    exec: (sql: string) => serial(() => tx.exec(sql)),
    transaction: (fn) => fn(tx),
    probe: () => Promise.reject(new Error('no health probe inside the demo load')),
    close: async () => {},
  };
}

/** The demo's actors: the applicant (the block's holder) and a regulator of the deciding authority. Not accounts. */
const actor = (p: Omit<Principal, 'user_id' | 'via'>, tree: Actor['tree']): Actor => ({
  principal: { ...p, user_id: null, via: 'bootstrap' },
  tree,
  request_id: null,
});

export async function loadDemoApplications(tx: Queryable, engine: Db['engine'], path: string, maxVertices: number): Promise<number> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { synthetic: boolean; applications: DemoApplication[] };
  if (doc.synthetic !== true) throw new Error(`${path}: demo applications must be marked synthetic`);
  const db = joined(tx, engine);
  const tree = new Map(
    (await tx.named<{ name: string; parent: string | null; level: string }>('auth_authorities')).rows.map((r) => [
      r.name,
      { parent: r.parent, level: r.level },
    ]),
  );
  for (const a of doc.applications) {
    const block = (await tx.named<{ holder: string | null; authority: string | null }>('auth_block_scope', [a.block_id])).rows[0];
    if (!block?.holder) throw new Error(`demo applications: block ${a.block_id} has no holder on record`);
    let geometry: unknown;
    if (a.clip) {
      const g = (await tx.named<{ geometry: string | null }>('demo_block_clip', [a.block_id, ...a.clip])).rows[0]?.geometry;
      if (!g) throw new Error(`demo applications: the clip of ${a.block_id} misses the block`);
      geometry = JSON.parse(g);
    }
    const applicant = actor({ role: 'holder', username: 'demo-applicant', holders: [block.holder], authority: null }, tree);
    const decider = actor({ role: 'regulator', username: 'demo-regulator', holders: [], authority: block.authority ?? '自然资源部' }, tree);
    const deps = { db, maxVertices };
    const made = await createApplication(deps, applicant, {
      kind: a.kind,
      block_id: a.block_id,
      title: a.title,
      reason: a.reason,
      ...(a.note ? { note: a.note } : {}),
      ...(geometry ? { geometry } : {}),
    });
    let state: ApplicationState = made.row.state;
    for (const s of a.steps) {
      const who = TRANSITIONS[s.action].side === 'applicant' ? applicant : decider;
      const out = await takeStep(deps, who, made.row.id, s.action, { reason: s.reason, document_no: s.document_no }, undefined);
      state = out.row.state;
    }
    if (state !== a.expect) throw new Error(`demo applications: ${a.kind} of ${a.block_id} ended ${state}, not ${a.expect}`);
  }
  return doc.applications.length;
}
