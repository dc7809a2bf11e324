-- sessions_purge_expired: drop sessions past their expiry and throttle rows whose window and lock are over.
WITH s AS (DELETE FROM sessions WHERE expires_at < now() RETURNING 1)
DELETE FROM auth_throttle WHERE window_start < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())
