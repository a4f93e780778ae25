import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db.js';
import { problemOf, useTestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

const t = useTestApp();
let analyst: string;
let dispatcher: string;
let inspector: string;
beforeAll(async () => {
  analyst = await t.login('analyst');
  dispatcher = await t.login('dispatcher');
  inspector = await t.login('inspector');
});

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

interface SectorFeature {
  properties: { id: string; code: string; districtId: string; name: { ru: string; kk: string; en: string }; synthetic: boolean; routes: { car: number; foot: number; stationary: number } };
  geometry: { type: string; coordinates: unknown };
}
interface RouteFeature {
  properties: { id: string; code: string; sectorId: string; kind: 'car' | 'foot' | 'stationary'; synthetic: boolean };
  geometry: { type: string; coordinates: unknown };
}

describe(`patrol on ${testDriver}: the demo geography in the report's numbers (п.6)`, () => {
  it('has 102 sectors with 478 car routes, 1 487 foot routes and 55 stationary posts, all marked synthetic', async () => {
    const res = await get('/api/v1/patrol/sectors.geojson', analyst);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const sectors = (res.json() as { type: string; features: SectorFeature[] }).features;
    expect(sectors).toHaveLength(102);
    const sum = (kind: 'car' | 'foot' | 'stationary') => sectors.reduce((a, s) => a + s.properties.routes[kind], 0);
    expect({ car: sum('car'), foot: sum('foot'), stationary: sum('stationary') }).toEqual({ car: 478, foot: 1_487, stationary: 55 });
    expect(new Set(sectors.map((s) => s.properties.code)).size).toBe(102);
    for (const s of sectors) {
      expect(s.properties.synthetic).toBe(true);
      expect(s.properties.code).toMatch(/^S-\d{3}$/);
      expect(s.properties.name.ru).toContain(s.properties.code);
      expect(['Polygon', 'MultiPolygon']).toContain(s.geometry.type);
    }
    const districts = await rows<{ id: string }>(sql`select id from districts`);
    expect(new Set(sectors.map((s) => s.properties.districtId))).toEqual(new Set(districts.map((d) => d.id)));
  });

  it('draws car and foot routes as lines and posts as points, each in its sector', async () => {
    const res = await get('/api/v1/patrol/routes.geojson', dispatcher);
    expect(res.statusCode).toBe(200);
    const routes = (res.json() as { features: RouteFeature[] }).features;
    expect(routes).toHaveLength(2_020);
    const byKind = (kind: RouteFeature['properties']['kind']) => routes.filter((r) => r.properties.kind === kind);
    expect(byKind('car')).toHaveLength(478);
    expect(byKind('foot')).toHaveLength(1_487);
    expect(byKind('stationary')).toHaveLength(55);
    for (const r of byKind('car')) expect(r.geometry.type).toBe('LineString');
    for (const r of byKind('foot')) expect(r.geometry.type).toBe('LineString');
    for (const r of byKind('stationary')) expect(r.geometry.type).toBe('Point');
    expect(new Set(routes.map((r) => r.properties.code)).size).toBe(2_020);
    expect(routes.every((r) => r.properties.synthetic)).toBe(true);
    // posts and the ends of foot routes lie in their own sector (car loops may cut across a concave edge)
    const [outside] = await rows<{ n: number }>(sql`
      select count(*)::int as n from patrol_routes r join patrol_sectors s on s.id = r.sector_id
      where r.kind in ('stationary', 'foot') and not ST_Covers(ST_Buffer(s.geom::geography, 1)::geometry, ST_StartPoint(case when r.kind = 'stationary' then ST_MakeLine(r.geom, r.geom) else r.geom end))`);
    expect(outside!.n).toBe(0);

    const oneSector = routes[0]!.properties.sectorId;
    const filtered = (await get(`/api/v1/patrol/routes.geojson?sector=${oneSector}`, analyst)).json() as { features: RouteFeature[] };
    expect(filtered.features.length).toBe(routes.filter((r) => r.properties.sectorId === oneSector).length);
    expect(filtered.features.every((r) => r.properties.sectorId === oneSector)).toBe(true);
  });

  it('divides each district into sectors that cover it without overlapping', async () => {
    const [areas] = await rows<{ sectors: number; districts: number; union: number }>(sql`
      select (select sum(ST_Area(geom::geography)) from patrol_sectors) as sectors,
             (select sum(ST_Area(geom::geography)) from districts) as districts,
             (select ST_Area(ST_Union(geom)::geography) from patrol_sectors) as "union"`);
    const [sectors, districts, union] = [Number(areas!.sectors), Number(areas!.districts), Number(areas!.union)];
    expect(Math.abs(sectors - districts) / districts).toBeLessThan(0.001);
    expect(Math.abs(sectors - union) / union).toBeLessThan(0.001);
    const [misplaced] = await rows<{ n: number }>(sql`
      select count(*)::int as n from patrol_sectors s join districts d on d.id = s.district_id
      where ST_Area(ST_Difference(s.geom, d.geom)::geography) > 1`);
    expect(misplaced!.n).toBe(0);
  });
});

describe(`patrol on ${testDriver}: shifts`, () => {
  it("lists the day and night shifts with the report's crews", async () => {
    const res = await get('/api/v1/patrol/shifts', dispatcher);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ code: 'day', starts: '08:00', ends: '20:00', carCrews: 150, footCrews: 120 }),
      expect.objectContaining({ code: 'night', starts: '20:00', ends: '08:00', carCrews: 150, footCrews: 130 }),
    ]);
  });

  it("changes a shift's crews, audited, and refuses a shift without crews or an unknown one", async () => {
    const patch = { carCrews: 140, footCrews: 135, riskWeight: 1.2, minFootShare: 0.45 };
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/patrol/shifts/day', headers: { cookie: analyst }, payload: patch });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'day', ...patch });
    const audit = await rows<{ before: unknown; after: unknown; actor_role: string }>(sql`select before, after, actor_role from audit_log where entity = 'patrol_shift' and entity_id = 'day'`);
    expect(audit).toEqual([{ before: { carCrews: 150, footCrews: 120, riskWeight: 1, minFootShare: 0.4 }, after: patch, actor_role: 'analyst' }]);

    const none = await t.app.inject({ method: 'PUT', url: '/api/v1/patrol/shifts/day', headers: { cookie: analyst }, payload: { ...patch, carCrews: 0, footCrews: 0 } });
    expect(none.statusCode).toBe(400);
    expect(problemOf(none).field).toBe('carCrews');
    const share = await t.app.inject({ method: 'PUT', url: '/api/v1/patrol/shifts/day', headers: { cookie: analyst }, payload: { ...patch, minFootShare: 1.5 } });
    expect(share.statusCode).toBe(400);
    expect(problemOf(share).field).toBe('body.minFootShare');
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/patrol/shifts/evening', headers: { cookie: analyst }, payload: patch });
    expect(unknown.statusCode).toBe(404);
    expect(await rows(sql`select 1 from audit_log where entity = 'patrol_shift'`)).toHaveLength(1);
  });

  it('answers 401 without a session and 403 to an inspector; a dispatcher reads but does not change shifts', async () => {
    for (const url of ['/api/v1/patrol/sectors.geojson', '/api/v1/patrol/routes.geojson', '/api/v1/patrol/shifts']) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, inspector)).statusCode, url).toBe(403);
    }
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/patrol/shifts/night', headers: { cookie: dispatcher }, payload: { carCrews: 1, footCrews: 1, riskWeight: 1, minFootShare: 0 } });
    expect(put.statusCode).toBe(403);
  });
});
