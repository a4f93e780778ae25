// Tows (п.24): a tow operator registers a tow; in the same transaction the owner's SMS is queued (or the
// tow is flagged for the duty officer's call); the car reaches the lot and is released, or the tow is
// cancelled. The owner looks the car up with the plate and the code from the SMS. Every change is audited;
// the audit names plates, lots and counts, never an owner's phone or name.
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { unitOf } from '../platform/auth/roles.js';
import { queryRows, type Db, type DbOrTx, type Tx } from '../platform/db/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { cityToday } from '../platform/calendar/working-calendar.js';
import { districtAt, districtExists } from '../platform/geography/geography.service.js';
import type { LocalizedText } from '../platform/db/columns.js';
import type { ProcessedPhoto } from '../platform/images/photos.js';
import { enqueueMessage, messagesQueued } from '../platform/notify/outbox.js';
import { messageEvents, messages } from '../platform/platform.tables.js';
import { displayPlate, normalizePlate, plateCharactersValid } from './plates.js';
import {
  defaultTemplates,
  formatTenge,
  hashSecret,
  LOOKUP_DAYS,
  LOOKUP_FAILURES_PER_HOUR,
  newCode,
  newLinkToken,
  newSalt,
  nextStatus,
  renderTemplate,
  secretMatches,
  smsLink,
  templateFields,
  templatePreview,
  unknownPlaceholders,
  type TemplateLang,
  type TemplatePurpose,
  type TowAction,
  type TowStatus,
} from './towing.domain.js';
import { databaseRegistry, type VehicleRegistry } from './towing.registry.js';
import type { RegisterTowBody } from './towing.schema.js';
import { impoundLots, towLookupFailures, towPhotos, towReasons, tows, towTemplates, type Tow } from './towing.tables.js';

export interface TowingContext {
  /** The public address of the site, for the link in the SMS. */
  publicUrl: string;
  registry?: VehicleRegistry;
}

const ALMATY = 'Asia/Almaty';
const actorOf = (p: Principal): AuditActor => ({ role: p.role, unit: unitOf(p.scope), userId: p.userId });

/** The district a staff account may act in: its own, or any for a city-wide account. */
function assertDistrict(principal: Principal, districtId: string): void {
  if (principal.scope.kind === 'district' && principal.scope.districtId !== districtId) throw new AppError('forbidden', 'this tow belongs to another district');
}

// ---- Reference data -------------------------------------------------------------------------------

export async function listLots(db: DbOrTx) {
  const rows = await queryRows<{ id: string; code: string; name: never; address: never; hours: never; phone: string; district_id: string | null; lon: number; lat: number; synthetic: boolean; active: boolean }>(
    db,
    sql`select id, code, name, address, hours, phone, district_id, ST_X(location) as lon, ST_Y(location) as lat, synthetic, active from ${impoundLots} order by code`,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, address: r.address, hours: r.hours, phone: r.phone, districtId: r.district_id, lon: Number(r.lon), lat: Number(r.lat), synthetic: r.synthetic, active: r.active }));
}

async function lotById(db: DbOrTx, id: string) {
  const [row] = await queryRows<{ code: string; name: LocalizedText; address: LocalizedText; hours: LocalizedText; phone: string; lon: number; lat: number }>(
    db,
    sql`select code, name, address, hours, phone, ST_X(location) as lon, ST_Y(location) as lat from ${impoundLots} where id = ${id}`,
  );
  return row ? { ...row, lon: Number(row.lon), lat: Number(row.lat) } : null;
}

export async function listReasons(db: DbOrTx) {
  const rows = await db.select().from(towReasons).where(eq(towReasons.active, true)).orderBy(asc(towReasons.sortOrder), asc(towReasons.code));
  return rows.map((r) => ({ code: r.code, article: r.article, text: r.text, synthetic: r.synthetic }));
}

// ---- Templates --------------------------------------------------------------------------------------

async function templateText(db: DbOrTx, purpose: TemplatePurpose, lang: TemplateLang): Promise<string> {
  const [row] = await db.select({ text: towTemplates.text }).from(towTemplates).where(and(eq(towTemplates.purpose, purpose), eq(towTemplates.lang, lang)));
  return row?.text ?? defaultTemplates[purpose][lang];
}

