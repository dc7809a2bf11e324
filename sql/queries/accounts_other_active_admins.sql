-- accounts_other_active_admins: $1 account id → n, the active (not disabled) administrator accounts other than it.
SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND NOT disabled AND id <> $1
