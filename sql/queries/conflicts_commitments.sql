-- conflicts_commitments: the part of each proposed red line's overlap with the input that written commitments on file
-- of the checked block cover (PA-5, 000 L6185; issue 14 item 5).
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  the block the check is about (the right that committed)
-- $3 date  the check's date (as_of): a commitment counts from valid_from to valid_to inclusive
-- $4 timestamptz  the register as at this instant (red lines from their history, commitments recorded by then and not
--                 yet withdrawn), or NULL: as it stands
-- One row per red line that overlaps the input and that $2 has a commitment over: the overlap as conflicts_redlines
-- measures it (kq_overlay_as_at), the part of it inside the union of the commitments' polygons (covered, km²
-- ellipsoidal) and the rest (remaining), geometries GeoJSON 9 decimals, and the commitments. The overlay runs only when
-- the block has a commitment.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
cmt AS MATERIALIZED (
  SELECT c.* FROM redline_commitments c
  WHERE c.block_id = $2::text
    AND c.valid_from <= $3::date AND (c.valid_to IS NULL OR c.valid_to >= $3::date)
    AND ($4::timestamptz IS NULL OR c.recorded_at <= $4::timestamptz)
    AND (c.withdrawn_at IS NULL OR ($4::timestamptz IS NOT NULL AND c.withdrawn_at > $4::timestamptz))
),
per_redline AS MATERIALIZED (
  SELECT redline_id, kq_union(ST_Collect(geom)) AS g,
         jsonb_agg(jsonb_build_object('id', id, 'document_no', document_no, 'signed_on', signed_on::text,
                                      'valid_from', valid_from::text, 'valid_to', valid_to::text, 'terms', to_jsonb(terms),
                                      'area_km2', area_km2) ORDER BY id) AS commitments
  FROM cmt GROUP BY redline_id
),
hits AS MATERIALIZED (
  SELECT o.id, o.geom FROM input i, kq_overlay_as_at('redlines', i.g, $4::timestamptz) o
  WHERE EXISTS (SELECT 1 FROM per_redline) AND o.overlap_km2 > 1e-9
),
split AS MATERIALIZED (
  SELECT p.redline_id, p.commitments, ST_CollectionExtract(kq_intersection(o.geom, p.g), 3) AS covered,
         ST_CollectionExtract(kq_difference(o.geom, p.g), 3) AS remaining
  FROM per_redline p JOIN hits o ON o.id = p.redline_id
)
SELECT redline_id AS id, commitments,
       COALESCE(ST_Area(covered::geography) / 1e6, 0) AS covered_km2,
       CASE WHEN ST_IsEmpty(covered) THEN NULL ELSE ST_AsGeoJSON(covered, 9, 0) END AS covered_geometry,
       CASE WHEN ST_IsEmpty(remaining) THEN NULL ELSE ST_AsGeoJSON(remaining, 9, 0) END AS remaining_geometry
FROM split
ORDER BY redline_id
