import { sql } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { problemOf, useTestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';
import type { Workload } from '../precincts.domain.js';
import type { PrecinctSummary, WorkloadReport } from '../precincts.schema.js';

const t = useTestApp();

// ---- Small helpers -----------------------------------------------------------------------------

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const countOf = async (table: 'precincts' | 'inspectors' | 'audit_log' | 'address_register') =>
  Number((await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const auditCount = async (entity?: string) =>
  Number((await rows<{ n: number }>(entity ? sql`select count(*)::int as n from audit_log where entity = ${entity}` : sql`select count(*)::int as n from audit_log`))[0]!.n);

/** A multipart body with one file in the field `file`, as a browser sends it. */
function multipart(filename: string, content: Buffer | string, cookie: string, contentType = 'application/octet-stream') {
  const boundary = `----openbeat${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (url: string, filename: string, content: Buffer | string, cookie: string, method: 'POST' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, ...multipart(filename, content, cookie) });

const locate = (lat: number | string, lon: number | string) => t.app.inject({ method: 'GET', url: `/api/v1/precincts/locate?lat=${lat}&lon=${lon}` });

interface LocateAnswer {
  point: { lon: number; lat: number };
  precinct: { id: string; code: string; district: { id: string }; workload: { inspectors: number } };
  inspectors: { id: string; name: { ru: string }; phone: string; precinct: { id: string } | null }[];
}

/** A point well inside a precinct (PostGIS's point on surface), with its id and code. */
async function pointInside(where = sql`true`): Promise<{ id: string; code: string; lon: number; lat: number }> {
  const [row] = await rows<{ id: string; code: string; lon: number; lat: number }>(
    sql`select p.id, p.code, ST_X(ST_PointOnSurface(p.geom)) as lon, ST_Y(ST_PointOnSurface(p.geom)) as lat from precincts p where ${where} order by p.code limit 1`,
  );
  if (!row) throw new Error('no precinct matches');
  return { ...row, lon: Number(row.lon), lat: Number(row.lat) };
}

// ---- Locate --------------------------------------------------------------------------------------

describe(`precincts on ${testDriver}: which precinct contains a point`, () => {
  it('answers the precinct that contains a point with its active inspectors', async () => {
    const p = await pointInside(sql`exists (select 1 from inspectors i where i.precinct_id = p.id and i.active)`);
    const res = await locate(p.lat, p.lon);
    expect(res.statusCode).toBe(200);
    const body = res.json() as LocateAnswer;
    expect(body.precinct).toMatchObject({ id: p.id, code: p.code });
    const expected = await rows<{ id: string }>(sql`select id from inspectors where precinct_id = ${p.id} and active`);
    expect(body.inspectors.map((i) => i.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(body.inspectors.length).toBeGreaterThan(0);
    expect(body.precinct.workload.inspectors).toBe(expected.length);
    for (const card of body.inspectors) {
      expect(card.precinct?.id).toBe(p.id);
      expect(card.phone).toMatch(/^\+7\d{10}$/);
      expect(card.name.ru.length).toBeGreaterThan(3);
    }
  });

  it('gives a point exactly on an edge shared by two precincts to the lower code, every time', async () => {
    // The midpoint of a shared edge is on both boundaries only when floating point allows; keep those.
    const [edge] = await rows<{ a: string; b: string; lon: number; lat: number; n: number }>(
      sql`with pairs as (select a.code as a, b.code as b, a.geom as ag, b.geom as bg from precincts a join precincts b on a.code < b.code and a.geom && b.geom and ST_Intersects(a.geom, b.geom)),
               lines as (select a, b, ag, bg, (ST_Dump(ST_Intersection(ag, bg))).geom as l from pairs),
               pts as (select a, b, ag, bg, ST_LineInterpolatePoint(l, 0.5) as p from lines where GeometryType(l) = 'LINESTRING')
          select a, b, ST_X(p) as lon, ST_Y(p) as lat, (select count(*)::int from precincts q where ST_Intersects(q.geom, pts.p)) as n
          from pts where ST_Intersects(ag, p) and ST_Intersects(bg, p) order by a, b limit 20`,
    );
    expect(edge, 'no point found exactly on a shared edge').toBeDefined();
    expect(Number(edge!.n)).toBe(2);
    const answers = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await locate(edge!.lat, edge!.lon);
      expect(res.statusCode).toBe(200);
      answers.add((res.json() as LocateAnswer).precinct.code);
    }
    expect(edge!.a < edge!.b).toBe(true);
    expect([...answers]).toEqual([edge!.a]);
  });

  it('gives a vertex shared by three precincts to the lowest of the three codes', async () => {
    const [vertex] = await rows<{ lon: number; lat: number; codes: string[] }>(
      sql`with v as (select distinct (ST_DumpPoints(geom)).geom as p from precincts where district_id = 'almaly')
          select ST_X(v.p) as lon, ST_Y(v.p) as lat, array_agg(pr.code order by pr.code) as codes
          from v join precincts pr on ST_Intersects(pr.geom, v.p) group by v.p having count(*) = 3 order by 1, 2 limit 1`,
    );
    expect(vertex, 'no vertex shared by three precincts').toBeDefined();
    const codes = vertex!.codes;
    expect(codes).toHaveLength(3);
    const res = await locate(vertex!.lat, vertex!.lon);
    expect(res.statusCode).toBe(200);
    expect((res.json() as LocateAnswer).precinct.code).toBe([...codes].sort()[0]);
  });

  it('answers 422 outside-city for a point outside every precinct, naming the field', async () => {
    const res = await locate(42.5, 75.0);
    expect(res.statusCode).toBe(422);
    const p = problemOf(res);
    expect(p.type).toMatch(/\/outside-city$/);
    expect(p.field).toBe('lat');
    expect(p.detail).toMatch(/outside/);
  });

  it('answers 422 for swapped coordinates (lat=76.9, lon=43.25): in range, but not in the city', async () => {
    const res = await locate(76.9, 43.25);
    expect(res.statusCode).toBe(422);
    expect(problemOf(res).type).toMatch(/\/outside-city$/);
  });

  it('answers 400 naming the field for coordinates out of range or not numbers', async () => {
    const cases: [string | number, string | number, string][] = [
      [91, 76.9, 'querystring.lat'],
      [-90.5, 76.9, 'querystring.lat'],
      [43.25, 181, 'querystring.lon'],
      [43.25, -180.01, 'querystring.lon'],
      ['abc', 76.9, 'querystring.lat'],
      [43.25, 'east', 'querystring.lon'],
    ];
    for (const [lat, lon, field] of cases) {
      const res = await locate(lat, lon);
      expect(res.statusCode, `${lat},${lon}`).toBe(400);
      expect(problemOf(res).field, `${lat},${lon}`).toBe(field);
    }
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/precincts/locate?lat=43.25' });
    expect(missing.statusCode).toBe(400);
    expect(problemOf(missing).field).toBe('querystring.lon');
  });
});

// ---- The demo generator's promise ---------------------------------------------------------------

describe(`precincts on ${testDriver}: the demo precincts tile the districts`, () => {
  // Inside their district, without overlaps, and with areas that add up to the district's: then the
  // gaps are under 0.1 % too. (ST_Union over a district answers no rows on PGlite, so it is not used.)
  it('covers every district with its precincts: areas add up within 0.1 %, nothing outside', async () => {
    const perDistrict = await rows<{ id: string; district_area: number; precinct_area: number; n: number }>(
      sql`select d.id, ST_Area(d.geom::geography) as district_area,
            (select sum(ST_Area(p.geom::geography)) from precincts p where p.district_id = d.id) as precinct_area,
            (select count(*)::int from precincts p where p.district_id = d.id) as n
          from districts d order by d.id`,
    );
    expect(perDistrict).toHaveLength(8);
    for (const d of perDistrict) {
      expect(Number(d.n), d.id).toBeGreaterThan(0);
      const districtArea = Number(d.district_area);
      expect(Math.abs(Number(d.precinct_area) - districtArea) / districtArea, d.id).toBeLessThan(0.001);
    }
    expect(perDistrict.reduce((s, d) => s + Number(d.n), 0)).toBe(288);
    const [outside] = await rows<{ n: number }>(
      sql`select count(*)::int as n from precincts p join districts d on d.id = p.district_id where not ST_CoveredBy(p.geom, ST_Buffer(d.geom, 0.000001))`,
    );
    expect(Number(outside!.n)).toBe(0);
  });

  it('has no two precincts whose interiors overlap', async () => {
    const [overlaps] = await rows<{ n: number; area: number }>(
      sql`select count(*)::int as n, coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0) as area
          from precincts a join precincts b on a.id < b.id and a.geom && b.geom and ST_Relate(a.geom, b.geom, '2********')`,
    );
    expect(Number(overlaps!.n)).toBe(0);
    expect(Number(overlaps!.area)).toBe(0);
  });
});

// ---- Workload (п.9) ----------------------------------------------------------------------------

async function workloadReport(): Promise<WorkloadReport> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/precincts/workload' });
  expect(res.statusCode).toBe(200);
  return res.json() as WorkloadReport;
}
async function precinctList(): Promise<PrecinctSummary[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/precincts' });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: PrecinctSummary[] }).items;
}

function expectGaps(w: Workload, norms: { norm: number; target: number }) {
  const pop = w.population ?? 0;
  expect(w.neededForNorm).toBe(Math.ceil(pop / norms.norm));
  expect(w.neededForTarget).toBe(Math.ceil(pop / norms.target));
  expect(w.gapToNorm).toBe(Math.max(0, Math.ceil(pop / norms.norm) - w.inspectors));
  expect(w.gapToTarget).toBe(Math.max(0, Math.ceil(pop / norms.target) - w.inspectors));
}

describe(`precincts on ${testDriver}: workload against the norms`, () => {
  it('adds the precincts up to the districts and the city, with gaps of ceil(population / norm) − inspectors', async () => {
    const report = await workloadReport();
    const precincts = await precinctList();
    expect(report.norms).toEqual({ norm: 2300, target: 1500 });
    const sum = (list: PrecinctSummary[]) => ({ population: list.reduce((s, p) => s + (p.population ?? 0), 0), inspectors: list.reduce((s, p) => s + p.workload.inspectors, 0) });
    const city = sum(precincts);
    expect(report.city.population).toBe(city.population);
    expect(report.city.inspectors).toBe(city.inspectors);
    const [active] = await rows<{ n: number }>(sql`select count(*)::int as n from inspectors where active and precinct_id is not null`);
    expect(report.city.inspectors).toBe(Number(active!.n));
    expect(report.city.population).toBeGreaterThan(2_000_000);
    expectGaps(report.city, report.norms);
    expect(report.city.perInspector).toBe(Math.round(city.population / city.inspectors));
    for (const d of report.districts) {
      const mine = precincts.filter((p) => p.district.id === d.district.id);
      expect(d.precincts).toBe(mine.length);
      expect(d.workload.population).toBe(sum(mine).population);
      expect(d.workload.inspectors).toBe(sum(mine).inspectors);
      expectGaps(d.workload, report.norms);
    }
    expect(report.districts.reduce((s, d) => s + (d.workload.population ?? 0), 0)).toBe(report.city.population);
    for (const p of precincts) expectGaps(p.workload, report.norms);
  });

  it('lets an admin change the norms (one audit entry) and the report follows', async () => {
    const before = await auditCount();
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/precincts/workload/norms', headers: { cookie: t.admin }, payload: { norm: 2000, target: 1200 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ norm: 2000, target: 1200 });
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await rows<{ entity: string; before: unknown; after: unknown }>(sql`select entity, before, after from audit_log order by seq desc limit 1`);
    expect(entry).toMatchObject({ entity: 'workload_norms', before: { norm: 2300, target: 1500 }, after: { norm: 2000, target: 1200 } });
    const report = await workloadReport();
    expect(report.norms).toEqual({ norm: 2000, target: 1200 });
    expectGaps(report.city, report.norms);
    expect(report.city.neededForNorm).toBe(Math.ceil(report.city.population! / 2000));
    for (const p of await precinctList()) expectGaps(p.workload, report.norms);
  });

  it('refuses a target looser than the norm (400) and non-admins (403), changing nothing', async () => {
    const before = await auditCount();
    const loose = await t.app.inject({ method: 'PUT', url: '/api/v1/precincts/workload/norms', headers: { cookie: t.admin }, payload: { norm: 1500, target: 2300 } });
    expect(loose.statusCode).toBe(400);
    expect(problemOf(loose).field).toBe('target');
    const asEditor = await t.app.inject({ method: 'PUT', url: '/api/v1/precincts/workload/norms', headers: { cookie: t.editor }, payload: { norm: 2300, target: 1500 } });
    expect(asEditor.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/precincts/workload/norms', payload: { norm: 2300, target: 1500 } });
    expect(anonymous.statusCode).toBe(401);
    expect(await auditCount()).toBe(before);
    expect((await workloadReport()).norms).toEqual({ norm: 2000, target: 1200 });
    // Back to the order's norm for the tests that follow.
    const reset = await t.app.inject({ method: 'PUT', url: '/api/v1/precincts/workload/norms', headers: { cookie: t.admin }, payload: { norm: 2300, target: 1500 } });
    expect(reset.statusCode).toBe(200);
  });
});

// ---- Address search --------------------------------------------------------------------------------

interface AddressMatch {
  street: string;
  house: string;
  lon: number;
  lat: number;
  exact: boolean;
  precinct: { id: string; code: string } | null;
}

async function searchAddress(q: string): Promise<AddressMatch[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/addresses/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, q).toBe(200);
  return (res.json() as { items: AddressMatch[] }).items;
}

/** A register row and the precinct its point falls in (the lower code on an edge), read from the database. */
async function registerRow(street: string, house: string) {
  const [row] = await rows<{ street: string; house: string; precinct_id: string }>(
    sql`select a.street, a.house, (select p.id from precincts p where ST_Intersects(p.geom, a.location) order by p.code limit 1) as precinct_id
        from address_register a where a.street = ${street} and a.house = ${house}`,
  );
  if (!row) throw new Error(`the demo register has no ${street} ${house}`);
  return row;
}

describe(`precincts on ${testDriver}: find my inspector by address`, () => {
  it('finds a register row by Russian, Kazakh and Latin spellings, with its precinct', async () => {
    const abaya = await registerRow('ул. Абая', '10');
    const dostyk = await registerRow('пр. Достык', '5');
    const cases: [string, typeof abaya][] = [
      ['ул. Абая 10', abaya],
      ['Абая көшесі 10', abaya],
      ['Abaya 10', abaya],
      ['улица Абая, д. 10', abaya],
      ['пр Достык 5', dostyk],
      ['Достық даңғылы 5', dostyk],
    ];
    for (const [q, row] of cases) {
      const [first] = await searchAddress(q);
      expect(first, q).toBeDefined();
      expect({ street: first!.street, house: first!.house, exact: first!.exact }, q).toEqual({ street: row.street, house: row.house, exact: true });
      expect(first!.precinct?.id, q).toBe(row.precinct_id);
    }
  });

  it('answers 400 for a query of one character, naming q', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/addresses/search?q=${encodeURIComponent('А')}` });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).field).toBe('querystring.q');
  });
});

