-- national_data: a deterministic national-scale synthetic register for benchmarks (never for users).
-- Sizes come from session settings (set by bench/national-data.ts with set_config before this script):
--   kq_bench.blocks        rights (rectangles 1–10 km a side), default 50000
--   kq_bench.pas           protected-area polygons (jagged rings of 24–96 vertices, radius 1–8 km), default 20000
--   kq_bench.redlines      red lines, default 100
--   kq_bench.rl_vertices   vertices per red line (star-shaped jagged ring, 0.15–0.5° radius), default 10000
--   kq_bench.wells         wells (points), default 100000
--   kq_bench.pipelines     pipelines (10–30 vertex polylines), default 10000
-- Randomness is a hash of (row number, salt) — kq_bench_u — so the data do not depend on plan order.
-- Extent: lon 100–125, lat 25–45 (CGCS2000, SRID 4490). Every row is flagged synthetic. Rows are written
-- through the normal triggers (validity, ellipsoidal area, subdivided twins).

CREATE OR REPLACE FUNCTION kq_bench_u(i bigint, salt int) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ('x' || substr(md5(i::text || ':' || salt::text), 1, 12))::bit(48)::bigint / 281474976710656.0
$$;

-- jagged star-shaped ring around (cx, cy): r(θ) = R·(1 + Σ aₖ·sin(kθ + φ) + small noise), n vertices in angular order, so always simple
CREATE OR REPLACE FUNCTION kq_bench_ring(seed bigint, cx double precision, cy double precision, r double precision, n int)
RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_MakePolygon(ST_AddPoint(l, ST_StartPoint(l)))
  FROM (
    SELECT ST_MakeLine(ST_MakePoint(
             cx + r * (1 + 0.15 * sin(5 * t + 6.28 * kq_bench_u(seed, 7)) + 0.04 * sin(37 * t) + 0.01 * sin(211 * t) + 0.004 * (kq_bench_u(seed * 100003 + j, 8) - 0.5))
                    * cos(t) / cos(radians(cy)),
             cy + r * (1 + 0.15 * sin(5 * t + 6.28 * kq_bench_u(seed, 7)) + 0.04 * sin(37 * t) + 0.01 * sin(211 * t) + 0.004 * (kq_bench_u(seed * 100003 + j, 8) - 0.5)) * sin(t))
           ORDER BY j) AS l
    FROM (SELECT j, 2 * pi() * j / n AS t FROM generate_series(0, n - 1) j) s
  ) x
$$;

INSERT INTO blocks (id, licence_no, name, holder, kind, mineral, status, valid_from, valid_to, province_registered, synthetic, geom)
SELECT 'nb-' || lpad(i::text, 6, '0'), 'NB' || lpad(i::text, 10, '0'), '全国合成区块' || i,
       '合成矿业权人' || (1 + floor(kq_bench_u(i, 1) * 800))::int,
       CASE WHEN kq_bench_u(i, 2) < 0.55 THEN 'exploration' ELSE 'mining' END,
       (ARRAY['cbm','cbm','cbm','coal','coal','coal','coal','oil_gas','tight_gas','shale_gas','other','other'])[1 + floor(kq_bench_u(i, 3) * 12)::int],
       CASE WHEN kq_bench_u(i, 4) < 0.9 THEN 'valid' WHEN kq_bench_u(i, 4) < 0.95 THEN 'expired' ELSE 'extension_applied' END,
       DATE '2020-01-01' + floor(kq_bench_u(i, 5) * 1500)::int, DATE '2026-01-01' + floor(kq_bench_u(i, 5) * 1500)::int,
       kq_bench_u(i, 6) < 0.5, true,
       ST_Multi(ST_MakeEnvelope(x, y, x + w, y + h, 4490))
FROM (
  SELECT i, 100 + 25 * kq_bench_u(i, 10) AS x, 25 + 20 * kq_bench_u(i, 11) AS y,
         (0.01 + 0.09 * kq_bench_u(i, 12)) AS w, (0.01 + 0.09 * kq_bench_u(i, 13)) AS h
  FROM generate_series(1, current_setting('kq_bench.blocks')::int) i
) s;

