-- accounts_admins_lock: serialise changes that may take away an active administrator (transaction-scoped advisory
-- lock, released at commit or rollback). Taken before accounts_other_active_admins, in its own statement, so the
-- count that follows sees every change committed by a writer that held the lock before.
SELECT pg_advisory_xact_lock(hashtext('kq_accounts_active_admins')::bigint)
