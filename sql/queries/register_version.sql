-- register_version: when the register last changed — the latest write to a block version (current or
-- history) — as the data version a report states ("register as at …"), with the block count.
SELECT GREATEST((SELECT max(lower(sys_period)) FROM blocks), (SELECT max(upper(sys_period)) FROM blocks_history)) AS as_at,
       (SELECT count(*) FROM blocks)::int AS blocks
