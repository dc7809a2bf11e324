-- Audit trail (issue 13): every write appends one row in the same transaction as the write itself.
-- Append-only: the application's database role gets INSERT and SELECT on this table, never UPDATE or DELETE
-- (granted where the least-privilege roles are set up).
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor         text NOT NULL,            -- account name, 'anonymous' or 'bootstrap-admin'
  actor_user_id bigint,                   -- accounts.id when a person or their token acted
  role          text NOT NULL CHECK (role IN ('public', 'holder', 'regulator', 'admin')),
  via           text NOT NULL CHECK (via IN ('anonymous', 'session', 'token', 'bootstrap')),
  operation     text NOT NULL,            -- create | update | delete | or a domain verb (offset, sign_in, token_create, …)
  collection    text NOT NULL,            -- blocks, redlines, offsets, accounts, …
  item_id       text,
  before        jsonb,
  after         jsonb,
  request_id    text
);
CREATE INDEX audit_log_item ON audit_log (collection, item_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor, at);
CREATE INDEX audit_log_at ON audit_log (at);
