import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx, type Tx } from '../db/db.js';
import type { LocalizedText } from '../db/columns.js';
import { districts } from '../platform.tables.js';

export interface DistrictInput {
  id: string;
  code: string;
  name: LocalizedText;
  approximate: boolean;
  /** Residents and the year of the count; demo figures are approximate. */
  population?: { count: number; year: number } | null;
  /** GeoJSON Polygon or MultiPolygon geometry in WGS 84. */
  geometry: object;
}

export async function upsertDistrict(tx: Tx, d: DistrictInput): Promise<void> {
  const geom = sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(d.geometry)}), 4326))`;
  const values = {
    code: d.code,
    name: d.name,
    approximate: d.approximate,
    population: d.population?.count ?? null,
    populationYear: d.population?.year ?? null,
    geom,
  };
  await tx.insert(districts).values({ id: d.id, ...values }).onConflictDoUpdate({ target: districts.id, set: values });
}

export function listDistricts(db: DbOrTx) {
  return db
    .select({
      id: districts.id,
      code: districts.code,
      name: districts.name,
      approximate: districts.approximate,
      population: districts.population,
      populationYear: districts.populationYear,
    })
    .from(districts)
    .orderBy(asc(districts.code));
}

/** Districts as a GeoJSON FeatureCollection, geometry simplified for the web map. */
export async function districtsGeoJson(db: Db) {
  const rows = await queryRows<{ id: string; code: string; name: LocalizedText; approximate: boolean; geometry: string }>(
    db,
    sql`select id, code, name, approximate, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.0005), 6) as geometry from ${districts} order by code`,
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: { id: r.id, code: r.code, name: r.name, approximate: r.approximate },
      geometry: JSON.parse(r.geometry) as object,
    })),
  };
}

/** Whether a district department with this id exists. */
export async function districtExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, id)).limit(1);
  return row !== undefined;
}

/** The district containing a point, or null (used to route appeals by place). */
export async function districtAt(db: Db, lon: number, lat: number): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from ${districts} where ST_Intersects(geom, ST_SetSRID(ST_Point(${lon}, ${lat}), 4326)) order by code limit 1`,
  );
  return rows[0]?.id ?? null;
}
