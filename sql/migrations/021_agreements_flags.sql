-- 021: agreements on file between two rights, and register status flags on a right (issue 14 items 5 and 6).
--
-- right_agreements — an instrument two rights signed about their overlap (273号令 第四十二条 先采气、后采煤; 自然资规〔2023〕4号
-- 四（十一）2–3 互不影响和权益保护协议 / 承诺; 000 L3500, 001 L9710-9720):
--  * the parties are two blocks (stored ordered, block_a < block_b, so a pair is found whichever side is checked);
--  * geom is the part of their overlap the instrument covers (CGCS2000 lon/lat, SRID 4490), area_km2 its ellipsoidal area;
--  * it holds from valid_from to valid_to (inclusive; open when null), judged on a check's date (as_of);
--  * it is on record from recorded_at until withdrawn_at (a check "as at" an instant reads it as it stood then);
--  * terms are codes of server/vocab AGREEMENT_TERMS (gas_before_coal = 先采气后采煤, …).
-- right_flags — 查封 (seizure) and 抵押 (mortgage) of a right, published with transfer and mortgage (矿业权登记信息管理
-- 办法 二十一, 000 L2267): the document, the authority that imposed or recorded it, its dates, and its release.
-- Every write of either table is an audit_log row in the same transaction (server/audit). A flag change bumps the blocks
-- layer's data version (013) so tiles carrying the flag follow.

CREATE SEQUENCE right_agreement_seq;

CREATE TABLE right_agreements (
  id               text PRIMARY KEY DEFAULT ('AGR-' || lpad(nextval('right_agreement_seq')::text, 6, '0')),
  kind             text NOT NULL CHECK (kind IN ('agreement', 'consent_letter', 'commitment')),
  block_a          text NOT NULL,
  block_b          text NOT NULL,
  geom             geometry(MultiPolygon, 4490) NOT NULL,
  area_km2         double precision NOT NULL,
  document_no      text NOT NULL,
  signed_on        date NOT NULL,
  valid_from       date NOT NULL,
  valid_to         date,
  terms            text[] NOT NULL DEFAULT '{}',
  note             text,
  synthetic        boolean NOT NULL DEFAULT false,
  recorded_by      text NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_at     timestamptz,
  withdrawn_by     text,
  withdrawn_reason text,
  CHECK (block_a < block_b),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX right_agreements_pair ON right_agreements (block_a, block_b);
CREATE INDEX right_agreements_b ON right_agreements (block_b);
CREATE INDEX right_agreements_geom ON right_agreements USING gist (geom);

CREATE SEQUENCE right_flag_seq;

CREATE TABLE right_flags (
  id                   text PRIMARY KEY DEFAULT ('FLG-' || lpad(nextval('right_flag_seq')::text, 6, '0')),
  block_id             text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('seizure', 'mortgage')),
  document_no          text NOT NULL,
  authority            text NOT NULL,
  -- seizure: the court or other authority; mortgage: the mortgagee (抵押权人)
  beneficiary          text,
  start_on             date NOT NULL,
  end_on               date,
  note                 text,
  synthetic            boolean NOT NULL DEFAULT false,
  recorded_by          text NOT NULL,
  recorded_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  released_on          date,
  release_document_no  text,
  released_by          text,
  released_at          timestamptz,
  CHECK (end_on IS NULL OR end_on >= start_on),
  CHECK ((released_on IS NULL) = (released_at IS NULL))
);
CREATE INDEX right_flags_block ON right_flags (block_id);

CREATE FUNCTION kq_flags_bump_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1, changed_at = clock_timestamp() WHERE layer = 'blocks';
  RETURN NULL;
END $$;

CREATE TRIGGER right_flags_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON right_flags
  FOR EACH STATEMENT EXECUTE FUNCTION kq_flags_bump_blocks();
