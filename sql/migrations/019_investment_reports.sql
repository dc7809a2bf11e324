-- 019: annual exploration investment reports and the abnormal list (issue 14 item 3).
--  * investment_reports: every filing of a year's exploration investment (年度勘查投入, 273号令 第四十三条) with its
--    itemised costs (核算报告 “各项投入费用明细”, 第十七条); a resubmission is a new revision, the earlier ones kept.
--  * investments (002) stays the one ledger every rule reads (the extension assessment's shortfall, the annual check,
--    the abnormal list): a filing sets the year's figure there, and report_id names the filing it came from
--    (NULL: a figure imported with the register, e.g. the demo ledger).
--  * abnormal_list_publications: a regulator's publication of the abnormal-list candidates of a year (第四十四条),
--    frozen as the exact JSON text published (the public form, without the confidential figures) with its SHA-256.
-- Every filing and publication is also an audit_log row written in the same transaction (server/audit).

CREATE TABLE investment_reports (
  id                         bigserial PRIMARY KEY,
  block_id                   text NOT NULL,
  year                       integer NOT NULL CHECK (year BETWEEN 1980 AND 2200),
  revision                   integer NOT NULL CHECK (revision >= 1),
  amount_cny                 double precision NOT NULL CHECK (amount_cny >= 0),
  physical_and_research_cny  double precision NOT NULL CHECK (physical_and_research_cny >= 0),
  breakdown                  jsonb NOT NULL,
  note                       text,
  document_no                text,
  submitted_by               text NOT NULL,
  submitted_by_user_id       bigint,
  role                       text NOT NULL,
  submitted_at               timestamptz NOT NULL DEFAULT clock_timestamp(),
  synthetic                  boolean NOT NULL DEFAULT false,
  UNIQUE (block_id, year, revision)
);
CREATE INDEX investment_reports_year ON investment_reports (year, block_id);

ALTER TABLE investments ADD COLUMN report_id bigint REFERENCES investment_reports (id);

CREATE TABLE abnormal_list_publications (
  id                    bigserial PRIMARY KEY,
  year                  integer NOT NULL CHECK (year BETWEEN 1980 AND 2200),
  authority             text NOT NULL REFERENCES authorities (name),
  deadline              date NOT NULL,
  entries               text NOT NULL,
  entries_sha256        text NOT NULL,
  document_no           text,
  note                  text,
  published_by          text NOT NULL,
  published_by_user_id  bigint,
  published_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX abnormal_list_publications_year ON abnormal_list_publications (year, published_at DESC);
