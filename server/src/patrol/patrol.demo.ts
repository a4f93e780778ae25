// The demo city's patrol geography, sized as the report describes Almaty's (п.6): 102 patrol sectors
// with 2 020 routes — 478 by car, 1 487 on foot and 55 stationary posts. The counts are the report's;
// the shapes are synthetic (Voronoi cells of each district, routes drawn between random points in a
// sector) and marked so.
import { sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { queryRows, type Db } from '../platform/db/db.js';
import { districts } from '../platform/platform.tables.js';
import { patrolSectors } from './patrol.tables.js';

/** The report's figures (п.6). */
export const REPORT_SECTORS = 102;
export const REPORT_ROUTES = { car: 478, foot: 1487, stationary: 55 } as const;

/**
 * Splits `total` over weights so the parts are whole and add up exactly (largest remainders). Weights
 * that are all zero split it evenly; there must be at least one weight to give a positive total to.
 */
export function apportion(total: number, weights: number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`cannot apportion ${total}: give a whole number of at least 0`);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and at least 0');
  if (weights.length === 0 && total > 0) throw new RangeError(`cannot apportion ${total} over no weights`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

export async function loadPatrolDemo(db: Db, actor: AuditActor): Promise<{ sectors: number; routes: number }> {
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from patrol_sectors`);
  if ((existing?.n ?? 0) > 0) return { sectors: 0, routes: 0 };
  const districtRows = await queryRows<{ id: string; code: string; area: number }>(db, sql`select id, code, ST_Area(geom::geography) as area from ${districts} order by code`);
  if (districtRows.length === 0) return { sectors: 0, routes: 0 };
  const perDistrict = apportion(REPORT_SECTORS, districtRows.map((d) => Number(d.area)));
  return db.transaction(async (tx) => {
    let number = 0;
    for (const [di, d] of districtRows.entries()) {
      const count = perDistrict[di]!;
      if (count === 0) continue;
      const cells = await queryRows<{ geometry: string }>(
        tx,
        sql`with d as (select geom from ${districts} where id = ${d.id}),
             cells as (select (ST_Dump(ST_VoronoiPolygons(ST_GeneratePoints(d.geom, ${count}, ${500 + di}), 0, d.geom))).geom as cell from d)
           select ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_Intersection(cells.cell, d.geom), 3))) as geometry
           from cells, d where not ST_IsEmpty(ST_CollectionExtract(ST_Intersection(cells.cell, d.geom), 3))
           order by ST_Y(ST_PointOnSurface(cells.cell)) desc, ST_X(ST_PointOnSurface(cells.cell))`,
      );
      for (const c of cells) {
        number++;
        const code = `S-${String(number).padStart(3, '0')}`;
        await tx.insert(patrolSectors).values({
          id: code.toLowerCase(),
          code,
          districtId: d.id,
          name: { ru: `Сектор патрулирования ${code}`, kk: `${code} патрульдеу секторы`, en: `Patrol sector ${code}` },
          geom: sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${c.geometry}), 4326))` as unknown as string,
          synthetic: true,
        });
      }
    }
    // Routes per sector in proportion to its area, so the totals are exactly the report's.
    const sectors = await queryRows<{ id: string; code: string; area: number }>(tx, sql`select id, code, ST_Area(geom::geography) as area from patrol_sectors order by code`);
    const areas = sectors.map((s) => Number(s.area));
    const plan = {
      car: apportion(REPORT_ROUTES.car, areas),
      foot: apportion(REPORT_ROUTES.foot, areas),
      stationary: apportion(REPORT_ROUTES.stationary, areas),
    };
    let routes = 0;
    for (const [si, s] of sectors.entries()) {
      for (const kind of ['car', 'foot', 'stationary'] as const) {
        const n = plan[kind][si]!;
        if (n === 0) continue;
        // Car routes: a loop through 5 points of the sector; foot routes: a short line between 3 close
        // points; posts: a point.
        const vertices = kind === 'car' ? 5 : kind === 'foot' ? 3 : 1;
        await tx.execute(sql`
          insert into patrol_routes (id, code, sector_id, kind, geom, synthetic)
          select lower(${s.code}) || '-' || ${kind.slice(0, 1)} || lpad(r::text, 2, '0'), ${s.code} || '-' || upper(${kind.slice(0, 1)}) || lpad(r::text, 2, '0'), ${s.id}, ${kind},
            case when ${vertices} = 1 then ST_GeometryN(pts, 1)
                 else ST_MakeLine(array(select (ST_Dump(pts)).geom)) end,
            true
          from (select r, ST_GeneratePoints(
                  case when ${kind} = 'foot' then ST_Intersection(geom, ST_Buffer(ST_PointOnSurface(ST_GeneratePoints(geom, 1, ${si * 1000} + r))::geography, 700)::geometry) else geom end,
                  ${vertices}, ${si * 7919} + r * 31 + ${kind.length}) as pts
                from patrol_sectors, generate_series(1, ${n}) r where id = ${s.id}) x`);
        routes += n;
      }
    }
    await recordAudit(tx, actor, { action: 'create', entity: 'patrol_sectors', entityId: 'demo', before: null, after: { sectors: number, routes, synthetic: true, figuresFrom: 'п.6' } });
    return { sectors: number, routes };
  });
}
