import type { Db, Queryable } from './types';
import { dedicatedQuery, isConnectionError, type PgOptions } from './pg';

/** The read replica as last seen: reachable, a standby or not, how far behind, and the WAL position it has applied. */
export interface ReplicaState {
  up: boolean;
  /** a streaming standby (`pg_is_in_recovery()`); false for a second server or database that is not one */
  standby?: boolean;
  /** 0 when everything received is applied, else the age of the last applied transaction (ms) */
  lag_ms?: number;
  /** the WAL position it has applied, as PostgreSQL writes it (`0/3000148`) */
  replay_lsn?: string;
  /** the connection error code when it cannot be reached */
  reason?: string;
}

/** `0/3000148` → a number that orders WAL positions (a pg_lsn is two 32-bit halves in hexadecimal). */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** One row of `sql/queries/replica_status.sql`. */
export interface ReplicaStatusRow {
  standby: boolean;
  replay_lsn: string | null;
  lag_ms: number;
}

/** A query the replica refused because replaying WAL removed rows it needed (`40001` on a standby): run it on the primary. */
const recoveryConflict = (e: unknown) => (e as { code?: string } | undefined)?.code === '40001';

export interface ReadRouterOptions {
  /** reads go back to the primary while the replica is further behind than this (DB_READ_MAX_LAG_MS) */
  maxLagMs: number;
  /** how often the replica's position is read (DB_READ_POLL_MS) */
  pollMs: number;
  /** the replica's own status connection (connection string, health timeout), or the status read some other way (tests) */
  status: PgOptions | { run(): Promise<ReplicaStatusRow | undefined>; close(): Promise<void> };
  onError?: (e: Error) => void;
}

/**
 * Read-only routes through a streaming replica (issue 17): `reads` is a Db whose queries go to the replica while it is
 * reachable, no further behind than `maxLagMs`, and has replayed every write this instance made, and to the primary
 * otherwise. A write request pins this instance's reads to the primary from its start until the replica has replayed
 * the primary's WAL position read after the request ended (read-your-writes within an instance, for every client of
 * it). Another instance's writes reach these reads when the replica has them: within `maxLagMs` + `pollMs`.
 * Transactions always run on the primary. A replica that fails a query with a connection error or a recovery conflict
 * is marked down and the query is run again on the primary (reads only: running one twice changes nothing).
 *
 * `epoch` changes whenever reads move from one server to the other: a tile's data version and its rendering must come
 * from the same server (the replica may be behind the primary), so the tile cache keeps only tiles whose version and
 * rendering were read in one epoch.
 */
export class ReadRouter {
  readonly reads: Db;
  private state: ReplicaState = { up: false, reason: 'NOT_YET_READ' };
  private writes = 0;
  private pendingLsn = 0n;
  private lastTarget: 'replica' | 'primary' = 'primary';
  private currentEpoch = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly status: { run(): Promise<ReplicaStatusRow | undefined>; close(): Promise<void> };
  /** queries answered by each server (health shows them; the scale benchmark reads them) */
  readonly served = { primary: 0, replica: 0 };

  constructor(
    private readonly primary: Db,
    private readonly replica: Db,
    private readonly opts: ReadRouterOptions,
  ) {
    this.status = 'run' in opts.status ? opts.status : dedicatedQuery<ReplicaStatusRow>(opts.status, 'replica_status');
    const run = async <T>(f: (q: Queryable) => Promise<T>): Promise<T> => {
      if (this.target() === 'primary') {
        this.served.primary++;
        return f(primary);
      }
      try {
        const out = await f(replica);
        this.served.replica++;
        return out;
      } catch (e) {
        if (!isConnectionError(e) && !recoveryConflict(e)) throw e;
        if (isConnectionError(e)) this.setState({ up: false, reason: (e as { code?: string }).code ?? 'CONNECTION' });
        this.served.primary++;
        return f(primary);
      }
    };
    this.reads = {
      engine: primary.engine,
      query: (sql, params) => run((q) => q.query(sql, params)),
      named: (name, params) => run((q) => q.named(name, params)),
      exec: (sql) => primary.exec(sql),
      textParam: primary.textParam,
      probe: () => primary.probe(),
      transaction: (fn) => primary.transaction(fn),
      close: async () => undefined,
    };
  }

  /** Which server answers a read now (and a new epoch when that changed). */
  target(): 'replica' | 'primary' {
    const s = this.state;
    const t =
      s.up &&
      this.writes === 0 &&
      (s.lag_ms ?? Infinity) <= this.opts.maxLagMs &&
      s.replay_lsn !== undefined &&
      lsnValue(s.replay_lsn) >= this.pendingLsn
        ? 'replica'
        : 'primary';
    if (t !== this.lastTarget) {
      this.lastTarget = t;
      this.currentEpoch++;
    }
    return t;
  }

  /** Changes whenever reads move between the servers (see the class comment). */
  epoch(): number {
    this.target();
    return this.currentEpoch;
  }

  /** A write request begins: reads of this instance go to the primary until `endWrite` and the replica has caught up. */
  beginWrite(): void {
    this.writes++;
    this.target();
  }

  /** A write request ended: the primary's WAL position now is what the replica must replay before reads go back to it. */
  async endWrite(): Promise<void> {
    try {
      const lsn = (await this.primary.named<{ lsn: string }>('wal_position')).rows[0]?.lsn;
      if (lsn) {
        const v = lsnValue(lsn);
        if (v > this.pendingLsn) this.pendingLsn = v;
      }
    } catch (e) {
      // the position is unknown: keep reads on the primary until the replica passes whatever the primary says next
      this.pendingLsn = 1n << 62n;
      this.opts.onError?.(e as Error);
    } finally {
      this.writes--;
      this.target();
    }
  }

  private setState(s: ReplicaState): void {
    this.state = s;
    // the primary's position is unknown after a failed read: a later successful read of it lowers the bar again
    if (this.pendingLsn === 1n << 62n && s.up) void this.refreshPending();
    this.target();
  }

  private async refreshPending(): Promise<void> {
    try {
      const lsn = (await this.primary.named<{ lsn: string }>('wal_position')).rows[0]?.lsn;
      if (lsn) this.pendingLsn = lsnValue(lsn);
    } catch {
      /* still unknown */
    }
  }

  /** Read the replica's position and lag now (its own connection: never behind either pool). */
  async poll(): Promise<ReplicaState & { latency_ms?: number }> {
    const t0 = performance.now();
    try {
      const row = await this.status.run();
      const s: ReplicaState = {
        up: true,
        standby: Boolean(row?.standby),
        lag_ms: Math.round(Number(row?.lag_ms ?? 0) * 10) / 10,
        ...(row?.replay_lsn ? { replay_lsn: row.replay_lsn } : {}),
      };
      this.setState(s);
      return { ...s, latency_ms: Math.round((performance.now() - t0) * 10) / 10 };
    } catch (e) {
      const s: ReplicaState = {
        up: false,
        reason: isConnectionError(e) ? ((e as { code?: string }).code ?? 'CONNECTION') : 'PROBE_FAILED',
      };
      this.setState(s);
      return s;
    }
  }

  /** For `/api/health`: the replica probed now, whether it serves reads, and the reads each server answered. */
  async health() {
    const s = await this.poll();
    return { ...s, serving_reads: this.target() === 'replica', reads: { ...this.served } };
  }

  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.opts.pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.status.close();
    await this.replica.close();
  }
}
