-- rate_limits_add: $1 keys (text[]), $2 hits to add per key (int[], same order), $3 window length in ms.
-- Adds each instance's hits to the shared count in one statement; a key whose window has ended starts a new one
-- (its hits restart from what is added now). Returns every key's count and window end after the addition.
-- Keys are sorted so that two instances adding the same keys lock the rows in the same order (no deadlock).
INSERT INTO rate_limits AS r (key, hits, reset_at)
SELECT k, n, now() + make_interval(secs => $3::double precision / 1000)
FROM unnest($1::text[], $2::int[]) AS a (k, n)
ORDER BY k
ON CONFLICT (key) DO UPDATE SET
  hits     = CASE WHEN r.reset_at <= now() THEN excluded.hits ELSE r.hits + excluded.hits END,
  reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
RETURNING key, hits, (extract(epoch FROM reset_at) * 1000)::float8 AS reset_ms
