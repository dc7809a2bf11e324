-- startup_lock: waits for the one session-level advisory lock every app instance takes around migrating and loading the
-- demo data at start, so instances started together migrate one after the other (the second finds everything done).
SELECT pg_advisory_lock(hashtext('kuangquan:startup'))
