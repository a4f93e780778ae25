import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db.js';
import { useTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

/** Open311 GeoReport v2 as a real client sees it: paths with .xml/.json, form-encoded POSTs, the spec's errors. */
const t = useTestApp();
let apiKey: string;
let apiKeyId: string;
let place: { lon: number; lat: number; id: string };
beforeAll(async () => {
  const issued = await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311-keys', headers: { cookie: t.admin }, payload: { name: 'Test Open311 client' } });
  expect(issued.statusCode).toBe(201);
  ({ key: apiKey, id: apiKeyId } = issued.json() as { key: string; id: string });
  const [row] = await queryRows<{ id: string; lon: number; lat: number }>(
    t.db,
    sql`select id, ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat from precincts where district_id = 'almaly' order by code limit 1`,
  );
  place = { id: row!.id, lon: Number(row!.lon), lat: Number(row!.lat) };
});

const BASE = '/open311/v2';
const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'endpoint', 'attribute', 'format'].includes(name) });

type Injected = Awaited<ReturnType<TestApp['app']['inject']>>;

const get = (path: string) => t.app.inject({ method: 'GET', url: `${BASE}${path}` });

function asJson<T>(res: Injected): T {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(res.body) as T;
}
function asXml(res: Injected): Record<string, unknown> {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xml.parse(res.body) as Record<string, unknown>;
}

