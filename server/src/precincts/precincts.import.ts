// Imports of precinct polygons (GeoJSON), inspectors (CSV/XLSX) and the address register (CSV/XLSX).
// Each has a preview that checks every row against the database and saves nothing, and a confirmation
// that re-checks the same file and writes all rows or none, audited.
import { inArray, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { canonicalJson } from '../platform/audit/canonical-json.js';
import type { LocalizedText } from '../platform/db/columns.js';
import { queryRows, type Db, type DbOrTx } from '../platform/db/db.js';
import { readTable } from '../platform/documents/table-reader.js';
import { AppError } from '../platform/errors.js';
import { districts } from '../platform/platform.tables.js';
import { normalizeHouse, normalizeStreet } from './address.js';
import { normalizeKzPhone, type MessengerLink } from './precincts.domain.js';
import { invalidateAddressIndex, invalidateLocator } from './precincts.service.js';
import { addressRegister, inspectors, precincts } from './precincts.tables.js';

export interface ImportRow {
  line: number;
  key: string | null;
  ok: boolean;
  reason: string | null;
  field: string | null;
  change: 'new' | 'update' | 'same' | null;
}

export interface ImportPreview {
  filename: string;
  rows: ImportRow[];
  okCount: number;
  badCount: number;
}

const bad = (line: number, key: string | null, field: string, reason: string): ImportRow => ({ line, key, ok: false, reason, field, change: null });
const PRECINCT_ID = /^[A-Za-z0-9_-]{1,40}$/;

// ---- Precinct polygons (GeoJSON) ---------------------------------------------------------------

export const MAX_PRECINCT_FEATURES = 3000;

interface PrecinctInput {
  id: string;
  code: string;
  districtId: string;
  name: LocalizedText;
  population: number | null;
  populationYear: number | null;
  geometry: string;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function coordinatesInRange(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) {
    const [lon, lat] = value as unknown[];
    return typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
  }
  return value.length > 0 && value.every((v) => coordinatesInRange(v, depth - 1));
}

function readPrecinctFeatures(buffer: Buffer, filename: string): { rows: ImportRow[]; inputs: Map<number, PrecinctInput> } {
  let doc: unknown;
  try {
    doc = JSON.parse(buffer.toString('utf8'));
  } catch {
    throw new AppError('unprocessable', `'${filename}' is not JSON: upload a GeoJSON FeatureCollection of precinct polygons`, 'file');
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new AppError('unprocessable', 'the file must be a GeoJSON FeatureCollection', 'file');
  if (fc.features.length === 0) throw new AppError('unprocessable', 'the FeatureCollection has no features', 'file');
  if (fc.features.length > MAX_PRECINCT_FEATURES) throw new AppError('payload_too_large', `at most ${MAX_PRECINCT_FEATURES} precincts at once`, 'file');
  const rows: ImportRow[] = [];
  const inputs = new Map<number, PrecinctInput>();
  const seen = new Set<string>();
  fc.features.forEach((f: unknown, i: number) => {
    const line = i + 1;
    const feature = f as { properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null; id?: unknown };
    const p = feature.properties ?? {};
    const id = str(p.id) ?? str(feature.id);
    const code = str(p.code) ?? id;
    if (!id || !PRECINCT_ID.test(id)) return rows.push(bad(line, id, 'id', 'each feature needs an id of letters, digits, - or _ (at most 40)'));
    if (seen.has(id)) return rows.push(bad(line, id, 'id', `the id ${id} appears twice in the file`));
    seen.add(id);
    const districtId = str(p.district) ?? str(p.district_id);
    if (!districtId) return rows.push(bad(line, id, 'district', 'the district department (district) is missing'));
    const nameRu = str(p.name_ru) ?? str(p.name) ?? (p.name && typeof p.name === 'object' ? str((p.name as Record<string, unknown>).ru) : null);
    if (!nameRu) return rows.push(bad(line, id, 'name_ru', 'the Russian name (name_ru) is missing'));
    const nameObj = p.name && typeof p.name === 'object' ? (p.name as Record<string, unknown>) : {};
    const name = { ru: nameRu, kk: str(p.name_kk) ?? str(nameObj.kk) ?? nameRu, en: str(p.name_en) ?? str(nameObj.en) ?? nameRu };
    let population: number | null = null;
    if (p.population !== undefined && p.population !== null && p.population !== '') {
      population = Number(p.population);
      if (!Number.isInteger(population) || population < 0 || population > 10_000_000) return rows.push(bad(line, id, 'population', 'population must be a whole number of residents'));
    }
    const populationYear = p.population_year === undefined || p.population_year === null ? null : Number(p.population_year);
    if (populationYear !== null && (!Number.isInteger(populationYear) || populationYear < 1990 || populationYear > 2100)) return rows.push(bad(line, id, 'population_year', 'population_year must be a year'));
    const g = feature.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return rows.push(bad(line, id, 'geometry', 'the geometry must be a Polygon or MultiPolygon'));
    if (!coordinatesInRange(g.coordinates, g.type === 'Polygon' ? 2 : 3)) return rows.push(bad(line, id, 'geometry', 'coordinates must be [longitude, latitude] in degrees (WGS 84)'));
    inputs.set(line, { id, code: code!, districtId, name, population, populationYear, geometry: JSON.stringify(g) });
    rows.push({ line, key: id, ok: true, reason: null, field: null, change: null });
  });
  return { rows, inputs };
}

async function checkPrecincts(db: DbOrTx, rows: ImportRow[], inputs: Map<number, PrecinctInput>): Promise<void> {
  const known = new Set((await db.select({ id: districts.id }).from(districts)).map((d) => d.id));
  const list = [...inputs.values()];
  const ids = list.map((x) => x.id);
  // Precincts tile the city, so a polygon may not overlap (by more than ~10 m², float noise along shared
  // edges) a precinct the file does not replace, nor another polygon of the file. Invalid polygons are
  // left out of the overlap test (they are refused for that already).
  const geometryVerdicts = await queryRows<{ i: number; valid: boolean; reason: string | null; ok_city: boolean; overlaps: string | null }>(
    db,
    // `g.geom` is qualified: inside the subqueries a bare `geom` would be the other table's column.
    sql`with g as (select (e.ordinality - 1)::int as i, ST_SetSRID(ST_GeomFromGeoJSON(e.value::text), 4326) as geom from jsonb_array_elements(${JSON.stringify(list.map((x) => JSON.parse(x.geometry)))}::jsonb) with ordinality e),
         ids as (select value as id from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        select g.i, ST_IsValid(g.geom) as valid, case when ST_IsValid(g.geom) then null else ST_IsValidReason(g.geom) end as reason,
          exists (select 1 from ${districts} d where ST_Intersects(d.geom, g.geom)) as ok_city,
          case when ST_IsValid(g.geom) then coalesce(
            (select p.id from ${precincts} p where p.id not in (select id from ids) and ST_Intersects(p.geom, g.geom)
               and ST_Area(ST_Intersection(p.geom, g.geom)) > 1e-9 order by p.code limit 1),
            (select '#' || (o.i + 1) from g o where o.i <> g.i and ST_IsValid(o.geom) and ST_Intersects(o.geom, g.geom)
               and ST_Area(ST_Intersection(o.geom, g.geom)) > 1e-9 order by o.i limit 1)) end as overlaps
        from g`,
  );
  const existing = new Map(
    (await db.select({ id: precincts.id, code: precincts.code, districtId: precincts.districtId, name: precincts.name, population: precincts.population }).from(precincts)).map((p) => [p.id, p]),
  );
  const codes = new Map<string, string>();
  for (const p of existing.values()) codes.set(p.code, p.id);
  list.forEach((input, i) => {
    const row = rows.find((r) => r.key === input.id && r.ok)!;
    const v = geometryVerdicts.find((g) => Number(g.i) === i);
    const fail = (field: string, reason: string) => Object.assign(row, { ok: false, field, reason, change: null });
    if (!known.has(input.districtId)) return fail('district', `no district department '${input.districtId}'`);
    if (!v?.valid) return fail('geometry', `the polygon is not valid: ${v?.reason ?? 'unknown'}`);
    if (!v.ok_city) return fail('geometry', 'the polygon lies outside every district department of the city');
    if (v.overlaps) {
      return fail('geometry', v.overlaps.startsWith('#') ? `the polygon overlaps feature ${v.overlaps.slice(1)} of the file` : `the polygon overlaps precinct ${v.overlaps}, which the file does not replace; include its new outline in the file`);
    }
    const clash = codes.get(input.code);
    if (clash && clash !== input.id) return fail('code', `the code ${input.code} already belongs to precinct ${clash}`);
    const before = existing.get(input.id);
    row.change = !before ? 'new' : 'update';
  });
}

export async function previewPrecincts(db: DbOrTx, buffer: Buffer, filename: string): Promise<ImportPreview> {
  const { rows, inputs } = readPrecinctFeatures(buffer, filename);
  await checkPrecincts(db, rows, inputs);
  return summarise(filename, rows);
}

export async function confirmPrecincts(db: Db, actor: AuditActor, buffer: Buffer, filename: string) {
  const result = await db.transaction(async (tx) => {
    const { rows, inputs } = readPrecinctFeatures(buffer, filename);
    await checkPrecincts(tx, rows, inputs);
    refuseBadRows(rows);
    let created = 0;
    for (const input of inputs.values()) {
      const row = rows.find((r) => r.key === input.id)!;
      if (row.change === 'new') created++;
      const geom = sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${input.geometry}), 4326))`;
      const values = { code: input.code, districtId: input.districtId, name: input.name, population: input.population, populationYear: input.populationYear, geom, synthetic: false, updatedAt: new Date() };
      await tx.insert(precincts).values({ id: input.id, ...values }).onConflictDoUpdate({ target: precincts.id, set: values });
    }
    await recordAudit(tx, actor, { action: 'import', entity: 'precincts', entityId: filename.slice(0, 200), before: null, after: { created, updated: inputs.size - created, ids: [...inputs.values()].map((i) => i.id) } });
    return { saved: inputs.size, created, updated: inputs.size - created };
  });
  invalidateLocator();
  return result;
}

function refuseBadRows(rows: ImportRow[]): void {
  const badRows = rows.filter((r) => !r.ok);
  if (badRows.length > 0) {
    const first = badRows[0]!;
    throw new AppError('unprocessable', `${badRows.length} row(s) are refused (first: line ${first.line}, ${first.field}: ${first.reason}); nothing was saved`, 'file');
  }
}

function summarise(filename: string, rows: ImportRow[], keepOk = Number.POSITIVE_INFINITY): ImportPreview {
  const okCount = rows.filter((r) => r.ok).length;
  let kept = 0;
  const shown = rows.filter((r) => !r.ok || kept++ < keepOk);
  return { filename, rows: shown, okCount, badCount: rows.length - okCount };
}

// ---- Inspectors (CSV / XLSX) -----------------------------------------------------------------

export const INSPECTOR_TEMPLATE_CSV =
  'personnel_number,name_ru,name_kk,name_en,rank_ru,rank_kk,rank_en,position_ru,position_kk,position_en,phone,precinct,whatsapp,telegram,instagram,facebook,active\n' +
  '000123,Иванов Иван (пример),Иванов Иван (мысал),Ivanov Ivan (example),майор полиции,полиция майоры,Police Major,участковый инспектор полиции,учаскелік полиция инспекторы,precinct police inspector,+7 701 000 00 00,almaly-001,https://wa.me/77010000000,https://t.me/example,,,yes\n';

const inspectorHeadings: Record<string, string[]> = {
  personnel_number: ['personnel_number', 'табельный номер', 'табельный_номер', 'табель нөмірі'],
  name_ru: ['name_ru', 'фио', 'фио (рус)', 'имя'],
  name_kk: ['name_kk', 'аты-жөні', 'фио (каз)'],
  name_en: ['name_en'],
  rank_ru: ['rank_ru', 'звание'],
  rank_kk: ['rank_kk', 'атағы'],
  rank_en: ['rank_en'],
  position_ru: ['position_ru', 'должность'],
  position_kk: ['position_kk', 'лауазымы'],
  position_en: ['position_en'],
  phone: ['phone', 'телефон'],
  precinct: ['precinct', 'участок', 'учаске'],
  whatsapp: ['whatsapp'],
  telegram: ['telegram'],
  instagram: ['instagram'],
  facebook: ['facebook'],
  active: ['active', 'активен', 'белсенді'],
};

interface InspectorInput {
  personnelNumber: string;
  name: LocalizedText;
  rank: LocalizedText;
  position: LocalizedText;
  phone: string;
  precinct: string | null;
  messengers: MessengerLink[];
  active: boolean;
}

function columnIndex(header: string[], headings: Record<string, string[]>): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase().replace(/^\ufeff/, '');
    for (const [column, names] of Object.entries(headings)) if (names.includes(key) && !index.has(column)) index.set(column, i);
  });
  return index;
}

async function readInspectorRows(buffer: Buffer, filename: string) {
  const table = await readTable(buffer, filename, { maxRows: 5000, maxColumns: 40 });
  const cols = columnIndex(table.header, inspectorHeadings);
  for (const required of ['personnel_number', 'name_ru', 'phone', 'precinct']) {
    if (!cols.has(required)) throw new AppError('unprocessable', `the file has no column '${required}'; download the template for the columns`, 'file');
  }
  const rows: ImportRow[] = [];
  const inputs = new Map<number, InspectorInput>();
  const seen = new Set<string>();
  table.body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: string) => (cols.has(c) ? (cells[cols.get(c)!] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) return;
    const pn = cell('personnel_number');
    if (!/^[A-Za-z0-9-]{1,20}$/.test(pn)) return rows.push(bad(line, pn || null, 'personnel_number', 'the personnel number is missing or has characters other than letters, digits and -'));
    if (seen.has(pn)) return rows.push(bad(line, pn, 'personnel_number', `the personnel number ${pn} appears twice in the file`));
    seen.add(pn);
    const nameRu = cell('name_ru');
    if (nameRu.length < 3 || nameRu.length > 120) return rows.push(bad(line, pn, 'name_ru', 'the name must be 3 to 120 characters'));
    const phone = normalizeKzPhone(cell('phone'));
    if (!phone) return rows.push(bad(line, pn, 'phone', `'${cell('phone').slice(0, 30)}' is not a Kazakhstan phone number (+7 7XX XXX XX XX)`));
    const messengers: MessengerLink[] = [];
    for (const kind of ['whatsapp', 'telegram', 'instagram', 'facebook'] as const) {
      const url = cell(kind);
      if (!url) continue;
      if (!/^https:\/\/[^\s]{3,290}$/.test(url)) return rows.push(bad(line, pn, kind, `the ${kind} link must start with https://`));
      messengers.push({ kind, url });
    }
    const activeText = cell('active').toLowerCase();
    const active = activeText === '' || ['yes', 'true', '1', 'да', 'иә'].includes(activeText);
    if (!active && !['no', 'false', '0', 'нет', 'жоқ'].includes(activeText)) return rows.push(bad(line, pn, 'active', 'active must be yes or no'));
    const loc = (base: string, fallback: string): LocalizedText => ({ ru: cell(`${base}_ru`) || fallback, kk: cell(`${base}_kk`) || cell(`${base}_ru`) || fallback, en: cell(`${base}_en`) || cell(`${base}_ru`) || fallback });
    inputs.set(line, {
      personnelNumber: pn,
      name: { ru: nameRu, kk: cell('name_kk') || nameRu, en: cell('name_en') || nameRu },
      rank: loc('rank', ''),
      position: loc('position', 'участковый инспектор полиции'),
      phone,
      precinct: cell('precinct') || null,
      messengers,
      active,
    });
    rows.push({ line, key: pn, ok: true, reason: null, field: null, change: null });
  });
  if (rows.length === 0) throw new AppError('unprocessable', 'the file has no inspector rows', 'file');
  return { rows, inputs };
}