// ---- Imports ---------------------------------------------------------------------------------------

interface PreviewRow {
  line: number;
  key: string | null;
  ok: boolean;
  field: string | null;
  reason: string | null;
  change: string | null;
}
interface Preview {
  rows: PreviewRow[];
  okCount: number;
  badCount: number;
}

const square = (lon: number, lat: number, half = 0.001) => [
  [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ],
];

const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });

describe(`precincts on ${testDriver}: importing precinct polygons (GeoJSON)`, () => {
  it('marks every bad feature in the preview and refuses the whole file on confirm, storing nothing', async () => {
    const inside = await pointInside(sql`p.district_id = 'almaly'`);
    // The good feature redraws an existing precinct with its own outline (a new one would overlap others).
    const [own] = await rows<{ id: string; code: string; geometry: string }>(sql`select id, code, ST_AsGeoJSON(geom) as geometry from precincts where district_id = 'almaly' order by code offset 3 limit 1`);
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ id: own!.id, code: own!.code, district: 'almaly', name_ru: 'Хороший участок' }, JSON.parse(own!.geometry).coordinates, 'MultiPolygon'),
        // A bow-tie: the ring crosses itself.
        feature({ id: 'almaly-902', code: '02-902', district: 'almaly', name_ru: 'Бантик' }, [
          [
            [inside.lon - 0.002, inside.lat - 0.002],
            [inside.lon + 0.002, inside.lat + 0.002],
            [inside.lon + 0.002, inside.lat - 0.002],
            [inside.lon - 0.002, inside.lat + 0.002],
            [inside.lon - 0.002, inside.lat - 0.002],
          ],
        ]),
        feature({ id: 'almaly-903', code: '02-903', district: 'almaly', name_ru: 'За городом' }, square(70.0, 40.0)),
        feature({ id: 'nowhere-001', code: '99-001', district: 'no-such-district', name_ru: 'Нет района' }, square(inside.lon, inside.lat)),
        feature({ id: own!.id, code: '02-904', district: 'almaly', name_ru: 'Дубликат' }, square(inside.lon, inside.lat)),
      ],
    });
    const preview = await upload('/api/v1/precincts/import/preview', 'precincts.geojson', file, t.editor);
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as Preview;
    const byLine = new Map(body.rows.map((r) => [r.line, r]));
    expect(byLine.get(1)).toMatchObject({ ok: true, change: 'update', key: own!.id });
    expect(byLine.get(2)).toMatchObject({ ok: false, field: 'geometry' });
    expect(byLine.get(2)!.reason).toMatch(/not valid/i);
    expect(byLine.get(3)).toMatchObject({ ok: false, field: 'geometry' });
    expect(byLine.get(3)!.reason).toMatch(/outside/i);
    expect(byLine.get(4)).toMatchObject({ ok: false, field: 'district' });
    expect(byLine.get(5)).toMatchObject({ ok: false, field: 'id' });
    expect(byLine.get(5)!.reason).toMatch(/twice/);
    expect({ ok: body.okCount, bad: body.badCount }).toEqual({ ok: 1, bad: 4 });

    const [precinctsBefore, auditBefore] = [await countOf('precincts'), await auditCount()];
    const confirm = await upload('/api/v1/precincts/import/confirm', 'precincts.geojson', file, t.editor);
    expect(confirm.statusCode).toBe(422);
    expect(problemOf(confirm).field).toBe('file');
    expect(await countOf('precincts')).toBe(precinctsBefore);
    expect(await auditCount()).toBe(auditBefore);
    const [stored] = await rows<{ n: number }>(sql`select count(*)::int as n from precincts where id like 'almaly-90%'`);
    expect(Number(stored!.n)).toBe(0);
  });

  it('refuses a file that is not GeoJSON, and a district editor, with a 4xx', async () => {
    const notJson = await upload('/api/v1/precincts/import/preview', 'precincts.geojson', 'not json at all', t.editor);
    expect(notJson.statusCode).toBe(422);
    expect(problemOf(notJson).field).toBe('file');
    const districtEditor = await t.login('editor', { kind: 'district', districtId: 'almaly' });
    const refused = await upload('/api/v1/precincts/import/preview', 'precincts.geojson', '{}', districtEditor);
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a new precinct drawn over existing ones, naming the precinct it overlaps', async () => {
    const inside = await pointInside(sql`p.district_id = 'almaly'`);
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ id: 'almaly-901', code: '00-901', district: 'almaly', name_ru: 'Наложенный участок (тест)' }, square(inside.lon, inside.lat))],
    });
    const res = await upload('/api/v1/precincts/import/preview', 'overlap.geojson', file, t.editor);
    expect(res.statusCode).toBe(200);
    const row = (res.json() as { rows: { ok: boolean; field: string; reason: string }[] }).rows[0]!;
    expect(row).toMatchObject({ ok: false, field: 'geometry' });
    expect(row.reason).toMatch(/overlaps precinct almaly-/);
  });

  it('confirms a file that splits a precinct in two, audited, and locate then finds the new one', async () => {
    // The real-world change: an existing precinct gives up its eastern half to a new one.
    const [halves] = await rows<{ id: string; code: string; west: string; east: string; lon: number; lat: number }>(sql`
      with x as (select id, code, geom, ST_X(ST_Centroid(geom)) as cx from precincts where district_id = 'almaly' order by code limit 1),
           parts as (select x.id, x.code, (ST_Dump(ST_Split(x.geom, ST_SetSRID(ST_MakeLine(ST_MakePoint(x.cx, -90), ST_MakePoint(x.cx, 90)), 4326)))).geom as g, x.cx from x)
      select id, code,
        ST_AsGeoJSON(ST_Multi(ST_Union(g) filter (where ST_X(ST_Centroid(g)) < cx))) as west,
        ST_AsGeoJSON(ST_Multi(ST_Union(g) filter (where ST_X(ST_Centroid(g)) >= cx))) as east,
        ST_X(ST_PointOnSurface(ST_Union(g) filter (where ST_X(ST_Centroid(g)) >= cx))) as lon,
        ST_Y(ST_PointOnSurface(ST_Union(g) filter (where ST_X(ST_Centroid(g)) >= cx))) as lat
      from parts group by id, code`);
    const inside = { lon: Number(halves!.lon), lat: Number(halves!.lat) };
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ id: halves!.id, code: halves!.code, district: 'almaly', name_ru: 'Западная часть (тест)' }, JSON.parse(halves!.west).coordinates, 'MultiPolygon'),
        feature({ id: 'almaly-900', code: '00-900', district: 'almaly', name_ru: 'Новый участок (тест)', name_kk: 'Жаңа учаске (тест)', population: 4200, population_year: 2025 }, JSON.parse(halves!.east).coordinates, 'MultiPolygon'),
      ],
    });
    const [precinctsBefore, auditBefore] = [await countOf('precincts'), await auditCount()];
    const confirm = await upload('/api/v1/precincts/import/confirm', 'new-precinct.geojson', file, t.editor);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ saved: 2, created: 1, updated: 1 });
    expect(await countOf('precincts')).toBe(precinctsBefore + 1);
    expect(await auditCount()).toBe(auditBefore + 1);
    const res = await locate(inside.lat, inside.lon);
    expect(res.statusCode).toBe(200);
    const found = res.json() as LocateAnswer;
    expect(found.precinct).toMatchObject({ id: 'almaly-900', code: '00-900', district: { id: 'almaly' } });
    expect(found.inspectors).toEqual([]);
    const demo = await t.app.inject({ method: 'GET', url: `/api/v1/precincts/${halves!.id}` });
    expect(demo.statusCode).toBe(200);
    expect(demo.json()).toMatchObject({ id: halves!.id, name: { ru: 'Западная часть (тест)' }, geometry: { type: 'MultiPolygon' } });
    const detail = await t.app.inject({ method: 'GET', url: '/api/v1/precincts/almaly-900' });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ population: 4200, name: { kk: 'Жаңа учаске (тест)' }, synthetic: false, geometry: { type: 'MultiPolygon' } });
  });
});