/** Values that show a template's real length: the longest lot address and reason the service holds. */
async function sampleValues(db: DbOrTx, lang: TemplateLang, publicUrl: string): Promise<Record<string, string>> {
  const lots = await listLots(db);
  const reasons = await listReasons(db);
  const longest = <T>(items: T[], text: (item: T) => string) => items.reduce<T | null>((best, item) => (best === null || text(item).length > text(best).length ? item : best), null);
  const lot = longest(lots, (l) => l.address[lang]);
  const reason = longest(reasons, (r) => r.article[lang]);
  return {
    plate: '123 ABC 02',
    reason: reason?.article[lang] ?? 'ст. 597 ч. 1 КоАП',
    fine: formatTenge(17_250),
    lot: lot?.name[lang] ?? '',
    address: lot?.address[lang] ?? '',
    hours: lot?.hours[lang] ?? '',
    phone: lot?.phone ?? '',
    code: '123456',
    link: smsLink(publicUrl, 'Ab3dE9xY'),
    time: '14:30',
  };
}

export async function listTemplates(db: DbOrTx, publicUrl: string) {
  const samples = { ru: await sampleValues(db, 'ru', publicUrl), kk: await sampleValues(db, 'kk', publicUrl) };
  const out = [];
  for (const purpose of ['notice', 'released'] as const) {
    for (const lang of ['ru', 'kk'] as const) {
      const text = await templateText(db, purpose, lang);
      const preview = templatePreview(text, samples[lang]);
      out.push({ purpose, lang, text, isDefault: text === defaultTemplates[purpose][lang], defaultText: defaultTemplates[purpose][lang], fields: [...templateFields[purpose]], preview: { text: preview.text, ...preview.shape } });
    }
  }
  return out;
}

/** What a text would look like as an SMS, before it is saved (the editor calls this as the text changes). */
export async function previewTemplate(db: DbOrTx, purpose: TemplatePurpose, lang: TemplateLang, text: string, publicUrl: string) {
  const preview = templatePreview(text, await sampleValues(db, lang, publicUrl));
  const unknown = unknownPlaceholders(purpose, text);
  return { text: preview.text, ...preview.shape, unknownPlaceholders: unknown, missing: purpose === 'notice' ? ['code', 'link'].filter((f) => !text.includes(`{${f}}`)) : [] };
}

export async function saveTemplate(db: Db, principal: Principal, purpose: TemplatePurpose, lang: TemplateLang, text: string, publicUrl: string) {
  const unknown = unknownPlaceholders(purpose, text);
  if (unknown.length > 0) throw invalid('text', `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}; use ${templateFields[purpose].map((f) => `{${f}}`).join(', ')}`);
  if (purpose === 'notice' && !(text.includes('{code}') && text.includes('{link}'))) throw invalid('text', 'the notice must carry {code} and {link}: without them the owner cannot find the car');
  await db.transaction(async (tx) => {
    const before = await templateText(tx, purpose, lang);
    await tx
      .insert(towTemplates)
      .values({ purpose, lang, text, updatedBy: principal.userId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [towTemplates.purpose, towTemplates.lang], set: { text, updatedBy: principal.userId, updatedAt: new Date() } });
    await recordAudit(tx, actorOf(principal), { action: 'update', entity: 'tow_template', entityId: `${purpose}:${lang}`, before: { text: before }, after: { text } });
  });
  return (await listTemplates(db, publicUrl)).find((t) => t.purpose === purpose && t.lang === lang)!;
}

// ---- Registering a tow ------------------------------------------------------------------------------

export interface RegisteredTow {
  tow: Tow;
  /** The owner's SMS was queued (false: no contact, the duty officer must call). */
  smsQueued: boolean;
}

