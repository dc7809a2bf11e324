-- auth_throttle_clear: $1 key (a successful sign-in clears its account's failures).
DELETE FROM auth_throttle WHERE key = $1
