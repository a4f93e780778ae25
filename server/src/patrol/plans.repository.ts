// Queries of deployment plans: the sectors with their routes and outlines, and the plans themselves. No
// rules here. The forecast and the incidents come from the crime module's exported reads.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { LocalizedText } from '../platform/db/columns.js';
import { queryRows, type DbOrTx } from '../platform/db/db.js';
import { deploymentPlans, patrolShifts } from './patrol.tables.js';

export interface SectorRow {
  id: string;
  code: string;
  districtId: string;
  districtName: LocalizedText;
  routes: { car: number; foot: number; stationary: number };
}

/** Every sector with its district and how many routes of each kind it has, by code. */
export async function sectorsWithRoutes(db: DbOrTx): Promise<SectorRow[]> {
  const rows = await queryRows<{ id: string; code: string; district_id: string; district_name: LocalizedText; car: number; foot: number; stationary: number }>(
    db,
    sql`select s.id, s.code, s.district_id, d.name as district_name,
          count(r.id) filter (where r.kind = 'car')::int as car, count(r.id) filter (where r.kind = 'foot')::int as foot,
          count(r.id) filter (where r.kind = 'stationary')::int as stationary
        from patrol_sectors s join districts d on d.id = s.district_id left join patrol_routes r on r.sector_id = s.id
        group by s.id, d.name order by s.code`,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, districtId: r.district_id, districtName: r.district_name, routes: { car: r.car, foot: r.foot, stationary: r.stationary } }));
}

/** The stationary posts (a point each) with their sector, by code. */
export async function stationaryPosts(db: DbOrTx): Promise<{ sectorId: string; code: string; lon: number; lat: number }[]> {
  const rows = await queryRows<{ sector_id: string; code: string; lon: number; lat: number }>(
    db,
    sql`select sector_id, code, ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat from patrol_routes where kind = 'stationary' order by code`,
  );
  return rows.map((r) => ({ sectorId: r.sector_id, code: r.code, lon: Number(r.lon), lat: Number(r.lat) }));
}

/** Sector outlines as GeoJSON geometry strings, simplified for drawing (about 10 m). */
export async function sectorGeometries(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; geometry: string }>(db, sql`select id, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.0001), 6) as geometry from patrol_sectors`);
  return new Map(rows.map((r) => [r.id, r.geometry]));
}

/** Sector outlines as exact GeoJSON geometry strings, for counting what lies inside them. */
export async function sectorOutlines(db: DbOrTx): Promise<{ id: string; geometry: string }[]> {
  return queryRows<{ id: string; geometry: string }>(db, sql`select id, ST_AsGeoJSON(geom, 15) as geometry from patrol_sectors order by id`);
}

export async function shiftByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(patrolShifts).where(eq(patrolShifts.code, code));
  return row ?? null;
}

/** The instant a local date and time is in the zone. */
export async function localInstant(db: DbOrTx, date: string, time: string, timeZone: string): Promise<Date> {
  const [row] = await queryRows<{ at: string | Date }>(db, sql`select ((${date}::date + ${time}::time) at time zone ${timeZone}) as at`);
  return new Date(row!.at);
}

/** The sector each point lies in (index into the arrays → sector id), in one PostGIS query. */
export async function sectorsOfPoints(db: DbOrTx, lons: number[], lats: number[]): Promise<Map<number, string>> {
  if (lons.length === 0) return new Map();
  const rows = await queryRows<{ i: number; sector_id: string }>(
    db,
    sql`select distinct on (u.i) (u.i - 1)::int as i, s.id as sector_id
        from unnest(${sql.param(lons)}::float8[], ${sql.param(lats)}::float8[]) with ordinality as u(lon, lat, i)
        join patrol_sectors s on ST_Intersects(s.geom, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326))
        order by u.i, s.code`,
  );
  return new Map(rows.map((r) => [Number(r.i), r.sector_id]));
}

export type PlanRow = typeof deploymentPlans.$inferSelect;

export async function insertPlan(db: DbOrTx, values: typeof deploymentPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(deploymentPlans).values(values).returning();
  return row!;
}

export async function updatePlan(db: DbOrTx, id: string, patch: Partial<typeof deploymentPlans.$inferInsert>): Promise<void> {
  await db.update(deploymentPlans).set(patch).where(eq(deploymentPlans.id, id));
}

export async function planById(db: DbOrTx, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(deploymentPlans).where(eq(deploymentPlans.id, id));
  return row ?? null;
}

export interface PlanListRow {
  id: string;
  shiftCode: string;
  date: string;
  status: string;
  forecastRunId: string | null;
  createdAt: Date;
  share: number | null;
  synthetic: boolean | null;
}

/** Recent plans without their (large) results: the optimised share and the synthetic mark are read from them. */
export async function listPlanRows(db: DbOrTx, filter: { date?: string | undefined; shift?: string | undefined }): Promise<PlanListRow[]> {
  const where = and(filter.date ? eq(deploymentPlans.date, filter.date) : undefined, filter.shift ? eq(deploymentPlans.shiftCode, filter.shift) : undefined);
  return db
    .select({
      id: deploymentPlans.id,
      shiftCode: deploymentPlans.shiftCode,
      date: deploymentPlans.date,
      status: deploymentPlans.status,
      forecastRunId: deploymentPlans.forecastRunId,
      createdAt: deploymentPlans.createdAt,
      share: sql<number | null>`(select (c->>'share')::float8 from jsonb_array_elements(${deploymentPlans.result}->'coverage') c where c->>'method' = 'optimised')`,
      synthetic: sql<boolean | null>`(${deploymentPlans.result}->>'synthetic')::boolean`,
    })
    .from(deploymentPlans)
    .where(where)
    .orderBy(desc(deploymentPlans.createdAt))
    .limit(100);
}
