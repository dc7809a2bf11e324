-- conflicts_wells: wells inside the input that may be conflicts — wells of another holder, and wells
-- recorded inactive or abandoned — with the location facts DB14/T 2053 classes depend on.
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  applicant holder name, or NULL (then only inactive / abandoned wells are returned)
-- $3 timestamptz  the register as at this instant (wells, blocks, red lines and protected areas as they stood:
--                 current rows and <layer>_history, 012; the twins keep no history, so their full geometries are
--                 tested), or NULL: today's
-- One row per well: properties, status_since (date text), GeoJSON point (9 decimals (0.1 mm)), and
-- in_coal_right (inside a coal block that is not expired or cancelled: 煤矿区),
-- in_redline (inside a red line, via redlines_sub), in_water_source (inside a water-source protected
-- area, via protected_areas_sub) — the last two make it 生态敏感区 (DB14/T 2053 3.6).
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
vw AS NOT MATERIALIZED (SELECT * FROM kq_wells_as_at($3::timestamptz)),
vb AS NOT MATERIALIZED (SELECT * FROM kq_blocks_as_at($3::timestamptz)),
vr AS NOT MATERIALIZED (SELECT * FROM kq_redlines_as_at($3::timestamptz)),
vp AS NOT MATERIALIZED (SELECT * FROM kq_protected_areas_as_at($3::timestamptz))
SELECT w.id, w.name, w.type, w.status, w.holder, w.block_id, w.status_since::text AS status_since,
       ST_AsGeoJSON(w.geom, 9, 0) AS geometry,
       EXISTS (SELECT 1 FROM vb c WHERE c.geom && w.geom AND c.mineral = 'coal'
                 AND c.status NOT IN ('expired', 'cancelled') AND ST_Intersects(c.geom, w.geom)) AS in_coal_right,
       CASE WHEN $3::timestamptz IS NULL
            THEN EXISTS (SELECT 1 FROM redlines_sub r WHERE r.geom && w.geom AND ST_Intersects(r.geom, w.geom))
            ELSE EXISTS (SELECT 1 FROM vr r WHERE r.geom && w.geom AND ST_Intersects(r.geom, w.geom)) END AS in_redline,
       CASE WHEN $3::timestamptz IS NULL
            THEN EXISTS (SELECT 1 FROM protected_areas_sub s JOIN protected_areas p ON p.id = s.id
                         WHERE s.geom && w.geom AND p.category = 'water_source' AND ST_Intersects(s.geom, w.geom))
            ELSE EXISTS (SELECT 1 FROM vp p WHERE p.geom && w.geom AND p.category = 'water_source'
                         AND ST_Intersects(p.geom, w.geom)) END AS in_water_source
FROM input i JOIN vw w ON w.geom && i.g AND ST_Intersects(i.g, w.geom)
WHERE w.status IN ('inactive', 'abandoned')
   OR ($2::text IS NOT NULL AND w.holder IS NOT NULL AND w.holder <> $2::text)
ORDER BY w.id
