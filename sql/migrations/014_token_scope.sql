-- 014: scope of a personal API token (issue 13). `read`: the owner's role for reading only (GET/HEAD and the
-- computations anyone may ask for) — every write (register, offsets, accounts, tokens) answers 403 TOKEN_READ_ONLY;
-- `write`: the owner's current role, as before. Tokens created before this migration keep acting as `write`.
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write'));