async function checkInspectors(db: DbOrTx, rows: ImportRow[], inputs: Map<number, InspectorInput>) {
  const allPrecincts = await db.select({ id: precincts.id, code: precincts.code }).from(precincts);
  const byRef = new Map<string, string>();
  for (const p of allPrecincts) {
    byRef.set(p.id.toLowerCase(), p.id);
    byRef.set(p.code.toLowerCase(), p.id);
  }
  const numbers = [...inputs.values()].map((i) => i.personnelNumber);
  const existing = new Map(
    numbers.length ? (await db.select().from(inspectors).where(inArray(inspectors.personnelNumber, numbers))).map((r) => [r.personnelNumber, r]) : [],
  );
  const resolved = new Map<number, string | null>();
  for (const [line, input] of inputs) {
    const row = rows.find((r) => r.line === line)!;
    const precinctId = input.precinct ? byRef.get(input.precinct.toLowerCase()) : null;
    if (input.precinct && !precinctId) {
      Object.assign(row, { ok: false, field: 'precinct', reason: `no precinct '${input.precinct}' (use its id or code)` });
      continue;
    }
    resolved.set(line, precinctId ?? null);
    const before = existing.get(input.personnelNumber);
    if (!before) row.change = 'new';
    else {
      const same =
        before.phone === input.phone &&
        before.precinctId === (precinctId ?? null) &&
        before.active === input.active &&
        // canonicalJson: jsonb hands keys back in its own order, so plain JSON.stringify never matches.
        canonicalJson(before.name) === canonicalJson(input.name) &&
        canonicalJson(before.rank) === canonicalJson(input.rank) &&
        canonicalJson(before.position) === canonicalJson(input.position) &&
        canonicalJson(before.messengers) === canonicalJson(input.messengers);
      row.change = same ? 'same' : 'update';
    }
  }
  return { existing, resolved };
}

