-- agreements_insert: record one agreement (issue 14 item 5); the geometry is the one agreements_fit returned.
-- $1 kind, $2 block_a, $3 block_b (block_a < block_b), $4 geometry GeoJSON (MultiPolygon, SRID 4490), $5 document_no,
-- $6 signed_on, $7 valid_from, $8 valid_to (NULL: open), $9 terms text[], $10 note, $11 synthetic, $12 recorded_by
-- → the row's id.
INSERT INTO right_agreements (kind, block_a, block_b, geom, area_km2, document_no, signed_on, valid_from, valid_to, terms, note,
                              synthetic, recorded_by)
SELECT $1::text, $2::text, $3::text, g, ST_Area(g::geography) / 1e6, $5::text, $6::date, $7::date, $8::date, $9::text[], $10::text,
       $11::boolean, $12::text
FROM (SELECT ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4490)) AS g) s
RETURNING id
