// Precincts, inspectors and reception points: "find my inspector", workload against the norms (п.9)
// and the data behind the printed info sheets (п.22). Other modules call only the exported functions.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AuditActor } from '../platform/audit/audit.service.js';
import type { PhotoStore } from '../platform/images/photos.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { createSwrCache } from '../platform/cache/swr-cache.js';
import type { LocalizedText } from '../platform/db/columns.js';
import { queryRows, type Db, type DbOrTx } from '../platform/db/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { appSettings, districts } from '../platform/platform.tables.js';
import { buildAddressIndex, matchAddress, type AddressRow } from './address.js';
import { DEFAULT_NORMS, nextOpeningChange, normalizeKzPhone, openingState, totalWorkload, workload, type HoursException, type MessengerLink, type ReceptionKind, type WeeklyHours, type WorkloadNorms } from './precincts.domain.js';
import { locatorCache, type LocatorSnapshot } from './precincts.locator.js';
import { locateResponseSchema, type InspectorCard, type PrecinctSummary, type ReceptionPointView } from './precincts.schema.js';
import { addressRegister, inspectors, precincts, receptionPoints } from './precincts.tables.js';

const NORMS_KEY = 'precincts.norms';

// ---- Norms (configurable, audited) ---------------------------------------------------------

async function loadNorms(db: DbOrTx): Promise<WorkloadNorms> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, NORMS_KEY));
  return (row?.value as WorkloadNorms | undefined) ?? DEFAULT_NORMS;
}

const normsCache = createSwrCache(loadNorms);

export function workloadNorms(db: Db): Promise<WorkloadNorms> {
  return normsCache.get(db);
}

export async function setWorkloadNorms(db: Db, actor: AuditActor, norms: WorkloadNorms): Promise<WorkloadNorms> {
  if (norms.target > norms.norm) throw invalid('target', `the council's target (${norms.target}) cannot be looser than the norm (${norms.norm}): fewer residents per inspector is stricter`);
  await db.transaction(async (tx) => {
    const before = await loadNorms(tx);
    await tx
      .insert(appSettings)
      .values({ key: NORMS_KEY, value: norms, updatedAt: new Date() })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: norms, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'update', entity: 'workload_norms', entityId: 'city', before, after: norms });
  });
  normsCache.invalidate();
  invalidateLocator();
  return norms;
}

// ---- Reading ---------------------------------------------------------------------------------

interface PrecinctRow {
  id: string;
  code: string;
  name: LocalizedText;
  district_id: string;
  district_name: LocalizedText;
  district_approximate: boolean;
  population: number | null;
  population_year: number | null;
  synthetic: boolean;
  inspector_count: number;
}

const precinctColumns = sql`p.id, p.code, p.name, p.district_id, d.name as district_name, d.approximate as district_approximate,
  p.population, p.population_year, p.synthetic,
  (select count(*)::int from ${inspectors} i where i.precinct_id = p.id and i.active) as inspector_count`;

function precinctSummary(r: PrecinctRow, norms: WorkloadNorms): PrecinctSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    district: { id: r.district_id, name: r.district_name, approximate: r.district_approximate },
    population: r.population,
    populationYear: r.population_year,
    workload: workload(r.population, r.inspector_count, norms),
    synthetic: r.synthetic,
  };
}

interface InspectorRow {
  id: string;
  name: LocalizedText;
  rank: LocalizedText;
  position: LocalizedText;
  phone: string;
  messengers: MessengerLink[];
  photo_sha: string | null;
  synthetic: boolean;
  precinct_id: string | null;
  precinct_code: string | null;
  precinct_name: LocalizedText | null;
  district_id: string | null;
  district_name: LocalizedText | null;
  district_approximate: boolean | null;
  rp_id: string | null;
  rp_kind: ReceptionKind | null;
  rp_name: LocalizedText | null;
  rp_address: LocalizedText | null;
  rp_lon: number | null;
  rp_lat: number | null;
  rp_district_id: string | null;
  rp_phone: string | null;
  rp_all_day: boolean | null;
  rp_hours: WeeklyHours[] | null;
  rp_exceptions: HoursException[] | null;
  rp_synthetic: boolean | null;
}

