-- 024: request budgets shared by every app instance (issue 17, "past one machine": rate limits through PostgreSQL,
-- not process memory). One row per budget and client: `key` is '<route class>:<client address>' (server/http/rate-limit.ts),
-- `hits` the requests counted in the window that ends at `reset_at` (a fixed window of RATE_LIMIT windowMs, as
-- express-rate-limit's memory store counts). Instances add their hits in batches (server/http/rate-limit-store.ts).
-- UNLOGGED: a count is worth nothing after a crash and need not be replicated (no WAL per request; a standby has no rows).
CREATE UNLOGGED TABLE rate_limits (
  key      text PRIMARY KEY,
  hits     integer NOT NULL CHECK (hits >= 0),
  reset_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);
