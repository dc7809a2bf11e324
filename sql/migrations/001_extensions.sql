-- 001: PostGIS. Both engines (Debian PostGIS 3.3 and PGlite's PostGIS 3.6) accept this.
CREATE EXTENSION IF NOT EXISTS postgis;
