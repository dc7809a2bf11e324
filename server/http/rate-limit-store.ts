import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Queryable } from '../db';

/** One client's count in this process: the shared count last read, and the hits not yet added to it. */
interface Entry {
  /** the count in the database after this instance's last addition (every instance's hits up to then) */
  shared: number;
  /** hits counted here and not yet sent */
  pending: number;
  /** hits sent and not yet acknowledged */
  sending: number;
  /** end of the window (ms since the epoch), the database's once it has answered */
  resetMs: number;
}

export interface SharedStoreOptions {
  /** budgets of one route class share a prefix (`tiles:`, `reads:` …): one table holds every class */
  prefix: string;
  /**
   * How often this instance adds its hits to the shared count (ms). 0: every request is added before it is answered
   * (exact, one database round trip per request). Above 0, another instance's hits reach this one's answers within
   * this time, so N instances admit at most (N − 1) × (a client's requests in syncMs) beyond the budget.
   */
  syncMs: number;
  /** a failed addition (the database unreachable): logged by the caller; the hits stay counted in this instance */
  onError?: (e: Error) => void;
}

/** Every store's periodic purge of ended windows runs this often (ms). */
const PURGE_EVERY_MS = 60_000;

/**
 * express-rate-limit's Store over PostgreSQL (migration 024, `sql/queries/rate_limits_*.sql`): a client's budget is
 * shared by every app instance. Each instance counts locally and adds its hits to the shared row every `syncMs`, in
 * one statement for all keys; the answer to a request is the shared count last read plus this instance's hits since.
 * A request never waits for the database unless `syncMs` is 0, and a database that cannot be reached leaves the
 * count local (the budget then holds per instance) instead of failing requests.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private readonly purgeTimer: NodeJS.Timeout;
  private closed = false;
  /** whether any client was counted since the last purge (an idle store leaves the table alone) */
  private used = false;

  constructor(
    private readonly db: Queryable,
    private readonly opts: SharedStoreOptions,
  ) {
    this.prefix = opts.prefix;
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private entry(key: string, now: number): Entry {
    let e = this.entries.get(key);
    if (!e || e.resetMs <= now) {
      e = { shared: 0, pending: 0, sending: 0, resetMs: now + this.windowMs };
      this.entries.set(key, e);
    }
    return e;
  }

  private info(e: Entry): ClientRateLimitInfo {
    return { totalHits: e.shared + e.sending + e.pending, resetTime: new Date(e.resetMs) };
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const e = this.entries.get(key);
    return e && e.resetMs > Date.now() ? this.info(e) : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    if (this.opts.syncMs !== 0) return this.incrementNow(key)!;
    const e = this.count(key);
    await this.flush();
    return this.info(e);
  }

  /**
   * `increment` answered in the same turn of the event loop: the hit is counted here and sent with the next sync.
   * Undefined when every hit is sent before it is answered (syncMs 0): then only `increment` counts.
   */
  incrementNow(key: string): IncrementResponse | undefined {
    if (this.opts.syncMs === 0) return undefined;
    const e = this.count(key);
    this.timer ??= setTimeout(() => void this.flush(), this.opts.syncMs).unref();
    return this.info(e);
  }

  private count(key: string): Entry {
    const e = this.entry(key, Date.now());
    e.pending++;
    this.used = true;
    return e;
  }

  decrement(key: string): void {
    const e = this.entries.get(key);
    if (e && e.pending > 0) e.pending--;
  }

  async resetKey(key: string): Promise<void> {
    this.entries.delete(key);
    await this.db.named('rate_limits_reset', [this.prefix + key]).catch((e: Error) => this.opts.onError?.(e));
  }

  /** Add every pending hit to the shared counts in one statement, and read the counts back. */
  async flush(): Promise<void> {
    this.timer = undefined;
    const batch: Array<{ key: string; e: Entry; n: number }> = [];
    for (const [key, e] of this.entries) {
      if (e.pending === 0) continue;
      batch.push({ key, e, n: e.pending });
      e.sending += e.pending;
      e.pending = 0;
    }
    if (!batch.length) return;
    try {
      const { rows } = await this.db.named<{ key: string; hits: number; reset_ms: number }>('rate_limits_add', [
        batch.map((b) => this.prefix + b.key),
        batch.map((b) => b.n),
        this.windowMs,
      ]);
      const by = new Map(rows.map((r) => [r.key, r]));
      for (const b of batch) {
        b.e.sending -= b.n;
        const row = by.get(this.prefix + b.key);
        if (!row) continue;
        b.e.shared = Number(row.hits) - b.e.sending;
        b.e.resetMs = Number(row.reset_ms);
      }
    } catch (err) {
      // unreachable database: the hits stay in this instance's count (the budget holds per instance meanwhile); they
      // are not sent again (their window may have ended by then)
      for (const b of batch) {
        b.e.sending -= b.n;
        b.e.shared += b.n;
      }
      this.opts.onError?.(err as Error);
    }
    if (!this.closed && this.opts.syncMs > 0 && [...this.entries.values()].some((e) => e.pending > 0))
      this.timer ??= setTimeout(() => void this.flush(), this.opts.syncMs).unref();
  }

  /** Forget ended windows here and in the table. */
  private async purge(): Promise<void> {
    const now = Date.now();
    for (const [k, e] of this.entries) if (e.resetMs <= now && e.pending === 0 && e.sending === 0) this.entries.delete(k);
    if (!this.used) return;
    this.used = false;
    await this.db.named('rate_limits_purge').catch(() => undefined);
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.purgeTimer);
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
  }
}
