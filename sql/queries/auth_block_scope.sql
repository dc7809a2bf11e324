-- auth_block_scope: $1 block id → who holds it and who issued it (authorization of confidential reads and writes).
SELECT id, holder, authority FROM blocks WHERE id = $1
