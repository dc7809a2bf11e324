-- protected_areas_extent: spatial extent and count of the layer (lon/lat).
SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy, n
FROM (SELECT ST_Extent(geom)::geometry AS e, count(*)::int AS n FROM protected_areas) s
