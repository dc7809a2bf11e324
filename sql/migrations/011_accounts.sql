-- Accounts, roles, sessions, personal tokens and sign-in throttling (issue 13); who issues a block (authority);
-- the least-privilege grant for the application's database role.

-- Issuing authorities and who oversees whom: a regulator acts for one authority and for every authority under it
-- (自然资源部 → 山西省自然资源厅 → the Shanxi city 规划和自然资源局).
CREATE TABLE authorities (
  name   text PRIMARY KEY,
  parent text REFERENCES authorities (name),
  level  text NOT NULL CHECK (level IN ('national', 'province', 'city'))
);
INSERT INTO authorities (name, parent, level) VALUES
  ('自然资源部', NULL, 'national'),
  ('山西省自然资源厅', '自然资源部', 'province'),
  ('太原市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('大同市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('阳泉市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('长治市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('晋城市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('朔州市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('晋中市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('运城市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('忻州市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('临汾市规划和自然资源局', '山西省自然资源厅', 'city'),
  ('吕梁市规划和自然资源局', '山西省自然资源厅', 'city');

-- A block's authority is the column `blocks.authority`. When a write leaves it empty it is filled from the
-- registration level: province-registered rights (province_registered = true) → 山西省自然资源厅, the others → 自然资源部
-- (oil, gas and CBM exploration and mining rights are issued by the ministry unless delegated to the province).
UPDATE blocks SET authority = CASE WHEN province_registered THEN '山西省自然资源厅' ELSE '自然资源部' END WHERE authority IS NULL;
CREATE OR REPLACE FUNCTION kq_block_authority_default() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.authority IS NULL OR btrim(NEW.authority) = '' THEN
    NEW.authority := CASE WHEN NEW.province_registered THEN '山西省自然资源厅' ELSE '自然资源部' END;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER blocks_authority_default BEFORE INSERT OR UPDATE ON blocks
  FOR EACH ROW EXECUTE FUNCTION kq_block_authority_default();

CREATE TABLE accounts (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name  text NOT NULL DEFAULT '',
  role          text NOT NULL CHECK (role IN ('holder', 'regulator', 'admin')),
  holders       text[] NOT NULL DEFAULT '{}',
  authority     text REFERENCES authorities (name),
  -- scrypt$N$r$p$salt$hash (base64), never the password
  password_hash text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'holder' OR cardinality(holders) >= 1),
  CHECK (role <> 'regulator' OR authority IS NOT NULL)
);

-- Sessions: the cookie holds a random id; only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash      text PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Personal API tokens: `kq_` + random, shown once; only the SHA-256 is stored.
CREATE TABLE api_tokens (
  id           bigserial PRIMARY KEY,
  account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- Failed sign-ins per key ('user:<name>' or 'ip:<address>'); past the limit the key is locked until locked_until.
CREATE TABLE auth_throttle (
  key          text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  window_start timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

-- Least privilege: the owner (who runs migrations) grants the application's role DML on the data and nothing else.
-- It cannot DROP, TRUNCATE or ALTER (it owns nothing), and audit_log is append-only for it (INSERT, SELECT).
-- Called by the migration runner after every migration with the role named in DATABASE_URL (see README).
CREATE OR REPLACE FUNCTION kq_grant_app_role(app text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON audit_log, schema_migrations, authorities, spatial_ref_sys FROM %I', app);
  EXECUTE format('GRANT INSERT ON audit_log TO %I', app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
  EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', app);
END $$;
