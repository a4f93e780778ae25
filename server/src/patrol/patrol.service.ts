// Patrol planning data: sectors and their routes (п.6), and the shifts with their crews.
import { eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { queryRows, type Db, type DbOrTx } from '../platform/db/db.js';
import { invalid, notFound } from '../platform/errors.js';
import { patrolShifts } from './patrol.tables.js';

/** Sectors as GeoJSON, each with how many routes of each kind it has. */
export async function sectorsGeoJson(db: DbOrTx) {
  const rows = await queryRows<{ id: string; code: string; district_id: string; name: { ru: string; kk: string; en: string }; synthetic: boolean; geometry: string; car: number; foot: number; stationary: number }>(
    db,
    sql`select s.id, s.code, s.district_id, s.name, s.synthetic, ST_AsGeoJSON(ST_SimplifyPreserveTopology(s.geom, 0.0001), 6) as geometry,
          count(r.id) filter (where r.kind = 'car')::int as car, count(r.id) filter (where r.kind = 'foot')::int as foot, count(r.id) filter (where r.kind = 'stationary')::int as stationary
        from patrol_sectors s left join patrol_routes r on r.sector_id = s.id group by s.id order by s.code`,
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      properties: { id: r.id, code: r.code, districtId: r.district_id, name: r.name, synthetic: r.synthetic, routes: { car: r.car, foot: r.foot, stationary: r.stationary } },
      geometry: JSON.parse(r.geometry) as unknown,
    })),
  };
}

/** The routes as GeoJSON (all, or one sector's). */
export async function routesGeoJson(db: DbOrTx, sectorId?: string) {
  const rows = await queryRows<{ id: string; code: string; sector_id: string; kind: string; synthetic: boolean; geometry: string }>(
    db,
    sql`select id, code, sector_id, kind, synthetic, ST_AsGeoJSON(geom, 6) as geometry from patrol_routes ${sectorId ? sql`where sector_id = ${sectorId}` : sql``} order by code`,
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({ type: 'Feature' as const, properties: { id: r.id, code: r.code, sectorId: r.sector_id, kind: r.kind, synthetic: r.synthetic }, geometry: JSON.parse(r.geometry) as unknown })),
  };
}

export async function listShifts(db: DbOrTx) {
  const rows = await db.select().from(patrolShifts).orderBy(patrolShifts.sortOrder);
  return rows.map((r) => ({ code: r.code, name: r.name, starts: r.starts, ends: r.ends, carCrews: r.carCrews, footCrews: r.footCrews, riskWeight: r.riskWeight, minFootShare: r.minFootShare }));
}

/** Changes a shift's crews and weights (audited). */
export async function updateShift(db: Db, actor: AuditActor, code: string, patch: { carCrews: number; footCrews: number; riskWeight: number; minFootShare: number }) {
  if (patch.carCrews + patch.footCrews === 0) throw invalid('carCrews', 'a shift needs at least one crew');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(patrolShifts).where(eq(patrolShifts.code, code));
    if (!before) throw notFound(`shift '${code}'`);
    await tx.update(patrolShifts).set({ ...patch, updatedAt: new Date() }).where(eq(patrolShifts.code, code));
    await recordAudit(tx, actor, { action: 'update', entity: 'patrol_shift', entityId: code, before: { carCrews: before.carCrews, footCrews: before.footCrews, riskWeight: before.riskWeight, minFootShare: before.minFootShare }, after: patch });
  });
  return (await listShifts(db)).find((s) => s.code === code)!;
}
