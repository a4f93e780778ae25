-- PostGIS for geography columns; the same statement serves PostgreSQL and PGlite.
CREATE EXTENSION IF NOT EXISTS postgis;
