// "Which precinct is this point in", answered fast. PostGIS is the authority: the precinct outlines are
// read from it into an in-process R-tree (flatbush) with an exact point-in-polygon test (turf), and a
// point that lies strictly inside exactly one outline is answered from memory; every other point — on a
// boundary, in a gap, outside the city, or where the memory copy might be stale — is asked of PostGIS
// (`precinctAt`, whose tie rule on shared edges is the lower code). The answer body of each precinct (its
// summary and inspector cards) is built once per data version and kept until a reception point it shows
// opens, closes or a day ends.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { sql } from 'drizzle-orm';
import { createSwrCache } from '../platform/cache/swr-cache.js';
import { queryRows, type Db } from '../platform/db/db.js';
import type { MultiPolygon } from 'geojson';

interface Outline {
  id: string;
  geometry: MultiPolygon;
}

export interface LocatorSnapshot {
  /** The precinct strictly inside one outline, or undefined when PostGIS must decide. */
  find(lon: number, lat: number): string | undefined;
  /** Serialised answer parts per precinct, rebuilt when an opening state shown in them can change. */
  bodies: Map<string, { validUntil: number; json: string }>;
  /** Answers being built right now, so that concurrent first requests for a precinct share one build. */
  pending: Map<string, Promise<{ validUntil: number; json: string }>>;
  size: number;
}

async function loadSnapshot(db: Db): Promise<LocatorSnapshot> {
  const rows = await queryRows<{ id: string; geometry: string; xmin: number; ymin: number; xmax: number; ymax: number }>(
    db,
    sql`select id, ST_AsGeoJSON(geom, 15) as geometry, ST_XMin(geom) as xmin, ST_YMin(geom) as ymin, ST_XMax(geom) as xmax, ST_YMax(geom) as ymax
        from precincts order by code`,
  );
  const outlines: Outline[] = rows.map((r) => ({ id: r.id, geometry: JSON.parse(r.geometry) as MultiPolygon }));
  const index = new Flatbush(Math.max(1, rows.length));
  for (const r of rows) index.add(Number(r.xmin), Number(r.ymin), Number(r.xmax), Number(r.ymax));
  if (rows.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    size: rows.length,
    bodies: new Map(),
    pending: new Map(),
    find(lon, lat) {
      if (rows.length === 0) return undefined;
      let found: string | undefined;
      for (const i of index.search(lon, lat, lon, lat)) {
        const outline = outlines[i]!;
        if (booleanPointInPolygon([lon, lat], outline.geometry, { ignoreBoundary: true })) {
          if (found !== undefined) return undefined; // two outlines claim it: let PostGIS decide
          found = outline.id;
        }
      }
      return found;
    },
  };
}

/**
 * The fingerprint of what a locate answer shows: precinct outlines, inspectors, reception points and
 * the norms. Another process's write changes it, so a cache on PostgreSQL notices within its TTL.
 */
async function version(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select concat_ws('|',
          (select count(*) || ':' || coalesce(max(updated_at)::text, '') from precincts),
          (select count(*) || ':' || coalesce(max(updated_at)::text, '') from inspectors),
          (select count(*) || ':' || coalesce(max(updated_at)::text, '') from reception_points),
          (select coalesce(max(updated_at)::text, '') from app_settings)) as v`,
  );
  return row?.v ?? '';
}

export const locatorCache = createSwrCache(loadSnapshot, { ttlMs: 2000, version });