export async function registerTow(db: Db, principal: Principal, body: RegisterTowBody, photos: ProcessedPhoto[], context: TowingContext): Promise<RegisteredTow> {
  const { plate, format } = normalizePlate(body.plate);
  if (!plateCharactersValid(plate)) throw invalid('plate', 'a plate is letters and digits, e.g. 123 ABC 02');
  if (!format && !body.plateOverride) throw invalid('plate', `${body.plate.trim()} fits no Kazakhstan plate format (123 ABC 02, 123 AB 02, A 123 BCD); to register it anyway give plateOverride.reason`);
  const towedAt = new Date(body.towedAt);
  if (towedAt.getTime() > Date.now() + 5 * 60_000) throw invalid('towedAt', 'the tow time is in the future');
  if (towedAt.getTime() < Date.now() - 7 * 86_400_000) throw invalid('towedAt', 'a tow is registered within 7 days');
  const [lot] = await db.select().from(impoundLots).where(eq(impoundLots.id, body.lotId));
  if (!lot || !lot.active) throw invalid('lotId', 'no such impound lot');
  const [reason] = await db.select().from(towReasons).where(and(eq(towReasons.code, body.reasonCode), eq(towReasons.active, true)));
  if (!reason) throw invalid('reasonCode', 'no such reason');
  // The district: a district account's own; a city account names it, or the place (or the lot) decides.
  let districtId: string | null;
  if (principal.scope.kind === 'district') {
    if (body.districtId && body.districtId !== principal.scope.districtId) throw new AppError('forbidden', 'a district account registers tows of its own district');
    districtId = principal.scope.districtId;
  } else {
    districtId = body.districtId ?? (body.place ? await districtAt(db, body.place.lon, body.place.lat) : null) ?? lot.districtId;
    if (!districtId) throw invalid('districtId', 'give the district of the tow');
    if (!(await districtExists(db, districtId))) throw invalid('districtId', 'no such district');
  }
  const registry = context.registry ?? databaseRegistry(db);
  const owner = await registry.ownerOf(plate);
  const code = newCode();
  const salt = newSalt();
  const token = newLinkToken();
  const tow = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tows)
      .values({
        plate,
        plateAsWritten: body.plate.trim(),
        plateFormat: format ?? 'override',
        plateOverrideReason: format ? null : body.plateOverride!.reason,
        make: body.make,
        colour: body.colour,
        towedFrom: body.place ? (sql`ST_SetSRID(ST_MakePoint(${body.place.lon}, ${body.place.lat}), 4326)` as unknown as string) : null,
        towedFromAddress: body.address ?? null,
        towedAt,
        reasonCode: reason.code,
        fine: body.fine,
        lotId: lot.id,
        truck: body.truck,
        districtId: districtId!,
        ownerContact: owner ? 'registry' : 'none',
        ownerLang: owner?.lang ?? 'ru',
        needsCall: !owner,
        linkToken: token,
        codeSalt: salt,
        codeHash: hashSecret(salt, code),
        phoneLast4Hash: owner ? hashSecret(salt, owner.phone.slice(-4)) : null,
        createdBy: principal.userId,
      })
      .returning();
    const created = row!;
    for (const [i, photo] of photos.entries()) await tx.insert(towPhotos).values({ towId: created.id, position: i + 1, hash: photo.sha256, width: photo.width, height: photo.height });
    if (owner) {
      const lang = owner.lang;
      const text = renderTemplate(await templateText(tx, 'notice', lang), {
        plate: displayPlate(plate),
        reason: reason.article[lang],
        fine: formatTenge(body.fine),
        lot: lot.name[lang],
        address: lot.address[lang],
        hours: lot.hours[lang],
        phone: lot.phone,
        code,
        link: smsLink(context.publicUrl, token),
      });
      await enqueueMessage(tx, { channel: 'sms', recipient: owner.phone, text, purpose: 'tow.notice', refId: created.id, idempotencyKey: `tow:${created.id}:notice`, validHours: 24 });
    }
    await recordAudit(tx, actorOf(principal), {
      action: 'create',
      entity: 'tow',
      entityId: created.id,
      before: null,
      after: { plate, lot: lot.code, reason: reason.code, fine: body.fine, status: created.status, district: districtId, photos: photos.length, sms: owner ? 'queued' : 'no contact: call' },
    });
    return created;
  });
  if (owner) messagesQueued();
  return { tow, smsQueued: owner !== null };
}

// ---- Steps after the tow ----------------------------------------------------------------------------

