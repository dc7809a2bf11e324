-- rate_limits_purge: deletes counts whose window ended more than a minute ago (they would restart anyway).
DELETE FROM rate_limits WHERE reset_at < now() - interval '1 minute'
