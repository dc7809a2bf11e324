-- 010: stored checks and signed certificates (issue 15).
-- A certificate is a signed record: the canonical JSON (sorted keys, no whitespace) of a check's or a
-- dossier's inputs and results, and an Ed25519 signature over exactly those bytes. The text is kept as
-- signed (not as jsonb, which would re-spell numbers and reorder keys) so it verifies byte for byte.
CREATE TABLE certificates (
  id         text PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('check', 'block-dossier')),
  issued_at  timestamptz NOT NULL,
  record     text NOT NULL,
  signature  text NOT NULL,
  key_id     text NOT NULL
);

-- A stored conflict check; its record is its certificate's record.
CREATE TABLE checks (
  id             text PRIMARY KEY,
  certificate_id text NOT NULL UNIQUE REFERENCES certificates (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- The demo signing key, generated on first use when SIGNING_KEY is not configured (a warning is logged).
-- Production passes SIGNING_KEY (PKCS#8 PEM or base64 DER) and this table stays empty.
CREATE TABLE signing_keys (
  id          text PRIMARY KEY,
  private_pem text NOT NULL,
  public_pem  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
