-- schema_migrations_create: the ledger of applied migrations (before the first migration runs).
CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)