INSERT INTO protected_areas (id, name, category, zone, level, source, synthetic, geom)
SELECT 'npa-' || lpad(i::text, 6, '0'), '全国合成保护地' || i, c,
       CASE WHEN c = 'nature_reserve' THEN (CASE WHEN kq_bench_u(i, 21) < 0.4 THEN 'core' ELSE 'general' END) END,
       'synthetic', 'bench/national-data.ts', true,
       ST_Multi(ST_SetSRID(kq_bench_ring(i, 100 + 25 * kq_bench_u(i, 22), 25 + 20 * kq_bench_u(i, 23), (1 + 7 * kq_bench_u(i, 24)) / 111.0,
                     24 + floor(kq_bench_u(i, 25) * 72)::int), 4490))
FROM (
  SELECT i, (ARRAY['nature_reserve','nature_reserve','scenic_area','geopark','forest_park','wetland_park','spring_protection',
                   'water_source','cultural_relic','high_grade_forest','no_mining_zone','other'])[1 + floor(kq_bench_u(i, 20) * 12)::int] AS c
  FROM generate_series(1, current_setting('kq_bench.pas')::int) i
) s;

INSERT INTO redlines (id, name, status, source, synthetic, geom)
SELECT 'nrl-' || lpad(i::text, 4, '0'), '全国合成生态保护红线' || i,
       CASE WHEN kq_bench_u(i, 30) < 0.3 THEN 'proposed' ELSE 'official' END, 'bench/national-data.ts', true,
       ST_Multi(ST_SetSRID(kq_bench_ring(1000000 + i, 101 + 23 * kq_bench_u(i, 31), 26 + 18 * kq_bench_u(i, 32), 0.15 + 0.35 * kq_bench_u(i, 33),
                     current_setting('kq_bench.rl_vertices')::int), 4490))
FROM generate_series(1, current_setting('kq_bench.redlines')::int) i;

INSERT INTO wells (id, name, type, status, holder, status_since, synthetic, geom)
SELECT 'nw-' || lpad(i::text, 7, '0'), 'NW-' || i,
       (ARRAY['vertical','directional','horizontal'])[1 + floor(kq_bench_u(i, 40) * 3)::int],
       (ARRAY['producing','producing','producing','producing','drilling','inactive','abandoned','plugged'])[1 + floor(kq_bench_u(i, 41) * 8)::int],
       '合成矿业权人' || (1 + floor(kq_bench_u(i, 42) * 800))::int,
       DATE '2012-01-01' + floor(kq_bench_u(i, 43) * 5000)::int, true,
       ST_SetSRID(ST_MakePoint(100 + 25 * kq_bench_u(i, 44), 25 + 20 * kq_bench_u(i, 45)), 4490)
FROM generate_series(1, current_setting('kq_bench.wells')::int) i;

INSERT INTO pipelines (id, name, type, status, holder, synthetic, geom)
SELECT 'npl-' || lpad(i::text, 6, '0'), '全国合成管线' || i, CASE WHEN kq_bench_u(i, 50) < 0.8 THEN 'gathering' ELSE 'trunk' END,
       'operating', '合成矿业权人' || (1 + floor(kq_bench_u(i, 51) * 800))::int, true,
       (SELECT ST_Multi(ST_SetSRID(ST_MakeLine(ST_MakePoint(
                 100 + 25 * kq_bench_u(i, 52) + 0.01 * j + 0.004 * (kq_bench_u(i * 1000 + j, 53) - 0.5),
                 25 + 20 * kq_bench_u(i, 54) + 0.006 * j * (kq_bench_u(i, 55) - 0.5) + 0.004 * (kq_bench_u(i * 1000 + j, 56) - 0.5))
               ORDER BY j), 4490))
        FROM generate_series(0, 9 + floor(kq_bench_u(i, 57) * 21)::int) j)
FROM generate_series(1, current_setting('kq_bench.pipelines')::int) i;