const inspectorSelect = sql`select i.id, i.name, i.rank, i.position, i.phone, i.messengers, i.photo_sha, i.synthetic,
    p.id as precinct_id, p.code as precinct_code, p.name as precinct_name,
    d.id as district_id, d.name as district_name, d.approximate as district_approximate,
    r.id as rp_id, r.kind as rp_kind, r.name as rp_name, r.address as rp_address, ST_X(r.location) as rp_lon, ST_Y(r.location) as rp_lat,
    r.district_id as rp_district_id, r.phone as rp_phone, r.all_day as rp_all_day, r.hours as rp_hours, r.exceptions as rp_exceptions, r.synthetic as rp_synthetic
  from ${inspectors} i
  left join ${precincts} p on p.id = i.precinct_id
  left join ${districts} d on d.id = p.district_id
  left join ${receptionPoints} r on r.id = i.reception_point_id`;

/** A reception point as stored, before its opening state at a moment is worked out. */
interface ReceptionPoint {
  id: string;
  kind: ReceptionKind;
  name: LocalizedText;
  address: LocalizedText;
  lon: number;
  lat: number;
  districtId: string | null;
  phone: string | null;
  allDay: boolean;
  hours: WeeklyHours[];
  exceptions: HoursException[];
  synthetic: boolean;
}

function receptionView(r: ReceptionPoint, now: Date): ReceptionPointView {
  const state = openingState(r, now);
  return { ...r, lon: Number(r.lon), lat: Number(r.lat), openNow: state.open, today: state.today };
}

function inspectorCard(r: InspectorRow, now: Date): InspectorCard {
  return {
    id: r.id,
    name: r.name,
    rank: r.rank,
    position: r.position,
    phone: r.phone,
    messengers: r.messengers,
    photoUrl: r.photo_sha ? `/api/v1/inspectors/${r.id}/photo.jpg?v=${r.photo_sha.slice(0, 12)}` : null,
    sheetUrls: { ru: `/api/v1/inspectors/${r.id}/sheet.pdf?lang=ru`, kk: `/api/v1/inspectors/${r.id}/sheet.pdf?lang=kk` },
    precinct: r.precinct_id ? { id: r.precinct_id, code: r.precinct_code!, name: r.precinct_name! } : null,
    district: r.district_id ? { id: r.district_id, name: r.district_name!, approximate: r.district_approximate! } : null,
    reception: r.rp_id
      ? receptionView(
          {
            id: r.rp_id,
            kind: r.rp_kind!,
            name: r.rp_name!,
            address: r.rp_address!,
            lon: r.rp_lon!,
            lat: r.rp_lat!,
            districtId: r.rp_district_id,
            phone: r.rp_phone,
            allDay: r.rp_all_day!,
            hours: r.rp_hours!,
            exceptions: r.rp_exceptions!,
            synthetic: r.rp_synthetic!,
          },
          now,
        )
      : null,
    synthetic: r.synthetic,
  };
}

/** The precinct that contains a point (a point on a shared edge belongs to the lower code), or null. */
export async function precinctAt(db: DbOrTx, lon: number, lat: number): Promise<{ id: string; code: string; name: LocalizedText; districtId: string } | null> {
  const rows = await queryRows<{ id: string; code: string; name: LocalizedText; district_id: string }>(
    db,
    sql`select id, code, name, district_id from ${precincts} where ST_Intersects(geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)) order by code limit 1`,
  );
  const r = rows[0];
  return r ? { id: r.id, code: r.code, name: r.name, districtId: r.district_id } : null;
}

/** A precinct by id, for routing an appeal filed from an inspector card. */
export async function precinctById(db: DbOrTx, id: string): Promise<{ id: string; code: string; name: LocalizedText; districtId: string } | null> {
  const [r] = await db.select({ id: precincts.id, code: precincts.code, name: precincts.name, districtId: precincts.districtId }).from(precincts).where(eq(precincts.id, id));
  return r ?? null;
}

export function outsideCity(lon: number, lat: number): AppError {
  return new AppError('outside_city', `The point ${lat.toFixed(5)}, ${lon.toFixed(5)} (lat, lon) is outside every precinct of the city; check the place or choose it on the map`, 'lat');
}

/**
 * "Which precinct is this point in": the precinct, its workload and its inspectors' cards, as JSON text.
 * Points strictly inside one precinct are found in memory (precincts.locator.ts); the rest ask PostGIS.
 */