async function lockedTow(tx: Tx, principal: Principal, id: string): Promise<Tow> {
  const [row] = await tx.select().from(tows).where(eq(tows.id, id)).for('update');
  if (!row) throw notFound('tow');
  assertDistrict(principal, row.districtId);
  return row;
}

export async function changeTow(
  db: Db,
  principal: Principal,
  id: string,
  action: TowAction,
  body: { releasedTo?: string | undefined; documents?: string | undefined; reason?: string | undefined },
): Promise<Tow> {
  const changed = await db.transaction(async (tx) => {
    const tow = await lockedTow(tx, principal, id);
    const next = nextStatus(tow.status as TowStatus, action);
    if (!next) throw new AppError('conflict', `a tow that is ${tow.status.replace('_', ' ')} cannot be ${action === 'at_lot' ? 'marked at the lot' : action === 'release' ? 'released' : 'cancelled'}`);
    const now = new Date();
    const patch: Partial<typeof tows.$inferInsert> = { status: next, updatedAt: now };
    if (action === 'at_lot') patch.atLotAt = now;
    if (action === 'release') Object.assign(patch, { releasedAt: now, releasedTo: body.releasedTo!, releaseDocuments: body.documents! });
    if (action === 'cancel') Object.assign(patch, { cancelledAt: now, cancelReason: body.reason! });
    const [row] = await tx.update(tows).set(patch).where(eq(tows.id, id)).returning();
    if (action === 'release' && tow.ownerContact === 'registry') {
      const owner = await databaseRegistry(tx).ownerOf(tow.plate);
      if (owner) {
        const time = new Intl.DateTimeFormat('ru-RU', { timeZone: ALMATY, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(now);
        const text = renderTemplate(await templateText(tx, 'released', owner.lang), { plate: displayPlate(tow.plate), time });
        await enqueueMessage(tx, { channel: 'sms', recipient: owner.phone, text, purpose: 'tow.released', refId: tow.id, idempotencyKey: `tow:${tow.id}:released`, validHours: 12 });
      }
    }
    // Who collected the car is personal data: the audit says that it was recorded, not the name.
    const detail = action === 'release' ? { releasedTo: 'recorded', documents: 'recorded' } : action === 'cancel' ? { reason: body.reason } : {};
    await recordAudit(tx, actorOf(principal), { action, entity: 'tow', entityId: id, before: { status: tow.status }, after: { status: next, ...detail } });
    return row!;
  });
  if (action === 'release') messagesQueued();
  return changed;
}

/** The duty officer called the owner of a tow without an SMS contact (or whose SMS failed). */
export async function recordCall(db: Db, principal: Principal, id: string, note: string): Promise<Tow> {
  return db.transaction(async (tx) => {
    const tow = await lockedTow(tx, principal, id);
    if (tow.status === 'cancelled') throw new AppError('conflict', 'the tow was cancelled');
    const [row] = await tx.update(tows).set({ calledAt: new Date(), callNote: note, needsCall: false, updatedAt: new Date() }).where(eq(tows.id, id)).returning();
    await recordAudit(tx, actorOf(principal), { action: 'call', entity: 'tow', entityId: id, before: { needsCall: tow.needsCall }, after: { needsCall: false, called: true } });
    return row!;
  });
}

// ---- Staff lists --------------------------------------------------------------------------------------

/** Start and end (exclusive) of an Almaty day given as YYYY-MM-DD. */
async function dayBounds(db: DbOrTx, day: string): Promise<{ from: Date; to: Date }> {
  const [row] = await queryRows<{ f: Date | string; t: Date | string }>(
    db,
    sql`select (${day}::date)::timestamp at time zone ${ALMATY} as f, ((${day}::date) + 1)::timestamp at time zone ${ALMATY} as t`,
  );
  return { from: new Date(row!.f), to: new Date(row!.t) };
}


interface MessageState {
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'expired';
  attempts: number;
  sentAt: string | null;
  deliveredAt: string | null;
  failureReason: string | null;
}

async function noticeStates(db: DbOrTx, towIds: string[]): Promise<Map<string, MessageState>> {
  if (towIds.length === 0) return new Map();
  const rows = await db
    .select({ refId: messages.refId, status: messages.status, attempts: messages.attempts, sentAt: messages.sentAt, deliveredAt: messages.deliveredAt, failureReason: messages.failureReason })
    .from(messages)
    .where(and(eq(messages.purpose, 'tow.notice'), inArray(messages.refId, towIds)));
  return new Map(rows.map((r) => [r.refId!, { status: r.status as MessageState['status'], attempts: r.attempts, sentAt: r.sentAt?.toISOString() ?? null, deliveredAt: r.deliveredAt?.toISOString() ?? null, failureReason: r.failureReason }]));
}

function towSummary(tow: Tow, lots: Map<string, { code: string; name: LocalizedText }>, reasonArticles: Map<string, LocalizedText>, message: MessageState | null, photoCount: number) {
  const undelivered = message ? ['failed', 'expired'].includes(message.status) : tow.ownerContact === 'none';
  return {
    id: tow.id,
    plate: displayPlate(tow.plate),
    plateFormat: tow.plateFormat,
    make: tow.make,
    colour: tow.colour,
    towedAt: tow.towedAt.toISOString(),
    towedFromAddress: tow.towedFromAddress,
    status: tow.status as TowStatus,
    districtId: tow.districtId,
    lot: lots.get(tow.lotId) ?? null,
    reasonCode: tow.reasonCode,
    reasonArticle: reasonArticles.get(tow.reasonCode) ?? null,
    fine: tow.fine,
    truck: tow.truck,
    ownerContact: tow.ownerContact as 'registry' | 'none',
    message,
    /** The owner has not been reached: no contact, or the SMS failed or expired — and nobody has called yet. */
    toCall: tow.status !== 'cancelled' && undelivered && !tow.calledAt,
    calledAt: tow.calledAt?.toISOString() ?? null,
    photos: photoCount,
    synthetic: tow.synthetic,
  };
}

export type TowSummary = ReturnType<typeof towSummary>;

export async function listTows(db: DbOrTx, principal: Principal, query: { day?: string | undefined; toCall?: boolean | undefined }): Promise<{ day: string; items: TowSummary[] }> {
  const day = query.day ?? cityToday();
  const { from, to } = await dayBounds(db, day);
  const scope = principal.scope.kind === 'district' ? eq(tows.districtId, principal.scope.districtId) : undefined;
  const rows = await db
    .select()
    .from(tows)
    .where(and(scope, gte(tows.towedAt, from), lt(tows.towedAt, to)))
    .orderBy(desc(tows.towedAt))
    .limit(500);
  const items = await summaries(db, rows);
  return { day, items: query.toCall ? items.filter((i) => i.toCall) : items };
}

async function summaries(db: DbOrTx, rows: Tow[]): Promise<TowSummary[]> {
  const lots = new Map((await db.select({ id: impoundLots.id, code: impoundLots.code, name: impoundLots.name }).from(impoundLots)).map((l) => [l.id, { code: l.code, name: l.name }]));
  const reasons = new Map((await db.select({ code: towReasons.code, article: towReasons.article }).from(towReasons)).map((r) => [r.code, r.article]));
  const states = await noticeStates(db, rows.map((r) => r.id));
  const photoCounts = new Map<string, number>();
  if (rows.length > 0) {
    const counted = await db
      .select({ towId: towPhotos.towId, n: sql<number>`count(*)::int` })
      .from(towPhotos)
      .where(inArray(towPhotos.towId, rows.map((r) => r.id)))
      .groupBy(towPhotos.towId);
    for (const c of counted) photoCounts.set(c.towId, c.n);
  }
  return rows.map((r) => towSummary(r, lots, reasons, states.get(r.id) ?? null, photoCounts.get(r.id) ?? 0));
}

/** Tows whose owner has not been reached, any day: the duty officer's call list. */
export async function callList(db: DbOrTx, principal: Principal): Promise<TowSummary[]> {
  const scope = principal.scope.kind === 'district' ? eq(tows.districtId, principal.scope.districtId) : undefined;
  const since = new Date(Date.now() - LOOKUP_DAYS * 86_400_000);
  const rows = await db
    .select()
    .from(tows)
    .where(and(scope, gte(tows.towedAt, since), sql`${tows.status} <> 'cancelled'`, sql`${tows.calledAt} is null`))
    .orderBy(asc(tows.towedAt))
    .limit(500);
  return (await summaries(db, rows)).filter((t) => t.toCall);
}

export async function towDetail(db: DbOrTx, principal: Principal, id: string) {
  const [tow] = await db.select().from(tows).where(eq(tows.id, id));
  if (!tow) throw notFound('tow');
  assertDistrict(principal, tow.districtId);
  const [summary] = await summaries(db, [tow]);
  const events = await db
    .select({ at: messageEvents.at, kind: messageEvents.kind, providerStatus: messageEvents.providerStatus, detail: messageEvents.detail, attempt: messageEvents.attempt, purpose: messages.purpose })
    .from(messageEvents)
    .innerJoin(messages, eq(messages.id, messageEvents.messageId))
    .where(and(inArray(messages.purpose, ['tow.notice', 'tow.released']), eq(messages.refId, id)))
    .orderBy(asc(messageEvents.id)); // the order they were recorded in (a receipt's own time may precede its acceptance's by a clock tick)
  const [place] = tow.towedFrom ? await queryRows<{ lon: number; lat: number }>(db, sql`select ST_X(towed_from) as lon, ST_Y(towed_from) as lat from ${tows} where id = ${id}`) : [];
  const [reason] = await db.select().from(towReasons).where(eq(towReasons.code, tow.reasonCode));
  return {
    ...summary!,
    reason: reason ? { code: reason.code, article: reason.article, text: reason.text } : null,
    lotDetail: await lotById(db, tow.lotId),
    plateAsWritten: tow.plateAsWritten,
    plateOverrideReason: tow.plateOverrideReason,
    place: place ? { lon: Number(place.lon), lat: Number(place.lat) } : null,
    atLotAt: tow.atLotAt?.toISOString() ?? null,
    releasedAt: tow.releasedAt?.toISOString() ?? null,
    releasedTo: tow.releasedTo,
    releaseDocuments: tow.releaseDocuments,
    cancelledAt: tow.cancelledAt?.toISOString() ?? null,
    cancelReason: tow.cancelReason,
    callNote: tow.callNote,
    messageEvents: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, purpose: e.purpose, providerStatus: e.providerStatus, attempt: e.attempt, detail: e.kind === 'accepted' || e.kind === 'reconciled' ? null : e.detail })),
  };
}