interface Open311Error {
  code: number | string;
  description: string;
}
function jsonErrors(res: Injected, status: number): Open311Error[] {
  expect(res.statusCode, res.body).toBe(status);
  const errors = asJson<Open311Error[]>(res);
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]).toMatchObject({ code: status, description: expect.any(String) });
  return errors;
}
function xmlErrors(res: Injected, status: number): Open311Error[] {
  expect(res.statusCode, res.body).toBe(status);
  const doc = asXml(res) as { errors: { error: Open311Error[] } };
  expect(doc.errors.error[0]).toMatchObject({ code: String(status), description: expect.any(String) });
  return doc.errors.error;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const postForm = (format: 'json' | 'xml', fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `${BASE}/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });

const postJson = (format: 'json' | 'xml', body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `${BASE}/requests.${format}`, payload: body });

async function stored() {
  const [row] = await queryRows<{ appeals: number; audit: number }>(t.db, sql`select (select count(*)::int from appeals) as appeals, (select count(*)::int from audit_log) as audit`);
  return { appeals: Number(row!.appeals), audit: Number(row!.audit) };
}

const goodRequest = () => ({
  api_key: apiKey,
  jurisdiction_id: 'almaty',
  service_code: 'public_order',
  lat: String(place.lat),
  long: String(place.lon),
  description: 'Громкая музыка из кафе каждую ночь до трёх часов',
  email: 'client.user@example.org',
  first_name: 'Open',
  last_name: 'Client',
});

interface PostResult {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}
interface RequestJson {
  service_request_id: string;
  status: string;
  service_code: string;
  service_name: string;
  description: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  expected_datetime: string;
  lat: number | null;
  long: number | null;
}

/** A W3C datetime in UTC without fractions, as clients usually send it. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

describe(`Open311 on ${testDriver}: discovery and services`, () => {
  it('answers discovery in JSON and XML', async () => {
    const json = asJson<{ endpoints: { url: string; specification: string; formats: string[] }[] }>(await get('/discovery.json'));
    expect(json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });
    expect(json.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
    const doc = asXml(await get('/discovery.xml')) as { discovery: { endpoints: { endpoint: { specification: string; formats: { format: string[] } }[] } } };
    expect(doc.discovery.endpoints.endpoint[0]!.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(doc.discovery.endpoints.endpoint[0]!.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists the services in JSON and XML, the same ones', async () => {
    const json = asJson<{ service_code: string; service_name: string; metadata: boolean; type: string; group: string }[]>(await get('/services.json'));
    const codes = json.map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['general', 'safety_proposal', 'drug_graffiti', 'drug_link', 'public_order', 'road_safety', 'conduct_complaint', 'gratitude']));
    expect(json.find((s) => s.service_code === 'drug_link')).toMatchObject({ metadata: true, type: 'realtime' });
    expect(json.find((s) => s.service_code === 'public_order')).toMatchObject({ metadata: false, service_name: 'Общественный порядок, шум' });
    const doc = asXml(await get('/services.xml')) as { services: { service: { service_code: string; metadata: string }[] } };
    expect(doc.services.service.map((s) => s.service_code)).toEqual(codes);
    expect(doc.services.service.find((s) => s.service_code === 'drug_link')?.metadata).toBe('true');
    const english = asJson<{ service_code: string; service_name: string }[]>(await get('/services.json?locale=en'));
    expect(english.find((s) => s.service_code === 'public_order')?.service_name).toBe('Public order, noise');
  });

  it('gives a service definition in JSON and XML, and 404 for an unknown service', async () => {
    const json = asJson<{ service_code: string; attributes: { code: string; required: boolean; variable: boolean; datatype: string }[] }>(await get('/services/drug_link.json'));
    expect(json.service_code).toBe('drug_link');
    expect(json.attributes[0]).toMatchObject({ code: 'ADVERT_URL', required: true, variable: true, datatype: 'string' });
    const doc = asXml(await get('/services/drug_link.xml')) as { service_definition: { service_code: string; attributes: { attribute: { code: string; required: string }[] } } };
    expect(doc.service_definition.service_code).toBe('drug_link');
    expect(doc.service_definition.attributes.attribute[0]).toMatchObject({ code: 'ADVERT_URL', required: 'true' });
    const plain = asJson<{ service_code: string; attributes: unknown[] }>(await get('/services/public_order.json'));
    expect(plain).toEqual({ service_code: 'public_order', attributes: [] });
    jsonErrors(await get('/services/no_such_service.json'), 404);
    xmlErrors(await get('/services/no_such_service.xml'), 404);
  });

  it('answers a path without a format extension with 404 in XML, and an unknown jurisdiction with 404', async () => {
    for (const path of ['/services', '/discovery', '/requests', '/requests/AP-0000-0000']) xmlErrors(await get(path), 404);
    xmlErrors(await get('/services.html'), 404);
    jsonErrors(await get('/services.json?jurisdiction_id=astana'), 404);
  });
});

describe(`Open311 on ${testDriver}: POST requests`, () => {
  it('takes a form-encoded request in JSON (as the spec says) and stores it as an appeal from Open311', async () => {
    const before = await stored();
    const res = await postForm('json', goodRequest());
    expect(res.statusCode, res.body).toBe(200);
    const [result] = asJson<PostResult[]>(res);
    expect(result!.service_request_id).toMatch(/^AP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(result!.service_notice).toMatch(/15/);
    expect(result).toHaveProperty('account_id', null);
    expect(await stored()).toEqual({ appeals: before.appeals + 1, audit: before.audit + 1 });
    const [row] = await queryRows<{ source: string; contact_email: string; contact_name: string; unit: string; api_key_id: string }>(
      t.db,
      sql`select source, contact_email, contact_name, unit, api_key_id from appeals where code = ${result!.service_request_id}`,
    );
    expect(row).toMatchObject({ source: 'open311', contact_email: 'client.user@example.org', contact_name: 'Open Client', unit: `precinct:${place.id}`, api_key_id: apiKeyId });
  });

  it('takes a form-encoded request in XML', async () => {
    const res = await postForm('xml', { ...goodRequest(), service_code: 'road_safety', description: 'Не работает светофор на перекрёстке у школы' });
    expect(res.statusCode, res.body).toBe(200);
    const doc = asXml(res) as { service_requests: { request: { service_request_id: string; service_notice: string }[] } };
    expect(doc.service_requests.request).toHaveLength(1);
    expect(doc.service_requests.request[0]!.service_request_id).toMatch(/^AP-/);
  });

  it('takes a JSON body too, with an address instead of a point, and a drug link with its attribute', async () => {
    const res = await postJson('json', { api_key: apiKey, service_code: 'general', address_string: 'ул. Абая 10', description: 'Вопрос о графике приёма участкового инспектора' });
    expect(res.statusCode, res.body).toBe(200);
    const [result] = asJson<PostResult[]>(res);
    const [row] = await queryRows<{ address: string; status: string }>(t.db, sql`select address, status from appeals where code = ${result!.service_request_id}`);
    expect(row).toMatchObject({ address: 'ул. Абая 10' });

    const missingAttribute = await postForm('json', { api_key: apiKey, service_code: 'drug_link', address_string: 'интернет', description: 'Канал продаёт наркотики в городе' });
    jsonErrors(missingAttribute, 400);
    const link = await postForm('json', { api_key: apiKey, service_code: 'drug_link', address_string: 'интернет', description: 'Канал продаёт наркотики в городе', 'attribute[ADVERT_URL]': 'https://t.me/fake_drugs_test' });
    expect(link.statusCode, link.body).toBe(200);
    const [linked] = asJson<PostResult[]>(link);
    const [advert] = await queryRows<{ advert_url: string; unit: string }>(t.db, sql`select advert_url, unit from appeals where code = ${linked!.service_request_id}`);
    expect(advert).toMatchObject({ advert_url: 'https://t.me/fake_drugs_test', unit: 'city:anti_drug' });
  });

  it('refuses a wrong or missing api_key with 403 in the spec format, storing nothing', async () => {
    const before = await stored();
    jsonErrors(await postForm('json', { ...goodRequest(), api_key: 'ob311_not_a_real_key' }), 403);
    xmlErrors(await postForm('xml', { ...goodRequest(), api_key: 'ob311_not_a_real_key' }), 403);
    const { api_key: _omitted, ...withoutKey } = goodRequest();
    jsonErrors(await postForm('json', withoutKey), 403);
    jsonErrors(await postJson('json', { ...withoutKey }), 403);
    expect(await stored()).toEqual(before);
  });

  it('answers an unknown service_code with 404, a missing location with 400, and a point outside the city with 422', async () => {
    const before = await stored();
    jsonErrors(await postForm('json', { ...goodRequest(), service_code: 'no_such_service' }), 404);
    xmlErrors(await postForm('xml', { ...goodRequest(), service_code: 'no_such_service' }), 404);
    const { lat: _lat, long: _long, ...noLocation } = goodRequest();
    const missing = jsonErrors(await postForm('json', noLocation), 400);
    expect(missing.map((e) => e.description).join(' ')).toMatch(/location/);
    jsonErrors(await postForm('json', { ...goodRequest(), service_code: '' }), 400);
    jsonErrors(await postForm('json', { ...goodRequest(), lat: 'north' }), 400);
    jsonErrors(await postForm('json', { ...goodRequest(), description: '' }), 400);
    jsonErrors(await postForm('json', { ...goodRequest(), lat: '42.5', long: '75.0' }), 422);
    jsonErrors(await postForm('json', { ...goodRequest(), jurisdiction_id: 'astana' }), 404);
    expect(await stored()).toEqual(before);
  });
});

describe(`Open311 on ${testDriver}: GET requests, one request, tokens`, () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    const a = await postForm('json', { ...goodRequest(), description: 'Распитие алкоголя на детской площадке вечером' });
    const b = await postForm('json', { ...goodRequest(), service_code: 'road_safety', description: 'Машины паркуются на тротуаре у поликлиники' });
    first = asJson<PostResult[]>(a)[0]!.service_request_id;
    second = asJson<PostResult[]>(b)[0]!.service_request_id;
  });

  it('filters by service_code and status', async () => {
    const byService = asJson<RequestJson[]>(await get('/requests.json?service_code=public_order'));
    expect(byService.length).toBeGreaterThan(0);
    expect(new Set(byService.map((r) => r.service_code))).toEqual(new Set(['public_order']));
    expect(byService.map((r) => r.service_request_id)).toContain(first);
    expect(byService.map((r) => r.service_request_id)).not.toContain(second);
    const two = asJson<RequestJson[]>(await get('/requests.json?service_code=public_order,road_safety'));
    expect(two.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([first, second]));

    const open = asJson<RequestJson[]>(await get('/requests.json?status=open'));
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.map((r) => r.service_request_id)).toContain(first);
    const closed = asJson<RequestJson[]>(await get('/requests.json?status=closed'));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    expect(closed.map((r) => r.service_request_id)).not.toContain(first);
    jsonErrors(await get('/requests.json?status=pending'), 400);

    const doc = asXml(await get('/requests.xml?service_code=road_safety')) as { service_requests: { request: { service_code: string; service_request_id: string }[] } };
    expect(doc.service_requests.request.every((r) => r.service_code === 'road_safety')).toBe(true);
    expect(doc.service_requests.request.map((r) => r.service_request_id)).toContain(second);
  });

  it('filters by start_date and end_date', async () => {
    const now = Date.now();
    const recent = asJson<RequestJson[]>(await get(`/requests.json?start_date=${w3c(new Date(now - 3_600_000))}&end_date=${w3c(new Date(now + 3_600_000))}`));
    expect(recent.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([first, second]));
    for (const r of recent) expect(Date.parse(r.requested_datetime)).toBeGreaterThanOrEqual(Math.floor((now - 3_600_000) / 1000) * 1000);
    const older = asJson<RequestJson[]>(await get(`/requests.json?start_date=${w3c(new Date(now - 60 * 86_400_000))}&end_date=${w3c(new Date(now - 2 * 86_400_000))}`));
    expect(older.length).toBeGreaterThan(0);
    expect(older.map((r) => r.service_request_id)).not.toContain(first);
    for (const r of older) expect(Date.parse(r.requested_datetime)).toBeLessThanOrEqual(now - 2 * 86_400_000);
    // With an offset, as the spec's examples write it.
    const almaty = asJson<RequestJson[]>(await get(`/requests.json?start_date=${encodeURIComponent('2020-01-01T00:00:00+05:00')}&end_date=${encodeURIComponent('2020-02-01T00:00:00+05:00')}`));
    expect(almaty).toEqual([]);
    jsonErrors(await get(`/requests.json?start_date=${w3c(new Date(now))}&end_date=${w3c(new Date(now - 86_400_000))}`), 400);
    jsonErrors(await get('/requests.json?start_date=2020-01-01'), 400);
    jsonErrors(await get(`/requests.json?start_date=${w3c(new Date(now - 200 * 86_400_000))}&end_date=${w3c(new Date(now))}`), 400);
  });

  it('answers one request by id, and 404 for an unknown id', async () => {
    const [one] = asJson<RequestJson[]>(await get(`/requests/${first}.json`));
    expect(one).toMatchObject({ service_request_id: first, status: 'open', service_code: 'public_order', agency_responsible: `precinct:${place.id}` });
    expect(one!.description).toBe('Распитие алкоголя на детской площадке вечером');
    expect(one!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
    expect(Date.parse(one!.expected_datetime)).toBeGreaterThan(Date.parse(one!.requested_datetime));
    // The place is rounded to about 100 m.
    expect(one!.lat).toBe(Math.round(place.lat * 1000) / 1000);
    expect(one!.long).toBe(Math.round(place.lon * 1000) / 1000);
    const doc = asXml(await get(`/requests/${first}.xml`)) as { service_requests: { request: { service_request_id: string; address: string; lat: string }[] } };
    expect(doc.service_requests.request).toHaveLength(1);
    expect(doc.service_requests.request[0]).toMatchObject({ service_request_id: first, address: '', lat: String(Math.round(place.lat * 1000) / 1000) });
    const many = asJson<RequestJson[]>(await get(`/requests.json?service_request_id=${first},${second}`));
    expect(many.map((r) => r.service_request_id).sort()).toEqual([first, second].sort());
    jsonErrors(await get('/requests/AP-ZZZZ-ZZZZ.json'), 404);
    xmlErrors(await get('/requests/AP-ZZZZ-ZZZZ.xml'), 404);
  });

  it('answers a token with the request id', async () => {
    expect(asJson<{ service_request_id: string; token: string }[]>(await get(`/tokens/${first}.json`))).toEqual([{ service_request_id: first, token: first }]);
    const doc = asXml(await get(`/tokens/${second}.xml`)) as { service_requests: { request: { service_request_id: string; token: string }[] } };
    expect(doc.service_requests.request[0]).toEqual({ service_request_id: second, token: second });
    jsonErrors(await get('/tokens/AP-ZZZZ-ZZZZ.json'), 404);
  });

  it('never shows the contact a client sent', async () => {
    for (const path of ['/requests.json', '/requests.xml', `/requests/${first}.json`, `/requests/${first}.xml`, `/tokens/${first}.json`]) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.body, path).not.toContain('client.user');
      expect(res.body, path).not.toContain('Open Client');
    }
  });
});

describe(`Open311 on ${testDriver}: API keys are issued and revoked by admins`, () => {
  it('refuses non-admins, lists keys without their value, and a revoked key stops working', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311-keys', headers: { cookie: t.editor }, payload: { name: 'Not allowed' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311-keys', payload: { name: 'Anonymous' } })).statusCode).toBe(401);

    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/admin/open311-keys', headers: { cookie: t.admin }, payload: { name: 'Short-lived client' } });
    expect(issued.statusCode).toBe(201);
    const { id, key, prefix } = issued.json() as { id: string; key: string; prefix: string };
    expect(key.startsWith(prefix)).toBe(true);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/open311-keys', headers: { cookie: t.admin } });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(key);
    expect((listed.json() as { items: { id: string; revokedAt: string | null }[] }).items.find((k) => k.id === id)).toMatchObject({ revokedAt: null });

    expect((await postForm('json', { ...goodRequest(), api_key: key })).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/open311-keys/${id}`, headers: { cookie: t.admin } });
    expect(revoked.statusCode).toBe(204);
    const before = await stored();
    jsonErrors(await postForm('json', { ...goodRequest(), api_key: key }), 403);
    xmlErrors(await postForm('xml', { ...goodRequest(), api_key: key }), 403);
    expect(await stored()).toEqual(before);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/open311-keys/${id}`, headers: { cookie: t.admin } })).statusCode).toBe(409);
    // The other key still works.
    expect((await postForm('json', goodRequest())).statusCode).toBe(200);
  });
});