export async function locateJson(db: Db, lon: number, lat: number, now = new Date()): Promise<string> {
  const snapshot = await locatorCache.get(db);
  let id = snapshot.find(lon, lat);
  if (id === undefined) {
    const found = await precinctAt(db, lon, lat);
    if (!found) throw outsideCity(lon, lat);
    id = found.id;
  }
  let body = snapshot.bodies.get(id);
  if (!body || body.validUntil <= now.getTime()) body = await answerBody(db, snapshot, id, now);
  return withPoint(lon, lat, body.json);
}

/**
 * The same answer without waiting, when it is already at hand: the locator is loaded, the point lies
 * strictly inside one precinct and that precinct's answer is current. Otherwise undefined (ask `locateJson`).
 */
export function locateJsonCached(db: Db, lon: number, lat: number, now = Date.now()): string | undefined {
  const snapshot = locatorCache.peek(db);
  const id = snapshot?.find(lon, lat);
  const body = id === undefined ? undefined : snapshot!.bodies.get(id);
  return body && body.validUntil > now ? withPoint(lon, lat, body.json) : undefined;
}

function withPoint(lon: number, lat: number, json: string): string {
  return `{"point":{"lon":${JSON.stringify(lon)},"lat":${JSON.stringify(lat)}},${json}`;
}

/**
 * Builds (once, however many requests ask at the same moment) the serialised answer of one precinct. It
 * shows whether each reception point is open now, so it stays valid until the next opening, closing or
 * midnight among them.
 */
function answerBody(db: Db, snapshot: LocatorSnapshot, id: string, now: Date): Promise<{ validUntil: number; json: string }> {
  let pending = snapshot.pending.get(id);
  if (!pending) {
    pending = (async () => {
      const answer = await precinctAnswer(db, id, now);
      const changes = answer.inspectors.flatMap((c) => (c.reception ? [nextOpeningChange(c.reception, now).getTime()] : []));
      const validUntil = Math.min(now.getTime() + 3_600_000, ...changes);
      const body = { validUntil, json: JSON.stringify(locateResponseSchema.parse({ point: { lon: 0, lat: 0 }, ...answer })).slice('{"point":{"lon":0,"lat":0},'.length) };
      snapshot.bodies.set(id, body);
      return body;
    })().finally(() => snapshot.pending.delete(id));
    snapshot.pending.set(id, pending);
  }
  return pending;
}

/** The object form of the same answer (tests and callers that need it parsed). */
export async function locate(db: Db, lon: number, lat: number, now = new Date()) {
  return JSON.parse(await locateJson(db, lon, lat, now)) as { point: { lon: number; lat: number }; precinct: PrecinctSummary; inspectors: InspectorCard[] };
}

async function precinctAnswer(db: Db, id: string, now: Date) {
  const rows = await queryRows<PrecinctRow>(db, sql`select ${precinctColumns} from ${precincts} p join ${districts} d on d.id = p.district_id where p.id = ${id}`);
  const row = rows[0]!;
  const [norms, cards] = await Promise.all([workloadNorms(db), inspectorCards(db, sql`i.precinct_id = ${row.id} and i.active`, now)]);
  return { precinct: precinctSummary(row, norms), inspectors: cards };
}

/** One process on an embedded database keeps the locator and the norms until a write; on PostgreSQL they re-check every 2 s. */
export function configurePrecinctsCache(options: { ttlMs: number }): void {
  locatorCache.configure(options);
  normsCache.configure(options);
}

/** Every write that changes what a locate answer shows calls this after its commit. */
export function invalidateLocator(): void {
  locatorCache.invalidate();
}

async function inspectorCards(db: DbOrTx, where: ReturnType<typeof sql>, now = new Date()): Promise<InspectorCard[]> {
  const rows = await queryRows<InspectorRow>(db, sql`${inspectorSelect} where ${where} order by p.code nulls last, i.name->>'ru'`);
  return rows.map((r) => inspectorCard(r, now));
}

export async function inspectorById(db: DbOrTx, id: string): Promise<InspectorCard> {
  const [card] = await inspectorCards(db, sql`i.id = ${id}`);
  if (!card) throw notFound(`inspector ${id}`);
  return card;
}

export async function listInspectors(db: DbOrTx, filter: { district?: string | undefined; q?: string | undefined }): Promise<InspectorCard[]> {
  const conditions = [sql`i.active`];
  if (filter.district) conditions.push(sql`p.district_id = ${filter.district}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(i.name->>'ru' ilike ${like} or i.name->>'kk' ilike ${like} or i.name->>'en' ilike ${like} or p.code ilike ${like})`);
  }
  return inspectorCards(db, sql.join(conditions, sql` and `));
}