export async function towPhotoHash(db: DbOrTx, principal: Principal, id: string, position: number): Promise<string> {
  const [tow] = await db.select({ districtId: tows.districtId }).from(tows).where(eq(tows.id, id));
  if (!tow) throw notFound('tow');
  assertDistrict(principal, tow.districtId);
  const [photo] = await db.select({ hash: towPhotos.hash }).from(towPhotos).where(and(eq(towPhotos.towId, id), eq(towPhotos.position, position)));
  if (!photo) throw notFound('photo');
  return photo.hash;
}

/**
 * Daily figures (Almaty days) from `from` to `to` inclusive: tows, SMS queued, delivered, the share
 * delivered, the median time from registration to delivery, and the owners still to call.
 */
export async function dailyFigures(db: DbOrTx, principal: Principal, range: { from: string; to: string }) {
  const scope = principal.scope.kind === 'district' ? sql`and t.district_id = ${principal.scope.districtId}` : sql``;
  const rows = await queryRows<{ day: string; tows: number; notified: number; delivered: number; to_call: number; median_seconds: number | null }>(
    db,
    sql`select to_char(t.towed_at at time zone ${ALMATY}, 'YYYY-MM-DD') as day,
               count(*)::int as tows,
               count(m.id)::int as notified,
               count(m.id) filter (where m.status = 'delivered')::int as delivered,
               count(*) filter (where t.status <> 'cancelled' and t.called_at is null and (m.id is null or m.status in ('failed', 'expired')))::int as to_call,
               percentile_cont(0.5) within group (order by extract(epoch from (m.delivered_at - t.created_at))) filter (where m.status = 'delivered') as median_seconds
        from ${tows} t left join messages m on m.purpose = 'tow.notice' and m.ref_id = t.id::text
        where t.towed_at >= (${range.from}::date)::timestamp at time zone ${ALMATY} and t.towed_at < ((${range.to}::date) + 1)::timestamp at time zone ${ALMATY} ${scope}
        group by 1 order by 1`,
  );
  return rows.map((r) => ({
    day: r.day,
    tows: r.tows,
    notified: r.notified,
    delivered: r.delivered,
    deliveredShare: r.notified > 0 ? r.delivered / r.notified : null,
    medianSecondsToDelivery: r.median_seconds === null ? null : Math.round(Number(r.median_seconds)),
    toCall: r.to_call,
  }));
}

