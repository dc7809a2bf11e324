-- 022: written commitments over proposed ecological red lines, and mortgagees' consents (issue 14 items 5 and 6).
--
-- redline_commitments — a holder's written commitment (书面承诺) at the extension of an existing CBM right not to work
-- inside a proposed (拟划) ecological protection red line, and to file a change registration once the red line is
-- officially delineated: the department then temporarily does not deduct that red line (2020-07-27 letter 二, 000 L6185,
-- PA-5). It is the one protected-area overlap the seeds let a commitment keep (see server/records/commitments.ts):
--  * block_id is the right, redline_id the proposed red line;
--  * geom is the part of their overlap the commitment covers (CGCS2000 lon/lat, SRID 4490), area_km2 its ellipsoidal area;
--  * it holds from valid_from to valid_to (inclusive; open when null), judged on a check's date (as_of);
--  * it is on record from recorded_at until withdrawn_at (a check "as at" an instant reads it as it stood then);
--  * terms are codes of server/vocab COMMITMENT_TERMS.
-- right_flag_consents — the mortgagee's consent (抵押权人同意) to the transfer of a mortgaged mining right: without it the
-- transfer registration is refused (自然资规〔2023〕4号 二（五）3（3）, 001 L9610). transferee names whom it consents to
-- (NULL: any transferee). Withdrawn consents no longer count.
-- Every write of either table is an audit_log row in the same transaction (server/audit). A consent change bumps the
-- blocks layer's data version (a block's item and ETag carry its flags and consents).

CREATE SEQUENCE redline_commitment_seq;

CREATE TABLE redline_commitments (
  id               text PRIMARY KEY DEFAULT ('CMT-' || lpad(nextval('redline_commitment_seq')::text, 6, '0')),
  block_id         text NOT NULL,
  redline_id       text NOT NULL,
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
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX redline_commitments_block ON redline_commitments (block_id, redline_id);
CREATE INDEX redline_commitments_geom ON redline_commitments USING gist (geom);

CREATE SEQUENCE right_flag_consent_seq;

CREATE TABLE right_flag_consents (
  id               text PRIMARY KEY DEFAULT ('CNS-' || lpad(nextval('right_flag_consent_seq')::text, 6, '0')),
  flag_id          text NOT NULL REFERENCES right_flags (id),
  document_no      text NOT NULL,
  given_on         date NOT NULL,
  transferee       text,
  note             text,
  synthetic        boolean NOT NULL DEFAULT false,
  recorded_by      text NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_at     timestamptz,
  withdrawn_by     text
);
CREATE INDEX right_flag_consents_flag ON right_flag_consents (flag_id);

CREATE TRIGGER right_flag_consents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON right_flag_consents
  FOR EACH STATEMENT EXECUTE FUNCTION kq_flags_bump_blocks();