export async function listPrecincts(db: Db, district?: string): Promise<PrecinctSummary[]> {
  const norms = await workloadNorms(db);
  const rows = await queryRows<PrecinctRow>(
    db,
    sql`select ${precinctColumns} from ${precincts} p join ${districts} d on d.id = p.district_id
        ${district ? sql`where p.district_id = ${district}` : sql``} order by p.code`,
  );
  return rows.map((r) => precinctSummary(r, norms));
}

export async function precinctDetail(db: Db, id: string) {
  const rows = await queryRows<PrecinctRow & { geometry: string }>(
    db,
    sql`select ${precinctColumns}, ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(p.geom, 0.0001)), 6) as geometry
        from ${precincts} p join ${districts} d on d.id = p.district_id where p.id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw notFound(`precinct '${id}'`);
  const norms = await workloadNorms(db);
  return {
    ...precinctSummary(row, norms),
    inspectors: await inspectorCards(db, sql`i.precinct_id = ${id} and i.active`),
    geometry: JSON.parse(row.geometry) as { type: 'MultiPolygon'; coordinates: number[][][][] },
  };
}

/** Precinct outlines with their load level, for the maps (simplified to about 10 m). */
export async function precinctsGeoJson(db: Db) {
  const norms = await workloadNorms(db);
  const rows = await queryRows<PrecinctRow & { geometry: string }>(
    db,
    sql`select ${precinctColumns}, ST_AsGeoJSON(ST_SimplifyPreserveTopology(p.geom, 0.0001), 5) as geometry
        from ${precincts} p join ${districts} d on d.id = p.district_id order by p.code`,
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => {
      const w = workload(r.population, r.inspector_count, norms);
      return {
        type: 'Feature' as const,
        id: r.id,
        properties: { id: r.id, code: r.code, name: r.name, districtId: r.district_id, population: r.population, perInspector: w.perInspector, level: w.level, inspectors: r.inspector_count, synthetic: r.synthetic },
        geometry: JSON.parse(r.geometry) as object,
      };
    }),
  };
}

export async function listReceptionPoints(db: DbOrTx, kind?: ReceptionKind, now = new Date()): Promise<ReceptionPointView[]> {
  const rows = await queryRows<ReceptionPoint>(
    db,
    sql`select id, kind, name, address, ST_X(location) as lon, ST_Y(location) as lat, district_id as "districtId", phone, all_day as "allDay", hours, exceptions, synthetic
        from ${receptionPoints} ${kind ? sql`where kind = ${kind}` : sql``} order by kind, name->>'ru'`,
  );
  return rows.map((r) => receptionView(r, now));
}

/** Residents per inspector for every precinct, district and the city against the norms (п.9). */
export async function workloadReport(db: Db) {
  const [norms, summaries, districtRows] = await Promise.all([
    workloadNorms(db),
    listPrecincts(db),
    db.select({ id: districts.id, name: districts.name, approximate: districts.approximate }).from(districts).orderBy(asc(districts.code)),
  ]);
  const parts = summaries.map((s) => ({ districtId: s.district.id, population: s.population, inspectors: s.workload.inspectors, synthetic: s.synthetic }));
  return {
    norms,
    city: totalWorkload(parts, norms),
    districts: districtRows.map((d) => {
      const mine = parts.filter((p) => p.districtId === d.id);
      return { district: d, workload: totalWorkload(mine, norms), precincts: mine.length };
    }),
    reported: {
      item: 'п.9' as const,
      additionalNeeded: 390,
      perInspector2020: '7000–8000',
      normOrder: 'Приказ МВД РК №1026 от 14.12.2015: 2 300 жителей городского населения на 1 УИП',
    },
    synthetic: parts.some((p) => p.synthetic),
  };
}

// ---- Addresses ---------------------------------------------------------------------------------

let addressIndexCache: { index: ReturnType<typeof buildAddressIndex>; at: number } | null = null;
const ADDRESS_INDEX_TTL_MS = 60_000;

export function invalidateAddressIndex(): void {
  addressIndexCache = null;
}

async function addressIndex(db: DbOrTx) {
  if (addressIndexCache && Date.now() - addressIndexCache.at < ADDRESS_INDEX_TTL_MS) return addressIndexCache.index;
  const rows = await queryRows<{ id: string; street: string; house: string; street_key: string; house_key: string; lon: number; lat: number; synthetic: boolean }>(
    db,
    sql`select id::text as id, street, house, street_key, house_key, ST_X(location) as lon, ST_Y(location) as lat, synthetic from ${addressRegister}`,
  );
  const index = buildAddressIndex(
    rows.map((r): AddressRow & { synthetic: boolean } => ({ id: r.id, street: r.street, house: r.house, streetKey: r.street_key, houseKey: r.house_key, lon: Number(r.lon), lat: Number(r.lat), synthetic: r.synthetic })),
  );
  addressIndexCache = { index, at: Date.now() };
  return index;
}

/** Address text → register matches, each with the precinct its point falls in. */
export async function searchAddresses(db: DbOrTx, q: string) {
  const index = await addressIndex(db);
  const matches = matchAddress(q, index, 5);
  if (matches.length === 0) return [];
  const values = sql.join(
    matches.map((m, i) => sql`(${i}::int, ${m.row.lon}::float8, ${m.row.lat}::float8)`),
    sql`, `,
  );
  const located = await queryRows<{ i: number; id: string | null; code: string | null; name: LocalizedText | null }>(
    db,
    sql`select v.i, p.id, p.code, p.name from (values ${values}) as v(i, lon, lat)
        left join lateral (select id, code, name from ${precincts} where ST_Intersects(geom, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)) order by code limit 1) p on true`,
  );
  const byIndex = new Map(located.map((r) => [Number(r.i), r]));
  return matches.map((m, i) => {
    const p = byIndex.get(i);
    return {
      street: m.row.street,
      house: m.row.house,
      lon: m.row.lon,
      lat: m.row.lat,
      exact: m.exact,
      score: m.score,
      precinct: p?.id ? { id: p.id, code: p.code!, name: p.name! } : null,
      synthetic: Boolean((m.row as AddressRow & { synthetic?: boolean }).synthetic),
    };
  });
}

// ---- Editing ---------------------------------------------------------------------------------

function assertDistrictScope(actor: AuditActor, districtId: string | null): void {
  if (actor.unit === 'city') return;
  if (!districtId || actor.unit !== `district:${districtId}`) throw new AppError('forbidden', `this account serves ${actor.unit.replace('district:', '')} and cannot change inspectors of another district`);
}

export interface InspectorPatch {
  phone?: string | undefined;
  messengers?: MessengerLink[] | undefined;
  precinctId?: string | null | undefined;
  receptionPointId?: string | null | undefined;
  active?: boolean | undefined;
  reason: string;
}

/** Changes an inspector's contacts or assignment; audited with the reason (an assignment is public record). */
export async function patchInspector(db: Db, actor: AuditActor, id: string, patch: InspectorPatch): Promise<InspectorCard> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspectors).where(eq(inspectors.id, id)).for('update');
    if (!before) throw notFound(`inspector ${id}`);
    const currentDistrict = before.precinctId ? (await precinctById(tx, before.precinctId))?.districtId ?? null : null;
    assertDistrictScope(actor, currentDistrict);
    const set: Partial<typeof inspectors.$inferInsert> = { updatedAt: new Date() };
    if (patch.phone !== undefined) {
      const phone = normalizeKzPhone(patch.phone);
      if (!phone) throw invalid('phone', `'${patch.phone.slice(0, 30)}' is not a Kazakhstan phone number (+7 7XX XXX XX XX)`);
      set.phone = phone;
    }
    if (patch.messengers !== undefined) set.messengers = patch.messengers;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.precinctId !== undefined) {
      if (patch.precinctId !== null) {
        const target = await precinctById(tx, patch.precinctId);
        if (!target) throw invalid('precinctId', `no precinct '${patch.precinctId}'`);
        assertDistrictScope(actor, target.districtId);
      }
      set.precinctId = patch.precinctId;
    }
    if (patch.receptionPointId !== undefined) {
      if (patch.receptionPointId !== null) {
        const [rp] = await tx.select({ id: receptionPoints.id }).from(receptionPoints).where(eq(receptionPoints.id, patch.receptionPointId));
        if (!rp) throw invalid('receptionPointId', `no reception point ${patch.receptionPointId}`);
      }
      set.receptionPointId = patch.receptionPointId;
    }
    await tx.update(inspectors).set(set).where(eq(inspectors.id, id));
    const pick = (r: typeof before) => ({ phone: r.phone, messengers: r.messengers, precinctId: r.precinctId, receptionPointId: r.receptionPointId, active: r.active });
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'inspector',
      entityId: id,
      before: pick(before),
      after: { ...pick({ ...before, ...set } as typeof before), reason: patch.reason },
    });
  });
  invalidateLocator();
  return inspectorById(db, id);
}

export async function setInspectorPhoto(db: Db, actor: AuditActor, id: string, sha256: string): Promise<InspectorCard> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ photoSha: inspectors.photoSha, precinctId: inspectors.precinctId }).from(inspectors).where(eq(inspectors.id, id)).for('update');
    if (!before) throw notFound(`inspector ${id}`);
    const district = before.precinctId ? (await precinctById(tx, before.precinctId))?.districtId ?? null : null;
    assertDistrictScope(actor, district);
    await tx.update(inspectors).set({ photoSha: sha256, updatedAt: new Date() }).where(eq(inspectors.id, id));
    await recordAudit(tx, actor, { action: 'update', entity: 'inspector_photo', entityId: id, before: { photoSha: before.photoSha }, after: { photoSha: sha256 } });
  });
  invalidateLocator();
  return inspectorById(db, id);
}

export async function inspectorPhotoSha(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ photoSha: inspectors.photoSha }).from(inspectors).where(eq(inspectors.id, id));
  if (!row) throw notFound(`inspector ${id}`);
  return row.photoSha;
}

/**
 * An inspector's portrait bytes. A demo portrait is generated from the name when the store lacks it (a
 * database copied without its photo folder), so synthetic cards never show a broken image.
 */
export async function inspectorPhoto(db: DbOrTx, photos: PhotoStore, id: string, sha: string): Promise<Buffer | null> {
  const stored = await photos.read(sha);
  if (stored) return stored;
  const [row] = await db.select({ name: inspectors.name, synthetic: inspectors.synthetic }).from(inspectors).where(eq(inspectors.id, id));
  if (!row?.synthetic) return null;
  const { demoPortraitFor } = await import('./precincts.demo.js');
  const portrait = await demoPortraitFor(row.name.ru);
  if (portrait.sha256 === sha) await photos.put(portrait.bytes, portrait.sha256);
  return portrait.bytes;
}

export async function setReceptionHours(db: Db, actor: AuditActor, id: string, input: { hours: WeeklyHours[]; exceptions: HoursException[]; allDay: boolean }): Promise<ReceptionPointView> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ hours: receptionPoints.hours, exceptions: receptionPoints.exceptions, allDay: receptionPoints.allDay, districtId: receptionPoints.districtId }).from(receptionPoints).where(eq(receptionPoints.id, id)).for('update');
    if (!before) throw notFound(`reception point ${id}`);
    assertDistrictScope(actor, before.districtId);
    await tx.update(receptionPoints).set({ ...input, updatedAt: new Date() }).where(eq(receptionPoints.id, id));
    await recordAudit(tx, actor, { action: 'update', entity: 'reception_hours', entityId: id, before: { hours: before.hours, exceptions: before.exceptions, allDay: before.allDay }, after: input });
  });
  invalidateLocator();
  const all = await listReceptionPoints(db);
  return all.find((p) => p.id === id)!;
}

/** The inspector linked to a staff account (their precinct is their appeals queue). */
export async function precinctOfUser(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ precinctId: inspectors.precinctId }).from(inspectors).where(and(eq(inspectors.userId, userId), eq(inspectors.active, true)));
  return row?.precinctId ?? null;
}

/** Every precinct's id, code and name (for routing selects). */
export async function precinctRefs(db: DbOrTx) {
  return db.select({ id: precincts.id, code: precincts.code, name: precincts.name, districtId: precincts.districtId }).from(precincts).orderBy(asc(precincts.code));
}

/** The codes of these precincts, by id (lists that show where an item was routed). */
export async function precinctCodes(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: precincts.id, code: precincts.code }).from(precincts).where(inArray(precincts.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Every address of the register with the precinct and district it lies in (the demo places appeals there). */
export async function registerAddressPlaces(db: DbOrTx): Promise<{ lon: number; lat: number; precinctId: string; districtId: string }[]> {
  const rows = await queryRows<{ lon: number; lat: number; precinct_id: string; district_id: string }>(
    db,
    sql`select ST_X(a.location) as lon, ST_Y(a.location) as lat, p.id as precinct_id, p.district_id from ${addressRegister} a
        join ${precincts} p on ST_Intersects(p.geom, a.location) order by a.id`,
  );
  return rows.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat), precinctId: r.precinct_id, districtId: r.district_id }));
}