export async function previewInspectors(db: DbOrTx, buffer: Buffer, filename: string): Promise<ImportPreview> {
  const { rows, inputs } = await readInspectorRows(buffer, filename);
  await checkInspectors(db, rows, inputs);
  return summarise(filename, rows);
}

export async function confirmInspectors(db: Db, actor: AuditActor, buffer: Buffer, filename: string) {
  const { rows, inputs } = await readInspectorRows(buffer, filename);
  const result = await db.transaction(async (tx) => {
    const { existing, resolved } = await checkInspectors(tx, rows, inputs);
    refuseBadRows(rows);
    let created = 0;
    let updated = 0;
    for (const [line, input] of inputs) {
      const row = rows.find((r) => r.line === line)!;
      if (row.change === 'same') continue;
      const precinctId = resolved.get(line) ?? null;
      const values = { name: input.name, rank: input.rank, position: input.position, phone: input.phone, messengers: input.messengers, precinctId, active: input.active, synthetic: false, updatedAt: new Date() };
      const before = existing.get(input.personnelNumber);
      const [saved] = await tx
        .insert(inspectors)
        .values({ personnelNumber: input.personnelNumber, ...values })
        .onConflictDoUpdate({ target: inspectors.personnelNumber, set: values })
        .returning({ id: inspectors.id });
      if (before) updated++;
      else created++;
      // An assignment to a precinct is public record: each change is its own audit entry.
      if (!before || before.precinctId !== precinctId || before.active !== input.active) {
        await recordAudit(tx, actor, {
          action: before ? 'update' : 'create',
          entity: 'inspector',
          entityId: saved!.id,
          before: before ? { precinctId: before.precinctId, active: before.active } : null,
          after: { precinctId, active: input.active, source: filename.slice(0, 200) },
        });
      }
    }
    return { saved: created + updated, created, updated };
  });
  invalidateLocator();
  return result;
}

