-- 016: applications with a lifecycle (issue 14 item 1).
--  * one row per application: what is applied for (kind), the right concerned (block_id; none for a new right), who
--    applies (applicant, a holder organisation as the register names it) and which authority decides (authority);
--  * the proposed polygon (geometry: the area of a new right, the retained polygon of an extension or change) as the
--    applicant sent it, GeoJSON in CGCS2000 lon/lat;
--  * state draft → submitted → accepted → approved | refused | withdrawn, moved only by server/applications
--    (the state machine is pure TypeScript, server/applications/states.ts);
--  * the frozen snapshot taken at submission (conflict check, register assessment, deadline, rule and data versions)
--    is kept as the exact JSON text it was written as (like certificates, 010), never re-spelled, with its SHA-256:
--    the decision can be re-read later exactly as it was made, whatever the register has become since;
--  * `version` is the application's own row version (ETag "v<version>" of the application, If-Match on edits).
-- Every step (create, edit, submit, accept, approve, refuse, withdraw) is a row of application_steps, and an audit_log
-- row in the same transaction (server/audit).

CREATE SEQUENCE application_seq;

CREATE TABLE applications (
  id                  text PRIMARY KEY DEFAULT ('APP-' || lpad(nextval('application_seq')::text, 6, '0')),
  kind                text NOT NULL CHECK (kind IN ('new_exploration', 'new_mining', 'extension', 'conversion', 'change', 'retention', 'cancellation')),
  state               text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted', 'approved', 'refused', 'withdrawn')),
  block_id            text,
  applicant           text NOT NULL,
  authority           text NOT NULL REFERENCES authorities (name),
  mineral             text,
  title               text,
  geometry            jsonb,
  note                text,
  snapshot            text,
  snapshot_sha256     text,
  version             bigint NOT NULL DEFAULT 1,
  created_by          text NOT NULL,
  created_by_user_id  bigint,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  submitted_at        timestamptz,
  decided_at          timestamptz
);
CREATE INDEX applications_state_authority ON applications (state, authority);
CREATE INDEX applications_applicant ON applications (applicant);
CREATE INDEX applications_block ON applications (block_id);

-- The application's own step list: who moved it, from which state to which, why, under which document number, and
-- what the step changed in the register (effect: block versions before and after).
CREATE TABLE application_steps (
  id              bigserial PRIMARY KEY,
  application_id  text NOT NULL REFERENCES applications (id),
  action          text NOT NULL CHECK (action IN ('create', 'edit', 'submit', 'accept', 'approve', 'refuse', 'withdraw')),
  from_state      text,
  to_state        text NOT NULL,
  actor           text NOT NULL,
  actor_user_id   bigint,
  role            text NOT NULL,
  reason          text,
  document_no     text,
  effect          jsonb,
  at              timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX application_steps_application ON application_steps (application_id, id);