describe(`precincts on ${testDriver}: importing inspectors (CSV)`, () => {
  const header = 'personnel_number,name_ru,phone,precinct';

  it('marks a bad phone, an unknown precinct and a repeated personnel number; confirm stores nothing', async () => {
    const csv = [
      header,
      'T-001,Проверкин Тест (тест),+7 701 111 22 33,almaly-001',
      'T-002,Телефонов Тест (тест),12345,almaly-001',
      'T-003,Безучастков Тест (тест),+7 701 111 22 44,nowhere-404',
      'T-001,Дублев Тест (тест),+7 701 111 22 55,almaly-002',
    ].join('\n');
    const preview = await upload('/api/v1/inspectors/import/preview', 'inspectors.csv', csv, t.editor);
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as Preview;
    const byLine = new Map(body.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ ok: true, change: 'new' });
    expect(byLine.get(3)).toMatchObject({ ok: false, field: 'phone' });
    expect(byLine.get(4)).toMatchObject({ ok: false, field: 'precinct' });
    expect(byLine.get(5)).toMatchObject({ ok: false, field: 'personnel_number' });
    expect(body.badCount).toBe(3);

    const [inspectorsBefore, auditBefore] = [await countOf('inspectors'), await auditCount()];
    const confirm = await upload('/api/v1/inspectors/import/confirm', 'inspectors.csv', csv, t.editor);
    expect(confirm.statusCode).toBe(422);
    expect(problemOf(confirm).field).toBe('file');
    expect(await countOf('inspectors')).toBe(inspectorsBefore);
    expect(await auditCount()).toBe(auditBefore);
    expect(await rows(sql`select 1 from inspectors where personnel_number like 'T-00%'`)).toHaveLength(0);
  });

  it('creates and updates from a good file; each assignment change is one audit entry', async () => {
    const [moved] = await rows<{ id: string; personnel_number: string; name: { ru: string }; phone: string; precinct_id: string }>(
      sql`select i.id, i.personnel_number, i.name, i.phone, i.precinct_id from inspectors i where i.active and i.precinct_id like 'almaly-%' order by i.personnel_number limit 1`,
    );
    const [target] = await rows<{ id: string }>(sql`select id from precincts where district_id = 'almaly' and id <> ${moved!.precinct_id} and id <> 'almaly-900' order by code desc limit 1`);
    const csv = [
      header,
      `T-101,Новенький Тест (тест),8 (701) 222-33-44,almaly-002`,
      `${moved!.personnel_number},${moved!.name.ru},${moved!.phone},${target!.id}`,
    ].join('\n');
    const preview = await upload('/api/v1/inspectors/import/preview', 'inspectors-good.csv', csv, t.editor);
    expect(preview.statusCode).toBe(200);
    expect((preview.json() as Preview).rows.map((r) => [r.line, r.ok, r.change])).toEqual([
      [2, true, 'new'],
      [3, true, 'update'],
    ]);
    const [inspectorsBefore, auditBefore] = [await countOf('inspectors'), await auditCount('inspector')];
    const confirm = await upload('/api/v1/inspectors/import/confirm', 'inspectors-good.csv', csv, t.editor);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ saved: 2, created: 1, updated: 1 });
    expect(await countOf('inspectors')).toBe(inspectorsBefore + 1);
    expect(await auditCount('inspector')).toBe(auditBefore + 2);
    const [created] = await rows<{ id: string; phone: string; precinct_id: string }>(sql`select id, phone, precinct_id from inspectors where personnel_number = 'T-101'`);
    expect(created).toMatchObject({ phone: '+77012223344', precinct_id: 'almaly-002' });
    const [movedNow] = await rows<{ precinct_id: string }>(sql`select precinct_id from inspectors where id = ${moved!.id}`);
    expect(movedNow!.precinct_id).toBe(target!.id);
    const entries = await rows<{ entity_id: string; action: string; before: { precinctId: string } | null; after: { precinctId: string } }>(
      sql`select entity_id, action, before, after from audit_log where entity = 'inspector' order by seq desc limit 2`,
    );
    const byId = new Map(entries.map((e) => [e.entity_id, e]));
    expect(byId.get(created!.id)).toMatchObject({ action: 'create', before: null, after: { precinctId: 'almaly-002' } });
    expect(byId.get(moved!.id)).toMatchObject({ action: 'update', before: { precinctId: moved!.precinct_id }, after: { precinctId: target!.id } });

    // The same file again changes nothing and writes no audit entry.
    const again = await upload('/api/v1/inspectors/import/confirm', 'inspectors-good.csv', csv, t.editor);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ saved: 0, created: 0, updated: 0 });
    expect(await auditCount('inspector')).toBe(auditBefore + 2);
  });
});

