-- 026: a mortgagee's consent recorded in error can be taken off record (POST /api/consents/{id}/withdraw), with the
-- reason kept beside who and when (022 kept who and when only). The holder-change guard already counts only consents
-- not withdrawn (sql/queries/right_flags_mortgage_guard.sql).
ALTER TABLE right_flag_consents ADD COLUMN withdrawn_reason text;
