-- rate_limits_reset: $1 key → forgets that client's count (express-rate-limit's resetKey).
DELETE FROM rate_limits WHERE key = $1