describe(`precincts on ${testDriver}: importing the address register (CSV)`, () => {
  it('refuses a row outside the city; good rows become searchable at once', async () => {
    const inside = await pointInside(sql`p.district_id = 'medeu'`);
    const bad = ['street,house,lat,lon', `ул. Зеленодольская,7,${inside.lat},${inside.lon}`, 'ул. Зеленодольская,9,40.0,70.0'].join('\n');
    const preview = await upload('/api/v1/addresses/import/preview', 'addresses.csv', bad, t.editor);
    expect(preview.statusCode).toBe(200);
    const rowsSeen = (preview.json() as Preview).rows;
    expect(rowsSeen.find((r) => r.line === 3)).toMatchObject({ ok: false, field: 'lat' });
    expect(rowsSeen.find((r) => r.line === 2)).toMatchObject({ ok: true });

    // Search once first, so the register index is cached: the import must invalidate it.
    expect((await searchAddress('Зеленодольская 7')).filter((m) => m.street === 'ул. Зеленодольская')).toEqual([]);
    const [registerBefore, auditBefore] = [await countOf('address_register'), await auditCount()];
    const refused = await upload('/api/v1/addresses/import/confirm', 'addresses.csv', bad, t.editor);
    expect(refused.statusCode).toBe(422);
    expect(await countOf('address_register')).toBe(registerBefore);
    expect(await auditCount()).toBe(auditBefore);

    const good = ['street,house,lat,lon', `ул. Зеленодольская,7,${inside.lat},${inside.lon}`, `ул. Зеленодольская,9,"${String(inside.lat).replace('.', ',')}","${String(inside.lon).replace('.', ',')}"`].join('\n');
    const confirm = await upload('/api/v1/addresses/import/confirm', 'addresses.csv', good, t.editor);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ saved: 2, created: 2, updated: 0 });
    expect(await countOf('address_register')).toBe(registerBefore + 2);
    expect(await auditCount()).toBe(auditBefore + 1);
    const [first] = await searchAddress('Зеленодольская көшесі 7');
    expect(first).toMatchObject({ street: 'ул. Зеленодольская', house: '7', exact: true, precinct: { id: inside.id } });
  });
});

