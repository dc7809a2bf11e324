/**
 * Failures of the database engine itself (not of the request): a statement that did not complete.
 * Services turn them into a 5xx with the one error shape (server/conflicts/guard.ts); nothing here
 * may be read as "no rows".
 */
export class SilentEngineFailure extends Error {
  /** SQLSTATE-like code so the error middleware never mistakes it for bad input (XX000 → 422). */
  readonly code = 'KQ001';
  constructor(readonly statement: string) {
    super(`the embedded engine ended the statement without completing it (a GEOS exception it cannot catch): ${statement}`);
    this.name = 'SilentEngineFailure';
  }
}
