-- schema_migrations_applied: the names of the migrations already applied.
SELECT name FROM schema_migrations