// ---- Inspector cards: edits, portraits, info sheets ---------------------------------------------------

async function almalyInspector(): Promise<{ id: string; phone: string; precinct_id: string }> {
  const [row] = await rows<{ id: string; phone: string; precinct_id: string }>(
    sql`select i.id, i.phone, i.precinct_id from inspectors i join precincts p on p.id = i.precinct_id where p.district_id = 'almaly' and i.active and i.synthetic order by p.code limit 1`,
  );
  return row!;
}

describe(`precincts on ${testDriver}: editing an inspector's card`, () => {
  it("refuses a district editor of another district (403) and stores nothing", async () => {
    const inspector = await almalyInspector();
    const medeuEditor = await t.login('editor', { kind: 'district', districtId: 'medeu' });
    const before = await auditCount();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/inspectors/${inspector.id}`, headers: { cookie: medeuEditor }, payload: { phone: '+7 701 999 88 77', reason: 'смена номера' } });
    expect(res.statusCode).toBe(403);
    problemOf(res);
    expect(await auditCount()).toBe(before);
    const [now] = await rows<{ phone: string }>(sql`select phone from inspectors where id = ${inspector.id}`);
    expect(now!.phone).toBe(inspector.phone);
  });

  it("needs a reason, and audits the change with it (the district's own editor may)", async () => {
    const inspector = await almalyInspector();
    const almalyEditor = await t.login('editor', { kind: 'district', districtId: 'almaly' });
    const noReason = await t.app.inject({ method: 'PATCH', url: `/api/v1/inspectors/${inspector.id}`, headers: { cookie: almalyEditor }, payload: { phone: '+77019998877' } });
    expect(noReason.statusCode).toBe(400);
    expect(problemOf(noReason).field).toBe('body.reason');
    const before = await auditCount('inspector');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/inspectors/${inspector.id}`,
      headers: { cookie: almalyEditor },
      payload: { phone: '+77019998877', messengers: [{ kind: 'telegram', url: 'https://t.me/demo_test_uip' }], reason: 'новый служебный номер' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: inspector.id, phone: '+77019998877', messengers: [{ kind: 'telegram', url: 'https://t.me/demo_test_uip' }] });
    expect(await auditCount('inspector')).toBe(before + 1);
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?entity=inspector&entityId=${inspector.id}&limit=1` });
    expect(audit.json().items[0]).toMatchObject({
      action: 'update',
      actor: { role: 'editor', unit: 'district:almaly' },
      before: { phone: inspector.phone },
      after: { phone: '+77019998877', reason: 'новый служебный номер' },
    });
  });

  it('strips the metadata of an uploaded portrait: the served photo.jpg has no GPS', async () => {
    const inspector = await almalyInspector();
    const withGps = await sharp({ create: { width: 320, height: 400, channels: 3, background: '#8a9bb0' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam', Model: 'GPS-1', Artist: 'Secret Person' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 57/1 0/1' } })
      .toBuffer();
    expect(await exifr.gps(withGps)).toMatchObject({ latitude: 43.25, longitude: 76.95 });

    const res = await upload(`/api/v1/inspectors/${inspector.id}/photo`, 'portrait.jpg', withGps, t.editor, 'PUT');
    expect(res.statusCode).toBe(200);
    const photoUrl = (res.json() as { photoUrl: string }).photoUrl;
    expect(photoUrl).toMatch(new RegExp(`^/api/v1/inspectors/${inspector.id}/photo\\.jpg`));
    const served = await t.app.inject({ method: 'GET', url: photoUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await exifr.gps(served.rawPayload)).toBeUndefined();
    const tags = (await exifr.parse(served.rawPayload, { gps: true, tiff: true, exif: true, xmp: true, iptc: true })) as Record<string, unknown> | undefined;
    expect(tags?.latitude).toBeUndefined();
    expect(tags?.Make).toBeUndefined();
    expect(tags?.Artist).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('Secret Person'))).toBe(false);

    const pdf = await upload(`/api/v1/inspectors/${inspector.id}/photo`, 'portrait.jpg', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), t.editor, 'PUT');
    expect(pdf.statusCode).toBe(415);
  });

  it('prints the info sheet as a PDF in Russian and in Kazakh', async () => {
    const inspector = await almalyInspector();
    const ru = await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/${inspector.id}/sheet.pdf?lang=ru` });
    const kk = await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/${inspector.id}/sheet.pdf?lang=kk` });
    for (const res of [ru, kk]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const kkText = pdfText(kk.rawPayload);
    expect(kkText).toMatch(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/);
    const ruText = pdfText(ru.rawPayload);
    expect(ruText).toMatch(/[а-яё]/i);
    expect(ruText).not.toBe(kkText);
    const badLang = await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/${inspector.id}/sheet.pdf?lang=de` });
    expect(badLang.statusCode).toBe(400);
  });
});
