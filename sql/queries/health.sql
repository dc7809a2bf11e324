-- health: the PostGIS version string (e.g. '3.3.2').
SELECT postgis_lib_version() AS postgis
