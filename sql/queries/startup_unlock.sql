-- startup_unlock: releases startup_lock (ending the session releases it too).
SELECT pg_advisory_unlock(hashtext('kuangquan:startup'))
