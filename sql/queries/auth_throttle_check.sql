-- auth_throttle_check: $1 keys (jsonb array of text) → seconds until the latest lock on any of them ends (0 when none).
SELECT COALESCE(ceil(extract(epoch FROM max(locked_until) - now())), 0)::int AS retry_after_s
FROM auth_throttle
WHERE key IN (SELECT jsonb_array_elements_text($1::jsonb)) AND locked_until > now()
