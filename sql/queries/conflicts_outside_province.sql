-- conflicts_outside_province: the part of the input outside a province (boundaries, level 'province').
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  province name as stored (e.g. 山西省)
-- $3 timestamptz  the boundaries as they stood at this instant (boundaries_history, 012), or NULL: as they stand
-- One row when the province is in the boundaries layer: its id (several rows of the name are unioned,
-- the first id reported), outside_km2 (ellipsoidal, 0 when inside) and the outside part as GeoJSON
-- (9 decimals (0.1 mm), NULL when inside). No row when the layer holds no such province.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_boundaries_as_at($3::timestamptz)),
prov AS MATERIALIZED (
  SELECT min(id) AS id, min(name) AS name, kq_union(ST_Collect(geom)) AS geom
  FROM v WHERE level = 'province' AND name = $2::text HAVING count(*) > 0
),
-- the common case, an input inside the province, skips the overlay (ST_CoveredBy uses a prepared geometry); so does an
-- input wholly outside it (all of it is outside: an overlay of a 200,000-corner input with a far-away province ran
-- past the statement timeout, issue 12)
d AS MATERIALIZED (
  SELECT p.id, p.name,
         CASE WHEN ST_CoveredBy(i.g, p.geom) THEN ST_GeomFromText('POLYGON EMPTY', 4490)
              WHEN NOT ST_Intersects(i.g, p.geom) THEN i.g
              ELSE ST_CollectionExtract(kq_difference(i.g, p.geom), 3) END AS outside
  FROM prov p, input i
)
SELECT id, name,
       CASE WHEN ST_IsEmpty(outside) THEN 0 ELSE ST_Area(outside::geography) / 1e6 END AS outside_km2,
       CASE WHEN ST_IsEmpty(outside) THEN NULL ELSE ST_AsGeoJSON(outside, 9, 0) END AS geometry
FROM d
