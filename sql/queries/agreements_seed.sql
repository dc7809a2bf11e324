-- agreements_seed: load demo agreements (data/demo/agreements.json) in one statement; every one is marked synthetic.
-- $1 jsonb  [{kind, parties: [a, b], clip?: GeoJSON polygon, document_no, signed_on, valid_from, valid_to, terms, note}]
-- The polygon covered is the parties' overlap (as loaded), cut by `clip` when given; recorded from the day it was signed.
WITH src AS (
  SELECT e, LEAST(e->'parties'->>0, e->'parties'->>1) AS a, GREATEST(e->'parties'->>0, e->'parties'->>1) AS b
  FROM jsonb_array_elements($1::jsonb) e
),
fit AS (
  SELECT s.e, s.a, s.b,
         ST_Multi(ST_CollectionExtract(CASE WHEN s.e ? 'clip'
           THEN kq_intersection(kq_intersection(ba.geom, bb.geom), ST_SetSRID(ST_GeomFromGeoJSON((s.e->'clip')::text), 4490))
           ELSE kq_intersection(ba.geom, bb.geom) END, 3)) AS g
  FROM src s JOIN blocks ba ON ba.id = s.a JOIN blocks bb ON bb.id = s.b
)
INSERT INTO right_agreements (kind, block_a, block_b, geom, area_km2, document_no, signed_on, valid_from, valid_to, terms, note,
                              synthetic, recorded_by, recorded_at)
SELECT e->>'kind', a, b, g, ST_Area(g::geography) / 1e6, e->>'document_no', (e->>'signed_on')::date, (e->>'valid_from')::date,
       (e->>'valid_to')::date, ARRAY(SELECT jsonb_array_elements_text(e->'terms')), e->>'note', true, 'demo',
       ((e->>'signed_on') || 'T00:00:00+08:00')::timestamptz
FROM fit WHERE NOT ST_IsEmpty(g)
