-- accounts_grant_app_role: $1 the application's database role → DML on the data, append-only audit_log (run as the owner).
SELECT kq_grant_app_role($1)
