-- schema_migrations_insert: record one migration as applied ($1 its file name), in the migration's own transaction.
INSERT INTO schema_migrations (name) VALUES ($1)
