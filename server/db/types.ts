/**
 * The one database interface both engines implement (PostGIS via `pg`, or embedded PGlite).
 * Routes and services only ever see this. SQL text lives in `sql/`; `named()` runs
 * `sql/queries/<name>.sql` with `$n` parameters — never string-built SQL.
 */
export type Engine = 'postgis' | 'pglite';

export interface QueryResult<T> {
  rows: T[];
}

/** The driver's rows as the caller's row type: the one place a database answer is taken on trust. */
export const rowsAs = <T>(res: { rows: unknown[] }): QueryResult<T> => ({ rows: res.rows as T[] });

export interface Queryable {
  /** Run one SQL statement with parameters (migration runner, loaders). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Run the named query `sql/queries/<name>.sql` with positional parameters. */
  named<T = Record<string, unknown>>(name: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Run a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /**
   * A long text parameter (a check's input as GeoJSON) prepared once for several queries. `pg`: its UTF-8 bytes, sent
   * in binary format (text's binary form is its bytes), so nine overlay queries copy 7 MB instead of encoding a
   * 200,000-corner input nine times on the main thread (issue 12). Absent: the string itself.
   */
  textParam?(text: string): unknown;
}

/** A database round trip for `/api/health` that never queues behind the pool (its own connection, short timeout). */
export interface HealthProbe {
  probe(): Promise<{ postgis: string }>;
}

export interface Db extends Queryable, HealthProbe {
  readonly engine: Engine;
  /** Everything inside `fn` commits together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
