-- 002: the registry layers. Geometry is stored in its native SRID 4490 (CGCS2000 lon/lat)
-- with one GiST index per layer; queries transform the query envelope, never the column
-- (engineering.md habit 3). Every polygon is made valid on write by trigger (see 003).

-- Licence blocks: exploration and mining rights of every mineral (coal rights are rights too).
CREATE TABLE blocks (
  id                          text PRIMARY KEY,
  licence_no                  text,
  name                        text NOT NULL,
  holder                      text,
  kind                        text NOT NULL CHECK (kind IN ('exploration', 'mining')),
  mineral                     text NOT NULL CHECK (mineral IN ('cbm', 'coal', 'oil_gas', 'tight_gas', 'shale_gas', 'other')),
  acquisition_method          text CHECK (acquisition_method IN ('tender', 'listing', 'agreement', 'administrative', 'added_mineral')),
  authority                   text,
  status                      text NOT NULL DEFAULT 'valid'
                              CHECK (status IN ('valid', 'extension_applied', 'report_then_produce', 'retained', 'expired', 'cancelled')),
  first_registration_date     date,
  first_registration_area_km2 double precision,
  valid_from                  date,
  valid_to                    date,
  extensions_used             integer NOT NULL DEFAULT 0,
  basin                       text,
  province_registered         boolean NOT NULL DEFAULT false,
  synthetic                   boolean NOT NULL DEFAULT false,
  -- licensed area, ellipsoidal (CGCS2000 spheroid), kept in step with geom by trigger
  area_km2                    double precision,
  geom                        geometry(MultiPolygon, 4490) NOT NULL,
  sys_period                  tstzrange NOT NULL DEFAULT tstzrange(now(), NULL)
);
CREATE INDEX blocks_geom_gist ON blocks USING gist (geom);
CREATE INDEX blocks_mineral_kind ON blocks (mineral, kind);
CREATE INDEX blocks_holder ON blocks (holder);
CREATE INDEX blocks_licence_no ON blocks (licence_no);

-- Valid-time history: every UPDATE/DELETE of a block moves the previous version here.
CREATE TABLE blocks_history (LIKE blocks);
CREATE INDEX blocks_history_id ON blocks_history (id);
CREATE INDEX blocks_history_period ON blocks_history USING gist (sys_period);

-- Proven / submitted reserve polygons of a block.
CREATE TABLE reserves (
  id             text PRIMARY KEY,
  block_id       text NOT NULL,
  name           text,
  kind           text NOT NULL DEFAULT 'proven' CHECK (kind IN ('proven', 'submitted')),
  submitted_date date,
  synthetic      boolean NOT NULL DEFAULT false,
  area_km2       double precision,
  geom           geometry(MultiPolygon, 4490) NOT NULL
);
CREATE INDEX reserves_geom_gist ON reserves USING gist (geom);
CREATE INDEX reserves_block ON reserves (block_id);

-- Yearly exploration investment actually made (for the minimum-investment shortfall).
CREATE TABLE investments (
  block_id   text NOT NULL,
  year       integer NOT NULL,
  amount_cny double precision NOT NULL,
  PRIMARY KEY (block_id, year)
);

-- Offsets (抵扣, R-RED-10): block from_block gives up area counted for to_block's reduction.
CREATE TABLE offsets (
  id          bigserial PRIMARY KEY,
  from_block  text NOT NULL,
  to_block    text NOT NULL,
  area_km2    double precision NOT NULL CHECK (area_km2 > 0),
  offset_date date NOT NULL,
  from_block_area_before_km2 double precision NOT NULL,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE protected_areas (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  category        text NOT NULL CHECK (category IN ('nature_reserve', 'scenic_area', 'geopark', 'forest_park', 'wetland_park',
                    'spring_protection', 'water_source', 'cultural_relic', 'high_grade_forest', 'no_mining_zone', 'other')),
  zone            text CHECK (zone IN ('core', 'general')),
  level           text,
  source          text,
  designated_date date,
  synthetic       boolean NOT NULL DEFAULT false,
  area_km2        double precision,
  geom            geometry(MultiPolygon, 4490) NOT NULL
);
CREATE INDEX protected_areas_geom_gist ON protected_areas USING gist (geom);

CREATE TABLE redlines (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('proposed', 'official')),
  version_date date,
  source       text,
  synthetic    boolean NOT NULL DEFAULT false,
  area_km2     double precision,
  geom         geometry(MultiPolygon, 4490) NOT NULL
);
CREATE INDEX redlines_geom_gist ON redlines USING gist (geom);

CREATE TABLE wells (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  type            text CHECK (type IN ('vertical', 'directional', 'horizontal')),
  status          text CHECK (status IN ('producing', 'drilling', 'inactive', 'abandoned', 'plugged')),
  holder          text,
  block_id        text,
  spud_date       date,
  completion_date date,
  status_since    date,
  synthetic       boolean NOT NULL DEFAULT false,
  geom            geometry(Point, 4490) NOT NULL
);
CREATE INDEX wells_geom_gist ON wells USING gist (geom);
CREATE INDEX wells_block ON wells (block_id);

CREATE TABLE pipelines (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  type         text CHECK (type IN ('gathering', 'trunk')),
  pressure_mpa double precision,
  diameter_mm  double precision,
  status       text CHECK (status IN ('operating', 'construction', 'planned', 'abandoned')),
  holder       text,
  synthetic    boolean NOT NULL DEFAULT false,
  length_km    double precision,
  geom         geometry(MultiLineString, 4490) NOT NULL
);
CREATE INDEX pipelines_geom_gist ON pipelines USING gist (geom);

-- Base map context: province and city outlines (approximate, synthetic-labelled in demo data).
CREATE TABLE boundaries (
  id        text PRIMARY KEY,
  name      text NOT NULL,
  level     text NOT NULL CHECK (level IN ('province', 'city')),
  label_lon double precision,
  label_lat double precision,
  synthetic boolean NOT NULL DEFAULT false,
  geom      geometry(MultiPolygon, 4490) NOT NULL
);
CREATE INDEX boundaries_geom_gist ON boundaries USING gist (geom);
