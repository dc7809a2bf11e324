-- commitments_insert: record one written commitment over a proposed red line (PA-5, 000 L6185); the geometry is the one
-- commitments_fit returned.
-- $1 block_id, $2 redline_id, $3 geometry GeoJSON (MultiPolygon, SRID 4490), $4 document_no, $5 signed_on, $6 valid_from,
-- $7 valid_to (NULL: open), $8 terms text[], $9 note, $10 synthetic, $11 recorded_by → the row's id.
INSERT INTO redline_commitments (block_id, redline_id, geom, area_km2, document_no, signed_on, valid_from, valid_to, terms, note,
                                 synthetic, recorded_by)
SELECT $1::text, $2::text, g, ST_Area(g::geography) / 1e6, $4::text, $5::date, $6::date, $7::date, $8::text[], $9::text,
       $10::boolean, $11::text
FROM (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4490)) AS g) s
RETURNING id