// ---- The owner's look-up ------------------------------------------------------------------------------

export interface LookupQuery {
  plate?: string | undefined;
  token?: string | undefined;
  code?: string | undefined;
  phoneLast4?: string | undefined;
}

const NO_MATCH = 'no towed car matches this plate and code; check both and try again';

/**
 * The car for a plate (or the SMS link's token) and the code from the SMS (or the last four digits of the
 * owner's phone). A wrong answer says the same whether the plate was towed or not, and counts against the
 * plate: after LOOKUP_FAILURES_PER_HOUR the plate is locked for the rest of the hour.
 */
export async function lookupTow(db: Db, query: LookupQuery) {
  const secret = query.code ?? query.phoneLast4 ?? '';
  const useCode = query.code !== undefined;
  let plate: string | null = null;
  let candidates: Tow[] = [];
  const since = new Date(Date.now() - LOOKUP_DAYS * 86_400_000);
  if (query.token) {
    candidates = await db.select().from(tows).where(and(eq(tows.linkToken, query.token), gte(tows.createdAt, since), sql`${tows.status} <> 'cancelled'`));
    plate = candidates[0]?.plate ?? null;
  } else {
    plate = normalizePlate(query.plate ?? '').plate;
    if (!plateCharactersValid(plate)) throw invalid('plate', 'a plate is letters and digits, e.g. 123 ABC 02');
  }
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (plate) {
    const [failures] = await db.select({ n: towLookupFailures.failures }).from(towLookupFailures).where(and(eq(towLookupFailures.plate, plate), eq(towLookupFailures.hour, hour)));
    if ((failures?.n ?? 0) >= LOOKUP_FAILURES_PER_HOUR) throw new AppError('rate_limited', 'too many wrong codes for this plate; try again in an hour');
    if (!query.token) candidates = await db.select().from(tows).where(and(eq(tows.plate, plate), gte(tows.createdAt, since), sql`${tows.status} <> 'cancelled'`)).orderBy(desc(tows.towedAt)).limit(5);
  }
  const match = candidates.find((t) => {
    const hash = useCode ? t.codeHash : t.phoneLast4Hash;
    return hash !== null && secretMatches(t.codeSalt, secret, hash);
  });
  // Compare once even when there is nothing to compare with, so the answer takes as long either way.
  if (candidates.length === 0) secretMatches('0'.repeat(32), secret, hashSecret('1'.repeat(32), secret));
  if (!match) {
    if (plate) {
      await db
        .insert(towLookupFailures)
        .values({ plate, hour, failures: 1 })
        .onConflictDoUpdate({ target: [towLookupFailures.plate, towLookupFailures.hour], set: { failures: sql`${towLookupFailures.failures} + 1` } });
    }
    throw new AppError('not_found', NO_MATCH);
  }
  const lot = await lotById(db, match.lotId);
  const [reason] = await db.select().from(towReasons).where(eq(towReasons.code, match.reasonCode));
  return {
    plate: displayPlate(match.plate),
    make: match.make,
    colour: match.colour,
    status: match.status as TowStatus,
    towedAt: match.towedAt.toISOString(),
    atLotAt: match.atLotAt?.toISOString() ?? null,
    releasedAt: match.releasedAt?.toISOString() ?? null,
    fine: match.fine,
    reason: reason ? { code: reason.code, article: reason.article, text: reason.text } : null,
    lot: lot ? { name: lot.name, address: lot.address, hours: lot.hours, phone: lot.phone, lon: lot.lon, lat: lot.lat } : null,
    synthetic: match.synthetic,
  };
}
