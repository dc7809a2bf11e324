-- auth_throttle_fail: $1 key, $2 failures allowed in the window, $3 window seconds, $4 lock seconds.
-- Counts one failed sign-in atomically; the count restarts when the window has passed; at the limit the key is locked.
INSERT INTO auth_throttle AS t (key, failures, window_start, locked_until)
VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $4) END)
ON CONFLICT (key) DO UPDATE SET
  failures     = CASE WHEN t.window_start < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
  window_start = CASE WHEN t.window_start < now() - make_interval(secs => $3) THEN now() ELSE t.window_start END,
  locked_until = CASE
    WHEN (CASE WHEN t.window_start < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $2
      THEN now() + make_interval(secs => $4)
    ELSE t.locked_until END
RETURNING failures, locked_until
