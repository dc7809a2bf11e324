-- conflicts_agreements: the part of each right's overlap with the input that agreements on file cover (issue 14 item 5).
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  the block the check is about (the party on the applicant's side)
-- $3 date  the check's date (as_of): an agreement counts from valid_from to valid_to inclusive
-- $4 timestamptz  the register as at this instant (blocks from their history, agreements recorded by then and not yet
--                 withdrawn), or NULL: as it stands
-- One row per other right that overlaps the input and shares an agreement with $2: the overlap measured exactly as
-- conflicts_blocks does (kq_intersection of the block and the input), the part of it inside the union of the agreements'
-- polygons (covered) and the rest (remaining), areas km² ellipsoidal, geometries GeoJSON 9 decimals, and the agreements.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_blocks_as_at($4::timestamptz)),
agr AS MATERIALIZED (
  SELECT a.*, CASE WHEN a.block_a = $2::text THEN a.block_b ELSE a.block_a END AS other_id
  FROM right_agreements a
  WHERE (a.block_a = $2::text OR a.block_b = $2::text)
    AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to >= $3::date)
    AND ($4::timestamptz IS NULL OR a.recorded_at <= $4::timestamptz)
    AND (a.withdrawn_at IS NULL OR ($4::timestamptz IS NOT NULL AND a.withdrawn_at > $4::timestamptz))
),
per_other AS MATERIALIZED (
  SELECT other_id, kq_union(ST_Collect(geom)) AS g,
         jsonb_agg(jsonb_build_object('id', id, 'kind', kind, 'document_no', document_no, 'signed_on', signed_on::text,
                                      'valid_from', valid_from::text, 'valid_to', valid_to::text, 'terms', to_jsonb(terms),
                                      'area_km2', area_km2) ORDER BY id) AS agreements
  FROM agr GROUP BY other_id
),
hit AS MATERIALIZED (
  SELECT p.other_id, p.g AS ag, p.agreements, ST_CollectionExtract(kq_intersection(b.geom, i.g), 3) AS o
  FROM per_other p JOIN v b ON b.id = p.other_id, input i
  WHERE b.geom && i.g AND ST_Intersects(b.geom, i.g)
),
split AS MATERIALIZED (
  SELECT other_id, agreements, ST_CollectionExtract(kq_intersection(o, ag), 3) AS covered, ST_CollectionExtract(kq_difference(o, ag), 3) AS remaining
  FROM hit WHERE NOT ST_IsEmpty(o)
)
SELECT other_id AS id, agreements,
       COALESCE(ST_Area(covered::geography) / 1e6, 0) AS covered_km2,
       COALESCE(ST_Area(remaining::geography) / 1e6, 0) AS remaining_km2,
       CASE WHEN ST_IsEmpty(covered) THEN NULL ELSE ST_AsGeoJSON(covered, 9, 0) END AS covered_geometry,
       CASE WHEN ST_IsEmpty(remaining) THEN NULL ELSE ST_AsGeoJSON(remaining, 9, 0) END AS remaining_geometry
FROM split
ORDER BY other_id