// ---- Address register (CSV / XLSX) ---------------------------------------------------------------

export const MAX_ADDRESS_ROWS = 200_000;
const addressHeadings: Record<string, string[]> = {
  street: ['street', 'улица', 'көше'],
  house: ['house', 'дом', 'үй'],
  lat: ['lat', 'latitude', 'широта', 'ендік'],
  lon: ['lon', 'lng', 'longitude', 'долгота', 'бойлық'],
};

interface AddressInput {
  street: string;
  house: string;
  streetKey: string;
  houseKey: string;
  lon: number;
  lat: number;
}

async function readAddressRows(db: DbOrTx, buffer: Buffer, filename: string) {
  const table = await readTable(buffer, filename, { maxRows: MAX_ADDRESS_ROWS, maxColumns: 20 });
  const cols = columnIndex(table.header, addressHeadings);
  for (const required of ['street', 'house', 'lat', 'lon']) {
    if (!cols.has(required)) throw new AppError('unprocessable', `the file has no column '${required}' (columns: street, house, lat, lon)`, 'file');
  }
  const rows: ImportRow[] = [];
  const inputs = new Map<number, AddressInput>();
  const seen = new Map<string, number>();
  table.body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: string) => (cells[cols.get(c)!] ?? '').trim();
    const street = cell('street');
    const house = cell('house');
    const key = `${street} ${house}`.slice(0, 80);
    if (street.length < 2 || street.length > 150) return rows.push(bad(line, key, 'street', 'the street name is missing or too long'));
    if (house.length < 1 || house.length > 30) return rows.push(bad(line, key, 'house', 'the house number is missing or too long'));
    const lat = Number(cell('lat').replace(',', '.'));
    const lon = Number(cell('lon').replace(',', '.'));
    if (!Number.isFinite(lat) || Math.abs(lat) > 90 || cell('lat') === '') return rows.push(bad(line, key, 'lat', 'lat must be a latitude in degrees'));
    if (!Number.isFinite(lon) || Math.abs(lon) > 180 || cell('lon') === '') return rows.push(bad(line, key, 'lon', 'lon must be a longitude in degrees'));
    const streetKey = normalizeStreet(street);
    const houseKey = normalizeHouse(house);
    if (!streetKey) return rows.push(bad(line, key, 'street', 'the street name has no letters or digits'));
    const dupKey = `${streetKey}|${houseKey}`;
    if (seen.has(dupKey)) return rows.push(bad(line, key, 'house', `the same address is on line ${seen.get(dupKey)}`));
    seen.set(dupKey, line);
    inputs.set(line, { street, house, streetKey, houseKey, lon, lat });
    rows.push({ line, key, ok: true, reason: null, field: null, change: 'new' });
  });
  if (rows.length === 0) throw new AppError('unprocessable', 'the file has no address rows', 'file');
  // Points outside every district department are refused: "find my inspector" must never guess.
  const list = [...inputs.entries()];
  const outside = await queryRows<{ i: number }>(
    db,
    sql`select (e.ordinality - 1)::int as i from jsonb_array_elements(${JSON.stringify(list.map(([, a]) => [a.lon, a.lat]))}::jsonb) with ordinality e
        where not exists (select 1 from ${districts} d where ST_Intersects(d.geom, ST_SetSRID(ST_MakePoint((e.value->>0)::float8, (e.value->>1)::float8), 4326)))`,
  );
  for (const { i } of outside) {
    const [line] = list[Number(i)]!;
    const row = rows.find((r) => r.line === line)!;
    Object.assign(row, { ok: false, field: 'lat', reason: 'the point is outside the city (lat/lon swapped?)', change: null });
    inputs.delete(line);
  }
  return { rows, inputs };
}

