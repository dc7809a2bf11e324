-- sessions_delete_account: $1 account_id (password changed, account disabled or role changed: every session ends).
DELETE FROM sessions WHERE account_id = $1
