/**
 * "Find my inspector": GET /api/v1/precincts/locate?lat=&lon= over 500 precinct polygons tiling the city,
 * asked for 200 different points in turn, against a bare Fastify route sending the same body (see
 * harness.ts for the method and the environment variables). Goal: ratio ≥ 0.5.
 *
 *   BENCH_DURATION=5 node --import tsx locate.bench.ts   (from bench/)
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/src/platform/db/db.js';
import { runBenchmark } from './harness.js';

const PRECINCTS = 500;
const POINTS = 200;
let paths: string[] = [];

await runBenchmark({
  name: 'locate',
  route: '/api/v1/precincts/locate',
  describeData: `${PRECINCTS} precinct polygons (Voronoi cells of the demo city), ${POINTS} points`,
  get paths() {
    return paths;
  },
  async prepare(db) {
    // Replace the demo's precincts with 500 cells over the whole city, each inside one district.
    await db.execute(sql`update inspectors set precinct_id = null`);
    await db.execute(sql`update appeals set precinct_id = null`);
    await db.execute(sql`delete from precincts`);
    // Each district gets cells in proportion to its area (the last takes the remainder), so there are
    // exactly 500 and they tile the city with no gaps or overlaps.
    const districts = await queryRows<{ id: string; share: number }>(db, sql`select id, ST_Area(geom) / sum(ST_Area(geom)) over () as share from districts order by code`);
    let left = PRECINCTS;
    for (const [i, d] of districts.entries()) {
      const count = i === districts.length - 1 ? left : Math.max(1, Math.round(PRECINCTS * Number(d.share)));
      left -= count;
      await db.execute(sql`
        insert into precincts (id, code, district_id, name, population, population_year, geom, synthetic)
        select ${d.id} || '-b' || n, ${String(i + 1).padStart(2, '0')} || '-B' || lpad(n::text, 3, '0'), ${d.id},
          jsonb_build_object('ru', 'Участок ' || n, 'kk', n || ' учаске', 'en', 'Precinct ' || n), 4400, 2024, geom, true
        from (
          select row_number() over (order by ST_Y(ST_PointOnSurface(c.geom)), ST_X(ST_PointOnSurface(c.geom))) as n,
            ST_Multi(ST_CollectionExtract(ST_Intersection(c.geom, x.geom), 3)) as geom
          from (select geom from districts where id = ${d.id}) x,
            lateral (select (ST_Dump(ST_VoronoiPolygons(ST_GeneratePoints(x.geom, ${count}, ${7 + i}), 0, x.geom))).geom) c
        ) cells where not ST_IsEmpty(geom)`);
    }
    await db.execute(sql`
      update inspectors i set precinct_id = p.id from (
        select id, row_number() over (order by code) as rn from precincts) p,
        (select id, row_number() over (order by personnel_number) as rn from inspectors) q
      where q.id = i.id and p.rn = q.rn`);
    const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from precincts`)) as [{ n: number }];
    const points = await queryRows<{ lon: number; lat: number }>(
      db,
      sql`select ST_X(p) as lon, ST_Y(p) as lat from (select (ST_Dump(ST_GeneratePoints(ST_Union(geom), ${POINTS}, 11))).geom as p from precincts) x`,
    );
    paths = points.map((p) => `/api/v1/precincts/locate?lat=${Number(p.lat).toFixed(6)}&lon=${Number(p.lon).toFixed(6)}`);
    process.stderr.write(`  prepared ${n} precincts and ${paths.length} points\n`);
  },
});