export async function previewAddresses(db: DbOrTx, buffer: Buffer, filename: string): Promise<ImportPreview> {
  const { rows } = await readAddressRows(db, buffer, filename);
  // A register has many thousands of rows: every refused row is listed, accepted ones only as a sample.
  return summarise(filename, rows, 200);
}

export async function confirmAddresses(db: Db, actor: AuditActor, buffer: Buffer, filename: string) {
  const result = await db.transaction(async (tx) => {
    const { rows, inputs } = await readAddressRows(tx, buffer, filename);
    refuseBadRows(rows);
    const before = (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${addressRegister}`))[0]?.n ?? 0;
    const all = [...inputs.values()];
    for (let i = 0; i < all.length; i += 1000) {
      const batch = all.slice(i, i + 1000).map((a) => ({ street: a.street, house: a.house, streetKey: a.streetKey, houseKey: a.houseKey, location: sql`ST_SetSRID(ST_MakePoint(${a.lon}, ${a.lat}), 4326)` as unknown as string, synthetic: false }));
      await tx
        .insert(addressRegister)
        .values(batch)
        .onConflictDoUpdate({ target: [addressRegister.streetKey, addressRegister.houseKey], set: { street: sql`excluded.street`, house: sql`excluded.house`, location: sql`excluded.location`, synthetic: false } });
    }
    const after = (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${addressRegister}`))[0]?.n ?? 0;
    const created = after - before;
    await recordAudit(tx, actor, { action: 'import', entity: 'address_register', entityId: filename.slice(0, 200), before: null, after: { rows: all.length, created } });
    return { saved: all.length, created, updated: all.length - created };
  });
  invalidateAddressIndex();
  return result;
}
