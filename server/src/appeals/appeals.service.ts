// Appeals, proposals and drug-advert reports: submission (web and Open311), routing by place and
// category, the public timeline, staff work, ratings, contests and supports. The resident's contact is
// read only here and by the notification handler; public presenters never see it.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { recommendationExists } from '../oversight/index.js';
import { issueTrustToken, measureExists, programmeExists, saveComputedValues } from '../performance/index.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { workingCalendar } from '../platform/calendar/calendar.service.js';
import type { LocalizedText } from '../platform/db/columns.js';
import { queryRows, type Db, type DbOrTx, type Tx } from '../platform/db/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import type { ProcessedPhoto } from '../platform/images/photos.js';
import { enqueueMessage } from '../platform/notify/outbox.js';
import { districts } from '../platform/platform.tables.js';
import { outsideCity, precinctAt, precinctById, precinctCodes, precinctOfUser, precinctRefs } from '../precincts/index.js';
import {
  canMove,
  finalStatuses,
  isUnit,
  newTrackingCode,
  normalizeTrackingCode,
  publicPoint,
  routeAppeal,
  type AppealKind,
  type AppealStatus,
  type ResponsibleUnit,
} from './appeals.domain.js';
import { suggestDuplicates } from './appeals.duplicates.js';
import { queueStatusNotice } from './appeals.notify.js';
import { maskPersonalData } from './appeals.masking.js';
import type { SubmitBody } from './appeals.schema.js';
import { appealCategories, appealEvents, appealPhotos, appeals, open311Keys, proposalSupports, supportChallenges } from './appeals.tables.js';

type AppealRow = typeof appeals.$inferSelect;
type CategoryRow = typeof appealCategories.$inferSelect;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const PAGE_SIZE = 25;

// ---- Categories --------------------------------------------------------------------------------

export async function listCategories(db: DbOrTx, includeInactive = false): Promise<CategoryRow[]> {
  const rows = await db.select().from(appealCategories).orderBy(asc(appealCategories.sortOrder));
  return includeInactive ? rows : rows.filter((c) => c.active);
}

export function categoryView(c: CategoryRow) {
  return {
    code: c.code,
    kind: c.kind,
    name: c.name,
    description: c.description,
    group: c.groupName,
    responsibleUnit: c.responsibleUnit,
    deadlineDays: c.deadlineDays,
    needsPlace: c.needsPlace,
    publicText: c.publicText,
    sourceItem: c.sourceItem,
    active: c.active,
  };
}

async function category(db: DbOrTx, code: string): Promise<CategoryRow> {
  const [c] = await db.select().from(appealCategories).where(eq(appealCategories.code, code));
  if (!c || !c.active) throw invalid('category', `no category '${code.slice(0, 64)}'; choose one of GET /api/v1/appeal-categories`);
  return c;
}

export async function patchCategory(db: Db, actor: AuditActor, code: string, patch: { deadlineDays?: number | undefined; active?: boolean | undefined }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(appealCategories).where(eq(appealCategories.code, code)).for('update');
    if (!before) throw notFound(`category '${code}'`);
    const set: Partial<CategoryRow> = {};
    if (patch.deadlineDays !== undefined) set.deadlineDays = patch.deadlineDays;
    if (patch.active !== undefined) set.active = patch.active;
    const [after] = await tx.update(appealCategories).set(set).where(eq(appealCategories.code, code)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'appeal_category', entityId: code, before: { deadlineDays: before.deadlineDays, active: before.active }, after: { deadlineDays: after!.deadlineDays, active: after!.active } });
    return categoryView(after!);
  });
}

// ---- Submission --------------------------------------------------------------------------------

export interface SubmitContext {
  source: 'web' | 'open311';
  apiKeyId?: string | null;
  /** Open311 may name an address without a point, or pass a media URL. */
  mediaUrl?: string | null;
  now?: Date;
}

export interface SubmitResult {
  appeal: AppealRow;
  residentKey: string;
  precinct: { id: string; code: string; name: LocalizedText } | null;
}

const LINK_PATTERN = /^(https?:\/\/[^\s]{3,400}|t\.me\/[A-Za-z0-9_+/-]{3,100}|@[A-Za-z0-9_]{4,64})$/;

function normalizeContactPhone(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '');
  const d = digits.startsWith('+') ? digits.slice(1) : digits;
  if (/^[78]\d{10}$/.test(d)) return `+7${d.slice(1)}`;
  if (/^\d{10,15}$/.test(d)) return `+${d}`;
  throw invalid('contact.phone', 'the phone number is not valid; use +7 7XX XXX XX XX');
}

/** Files an appeal: checks, routes, masks, computes the deadline and writes it with its first events. */
export async function submitAppeal(db: Db, input: SubmitBody, photos: ProcessedPhoto[], context: SubmitContext): Promise<SubmitResult> {
  const now = context.now ?? new Date();
  const cat = await category(db, input.category);
  const hasPoint = input.lon !== undefined || input.lat !== undefined;
  if (hasPoint && (input.lon === undefined || input.lat === undefined)) throw invalid(input.lat === undefined ? 'lat' : 'lon', 'give both lat and lon, or neither');
  let precinct: { id: string; code: string; name: LocalizedText; districtId: string } | null = null;
  if (hasPoint) {
    precinct = await precinctAt(db, input.lon!, input.lat!);
    if (!precinct) throw outsideCity(input.lon!, input.lat!);
  } else if (input.precinctId) {
    precinct = await precinctById(db, input.precinctId);
    if (!precinct) throw invalid('precinctId', `no precinct '${input.precinctId}'`);
  }
  if (cat.needsPlace && !hasPoint && !input.address && !precinct) throw invalid('lat', `a ${cat.name.en.toLowerCase()} needs a place: choose it on the map or type the address`);
  let advertKind: 'graffiti' | 'link' | null = null;
  let advertUrl: string | null = null;
  if (cat.kind === 'drug_advert') {
    advertKind = input.advert?.kind ?? (cat.code === 'drug_link' ? 'link' : 'graffiti');
    if (advertKind === 'link') {
      advertUrl = input.advert?.url?.trim() ?? '';
      if (!LINK_PATTERN.test(advertUrl)) throw invalid('advert.url', 'give the link (https://…), the t.me/… address or the @channel name');
    }
  }
  if (photos.length > 4) throw invalid('photo', 'at most 4 photos');
  const contactPhone = input.contact?.phone ? normalizeContactPhone(input.contact.phone) : null;
  const contactEmail = input.contact?.email?.trim().toLowerCase() ?? null;
  const target = routeAppeal(cat.responsibleUnit as ResponsibleUnit, { precinctId: precinct?.id ?? null, districtId: precinct?.districtId ?? null });
  const calendar = await workingCalendar(db);
  const deadlineAt = calendar.addWorkingDays(now, cat.deadlineDays);
  const residentKey = randomBytes(18).toString('base64url');
  const masked = maskPersonalData(input.description);

  const appeal = await db.transaction(async (tx) => {
    let code = newTrackingCode(cat.kind === 'proposal' ? 'PR' : 'AP');
    for (let attempt = 0; attempt < 3; attempt++) {
      const [clash] = await tx.select({ id: appeals.id }).from(appeals).where(eq(appeals.code, code));
      if (!clash) break;
      code = newTrackingCode(cat.kind === 'proposal' ? 'PR' : 'AP');
    }
    const [row] = await tx
      .insert(appeals)
      .values({
        code,
        residentKeyHash: sha256(residentKey),
        categoryCode: cat.code,
        kind: cat.kind,
        description: input.description,
        publicDescription: masked.text,
        location: hasPoint ? (sql`ST_SetSRID(ST_MakePoint(${input.lon!}, ${input.lat!}), 4326)` as unknown as string) : null,
        address: input.address?.trim() || null,
        precinctId: target?.precinctId ?? precinct?.id ?? null,
        districtId: target?.districtId ?? precinct?.districtId ?? null,
        unit: target?.unit ?? null,
        status: target ? 'routed' : 'received',
        deadlineAt,
        contactName: input.contact?.name?.trim() || null,
        contactPhone,
        contactEmail,
        contactLang: input.contact?.lang ?? 'ru',
        source: context.source,
        apiKeyId: context.apiKeyId ?? null,
        advertKind,
        advertUrl,
        removalEvidence: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const appealRow = row!;
    await tx.insert(appealEvents).values({ appealId: appealRow.id, at: now, kind: 'submitted', status: 'received', publicNote: context.mediaUrl ? 'media attached by reference' : null, internalNote: context.mediaUrl ? `media_url: ${context.mediaUrl.slice(0, 500)}` : null, actorRole: 'public' });
    if (target) await tx.insert(appealEvents).values({ appealId: appealRow.id, at: now, kind: 'routed', status: 'routed', unit: target.unit, publicNote: null, actorRole: 'system' });
    for (const [ord, p] of photos.entries()) await tx.insert(appealPhotos).values({ appealId: appealRow.id, sha256: p.sha256, ord, width: p.width, height: p.height });
    await recordAudit(tx, { role: 'public', unit: 'public', userId: null }, { action: 'create', entity: 'appeal', entityId: code, before: null, after: { category: cat.code, status: appealRow.status, unit: appealRow.unit, source: context.source } });
    await queueStatusNotice(tx, appealRow, 'received');
    return appealRow;
  });
  return { appeal, residentKey, precinct: precinct ? { id: precinct.id, code: precinct.code, name: precinct.name } : null };
}

// ---- Reading -----------------------------------------------------------------------------------

async function findByCode(db: DbOrTx, rawCode: string): Promise<AppealRow> {
  const code = normalizeTrackingCode(rawCode);
  if (!code) throw notFound(`appeal '${rawCode.slice(0, 20)}'`);
  const [row] = await db.select().from(appeals).where(eq(appeals.code, code));
  if (!row) throw notFound(`appeal ${code}`);
  return row;
}

async function pointOf(db: DbOrTx, id: string): Promise<{ lon: number; lat: number } | null> {
  const rows = await queryRows<{ lon: number | null; lat: number | null }>(db, sql`select ST_X(location) as lon, ST_Y(location) as lat from ${appeals} where id = ${id}`);
  const r = rows[0];
  return r && r.lon !== null && r.lat !== null ? { lon: Number(r.lon), lat: Number(r.lat) } : null;
}

function isOverdue(row: { status: AppealStatus; deadlineAt: Date }, now = new Date()): boolean {
  return !finalStatuses.includes(row.status) && row.deadlineAt.getTime() < now.getTime();
}

function withheld(row: AppealRow, cat: CategoryRow | undefined): 'hidden' | 'category' | null {
  if (row.hidden) return 'hidden';
  if (cat && !cat.publicText) return 'category';
  return null;
}

/** The public view of an appeal: masked text (or withheld), rounded place, no contact, no address. */
export async function publicAppeal(db: DbOrTx, rawCode: string) {
  const row = await findByCode(db, rawCode);
  return presentPublic(db, row);
}

async function presentPublic(db: DbOrTx, row: AppealRow) {
  const [cat] = await db.select().from(appealCategories).where(eq(appealCategories.code, row.categoryCode));
  const [point, events, photos, precinct, duplicateOf] = await Promise.all([
    pointOf(db, row.id),
    db.select().from(appealEvents).where(eq(appealEvents.appealId, row.id)).orderBy(asc(appealEvents.at), asc(appealEvents.id)),
    db.select().from(appealPhotos).where(eq(appealPhotos.appealId, row.id)).orderBy(asc(appealPhotos.ord)),
    row.precinctId ? precinctById(db, row.precinctId) : Promise.resolve(null),
    row.duplicateOfId ? db.select({ code: appeals.code }).from(appeals).where(eq(appeals.id, row.duplicateOfId)) : Promise.resolve([]),
  ]);
  const w = withheld(row, cat);
  // Photos of drug adverts (walls, screens) are public; other photos may show people and stay with staff.
  const publicPhotos = row.kind === 'drug_advert' ? photos : photos.filter((p) => p.evidence);
  return {
    code: row.code,
    kind: row.kind,
    category: { code: row.categoryCode, name: cat?.name ?? { ru: row.categoryCode, kk: row.categoryCode, en: row.categoryCode } },
    status: row.status,
    statusReason: row.statusReason ? maskPersonalData(row.statusReason).text : null,
    description: w ? null : row.publicDescription,
    textWithheld: w,
    place: cat?.publicText === false ? null : publicPoint(point?.lon ?? null, point?.lat ?? null),
    precinct: precinct ? { id: precinct.id, code: precinct.code, name: precinct.name } : null,
    districtId: row.districtId,
    unit: row.unit,
    createdAt: row.createdAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    overdue: isOverdue(row),
    answer: row.answer,
    answeredAt: iso(row.answeredAt),
    rating: row.rating,
    contested: row.contestedAt !== null,
    duplicateOf: duplicateOf[0]?.code ?? null,
    photos: publicPhotos.map((p) => ({ url: `/api/v1/appeals/${row.code}/photos/${p.ord}`, width: p.width, height: p.height, evidence: p.evidence })),
    advert: row.advertKind ? { kind: row.advertKind, removedAt: iso(row.removedAt), evidence: row.removalEvidence } : null,
    supportCount: row.supportCount,
    adopted: row.adoptedRef ?? null,
    timeline: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status, unit: e.unit, note: e.publicNote, actorRole: e.actorRole })),
    synthetic: row.synthetic,
  };
}

export type PublicAppealView = Awaited<ReturnType<typeof presentPublic>>;

export async function publicPhoto(db: DbOrTx, rawCode: string, ord: number, staff: boolean): Promise<string> {
  const row = await findByCode(db, rawCode);
  const [photo] = await db.select().from(appealPhotos).where(and(eq(appealPhotos.appealId, row.id), eq(appealPhotos.ord, ord)));
  if (!photo || (!staff && row.kind !== 'drug_advert' && !photo.evidence)) throw notFound(`photo ${ord} of ${row.code}`);
  return photo.sha256;
}

export interface PublicListQuery {
  kind?: AppealKind | undefined;
  category?: string | undefined;
  status?: AppealStatus | undefined;
  district?: string | undefined;
  sort: 'recent' | 'support';
  page: number;
}

export async function listPublicAppeals(db: DbOrTx, q: PublicListQuery) {
  const conditions: SQL[] = [];
  if (q.kind) conditions.push(eq(appeals.kind, q.kind));
  if (q.category) conditions.push(eq(appeals.categoryCode, q.category));
  if (q.status) conditions.push(eq(appeals.status, q.status));
  if (q.district) conditions.push(eq(appeals.districtId, q.district));
  const where = conditions.length ? and(...conditions) : undefined;
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(appeals).where(where);
  const rows = await db
    .select({
      a: appeals,
      lon: sql<number | null>`ST_X(${appeals.location})`,
      lat: sql<number | null>`ST_Y(${appeals.location})`,
      publicText: appealCategories.publicText,
      categoryName: appealCategories.name,
    })
    .from(appeals)
    .innerJoin(appealCategories, eq(appealCategories.code, appeals.categoryCode))
    .where(where)
    .orderBy(...(q.sort === 'support' ? [desc(appeals.supportCount), desc(appeals.createdAt)] : [desc(appeals.createdAt)]))
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);
  const now = new Date();
  return {
    items: rows.map(({ a, lon, lat, publicText, categoryName }) => {
      const w: 'hidden' | 'category' | null = a.hidden ? 'hidden' : publicText ? null : 'category';
      return {
        code: a.code,
        kind: a.kind,
        category: { code: a.categoryCode, name: categoryName },
        status: a.status,
        description: w ? null : a.publicDescription,
        textWithheld: w,
        place: publicText ? publicPoint(lon === null ? null : Number(lon), lat === null ? null : Number(lat)) : null,
        districtId: a.districtId,
        createdAt: a.createdAt.toISOString(),
        deadlineAt: a.deadlineAt.toISOString(),
        overdue: isOverdue(a, now),
        supportCount: a.supportCount,
        adopted: a.adoptedRef ?? null,
        synthetic: a.synthetic,
      };
    }),
    total: countRow?.n ?? 0,
    page: q.page,
    pageSize: PAGE_SIZE,
  };
}

// ---- The resident: rating, contesting ---------------------------------------------------------

function checkKey(row: AppealRow, key: string): void {
  const a = Buffer.from(row.residentKeyHash, 'hex');
  const b = Buffer.from(sha256(key), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('forbidden', "this key does not belong to the appeal; use the key shown when it was filed");
}

export async function rateAppeal(db: Db, rawCode: string, key: string, rating: number) {
  return db.transaction(async (tx) => {
    const row = await findByCode(tx, rawCode);
    checkKey(row, key);
    if (row.status !== 'answered' && row.status !== 'closed') throw new AppError('conflict', 'an appeal can be rated once it has been answered');
    if (row.rating !== null) throw new AppError('conflict', 'this answer has already been rated');
    const now = new Date();
    const [updated] = await tx.update(appeals).set({ rating, ratedAt: now, status: 'closed', updatedAt: now }).where(eq(appeals.id, row.id)).returning();
    await tx.insert(appealEvents).values({ appealId: row.id, at: now, kind: 'rated', status: 'closed', publicNote: `${rating}/5`, actorRole: 'public' });
    await recordAudit(tx, { role: 'public', unit: 'public', userId: null }, { action: 'rate', entity: 'appeal', entityId: row.code, before: { status: row.status, rating: null }, after: { status: 'closed', rating } });
    const token = await issueTrustToken(tx, { context: 'appeal', districtId: row.districtId });
    return { rating: updated!.rating!, surveyUrl: `/trust/survey?token=${encodeURIComponent(token.token)}` };
  });
}

export async function contestAppeal(db: Db, rawCode: string, key: string, reason: string) {
  const calendar = await workingCalendar(db);
  const row = await db.transaction(async (tx) => {
    const row = await findByCode(tx, rawCode);
    checkKey(row, key);
    if (!['answered', 'closed', 'declined', 'not_competent'].includes(row.status)) throw new AppError('conflict', 'only an answered or declined appeal can be contested');
    if (row.contestedAt) throw new AppError('conflict', 'an answer can be contested once, and this one already was');
    const now = new Date();
    const cat = await category(tx, row.categoryCode).catch(() => null);
    const deadlineAt = calendar.addWorkingDays(now, cat?.deadlineDays ?? 15);
    const [updated] = await tx.update(appeals).set({ status: 'in_progress', contestedAt: now, contestReason: reason, deadlineAt, updatedAt: now }).where(eq(appeals.id, row.id)).returning();
    await tx.insert(appealEvents).values({ appealId: row.id, at: now, kind: 'contested', status: 'in_progress', publicNote: maskPersonalData(reason).text, actorRole: 'public' });
    await recordAudit(tx, { role: 'public', unit: 'public', userId: null }, { action: 'contest', entity: 'appeal', entityId: row.code, before: { status: row.status }, after: { status: 'in_progress', contested: true } });
    return updated!;
  });
  return presentPublic(db, row);
}

// ---- Proposals: supports --------------------------------------------------------------------

const SUPPORT_CODE_MINUTES = 15;

function supporterContact(raw: string): { channel: 'sms' | 'email'; to: string; key: string; shown: string } {
  const text = raw.trim();
  if (text.includes('@')) {
    const email = text.toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('contact', 'the e-mail address is not valid');
    const [local, domain] = email.split('@') as [string, string];
    return { channel: 'email', to: email, key: sha256(`email:${email}`), shown: `${local.slice(0, 1)}•••@${domain}` };
  }
  let phone: string;
  try {
    phone = normalizeContactPhone(text);
  } catch {
    throw invalid('contact', 'give a phone number (+7 7XX XXX XX XX) or an e-mail address');
  }
  return { channel: 'sms', to: phone, key: sha256(`phone:${phone}`), shown: `${phone.slice(0, 4)}•••••${phone.slice(-2)}` };
}

async function proposal(tx: DbOrTx, rawCode: string): Promise<AppealRow> {
  const row = await findByCode(tx, rawCode);
  if (row.kind !== 'proposal') throw new AppError('conflict', 'only proposals can be supported');
  return row;
}

/** Starts a support: a staff account supports at once; a contact gets a 6-digit code to confirm. */
export async function requestSupport(db: Db, rawCode: string, contact: string | undefined, principal: Principal | null) {
  return db.transaction(async (tx) => {
    const row = await proposal(tx, rawCode);
    if (principal && !contact) {
      const added = await addSupport(tx, row, sha256(`user:${principal.userId}`));
      return { challengeId: null, supportCount: added.count, supported: true, sentTo: null };
    }
    if (!contact) throw invalid('contact', 'give a phone number or an e-mail address to confirm the support');
    const c = supporterContact(contact);
    const [already] = await tx.select({ k: proposalSupports.supporterKey }).from(proposalSupports).where(and(eq(proposalSupports.appealId, row.id), eq(proposalSupports.supporterKey, c.key)));
    if (already) return { challengeId: null, supportCount: row.supportCount, supported: true, sentTo: null };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const [challenge] = await tx
      .insert(supportChallenges)
      .values({ appealId: row.id, supporterKey: c.key, codeHash: sha256(`${row.id}:${code}`), expiresAt: new Date(Date.now() + SUPPORT_CODE_MINUTES * 60_000) })
      .returning({ id: supportChallenges.id });
    const text = `openbeat: код подтверждения поддержки предложения ${row.code}: ${code}. Действует ${SUPPORT_CODE_MINUTES} мин.`;
    await enqueueMessage(tx, { channel: c.channel, recipient: c.to, text, subject: `openbeat ${row.code}`, purpose: 'support.code', refId: challenge!.id, idempotencyKey: `support:${challenge!.id}`, validHours: 1 });
    return { challengeId: challenge!.id, supportCount: row.supportCount, supported: false, sentTo: c.shown };
  });
}

export async function confirmSupport(db: Db, rawCode: string, challengeId: string, code: string) {
  const result = await db.transaction(async (tx) => {
    const row = await proposal(tx, rawCode);
    const [challenge] = await tx.select().from(supportChallenges).where(and(eq(supportChallenges.id, challengeId), eq(supportChallenges.appealId, row.id))).for('update');
    if (!challenge || challenge.usedAt || challenge.expiresAt.getTime() < Date.now()) throw new AppError('conflict', 'this confirmation has expired or was used; ask for a new code');
    if (challenge.attempts >= 5) throw new AppError('rate_limited', 'too many wrong codes; ask for a new code');
    if (challenge.codeHash !== sha256(`${row.id}:${code}`)) {
      // The wrong attempt must commit to count, so the refusal is thrown after the transaction.
      await tx.update(supportChallenges).set({ attempts: challenge.attempts + 1 }).where(eq(supportChallenges.id, challenge.id));
      return null;
    }
    await tx.update(supportChallenges).set({ usedAt: new Date() }).where(eq(supportChallenges.id, challenge.id));
    const added = await addSupport(tx, row, challenge.supporterKey);
    return { challengeId: challenge.id, supportCount: added.count, supported: true, sentTo: null };
  });
  if (!result) throw invalid('code', 'the code is not right; check the message');
  return result;
}

async function addSupport(tx: Tx, row: AppealRow, supporterKey: string): Promise<{ count: number }> {
  const inserted = await tx.insert(proposalSupports).values({ appealId: row.id, supporterKey }).onConflictDoNothing().returning({ k: proposalSupports.supporterKey });
  if (inserted.length === 0) return { count: row.supportCount };
  const [u] = await tx.update(appeals).set({ supportCount: sql`${appeals.supportCount} + 1` }).where(eq(appeals.id, row.id)).returning({ n: appeals.supportCount });
  return { count: u!.n };
}

// ---- Staff ----------------------------------------------------------------------------------------

interface StaffView {
  principal: Principal;
  /** The inspector's own precinct, when the account is linked to one. */
  ownPrecinct: string | null;
}

async function staffView(db: DbOrTx, principal: Principal): Promise<StaffView> {
  return { principal, ownPrecinct: principal.role === 'inspector' ? await precinctOfUser(db, principal.userId) : null };
}

/** What a staff account may see: district accounts see their district, never internal security. */
function visibleTo(v: StaffView): SQL | undefined {
  if (v.principal.scope.kind === 'city') return undefined;
  return and(eq(appeals.districtId, v.principal.scope.districtId), sql`coalesce(${appeals.unit}, '') <> 'city:internal_security'`);
}

function canSee(v: StaffView, row: AppealRow): boolean {
  if (v.principal.scope.kind === 'city') return true;
  return row.districtId === v.principal.scope.districtId && row.unit !== 'city:internal_security';
}

const openStatuses = sql`${appeals.status} not in ('answered', 'closed', 'declined', 'not_competent', 'duplicate')`;

export type Queue = 'mine' | 'unrouted' | 'overdue' | 'contested' | 'drug_adverts' | 'proposals' | 'all';
const queues: readonly Queue[] = ['mine', 'unrouted', 'overdue', 'contested', 'drug_adverts', 'proposals', 'all'];

function queueCondition(queue: Queue, v: StaffView): SQL | undefined {
  switch (queue) {
    case 'mine':
      if (v.ownPrecinct) return and(eq(appeals.unit, `precinct:${v.ownPrecinct}`), openStatuses);
      return openStatuses;
    case 'unrouted':
      return and(isNull(appeals.unit), openStatuses);
    case 'overdue':
      return and(openStatuses, lt(appeals.deadlineAt, new Date()));
    case 'contested':
      return and(isNotNull(appeals.contestedAt), openStatuses);
    case 'drug_adverts':
      return and(eq(appeals.kind, 'drug_advert'), isNull(appeals.removedAt), notInArray(appeals.status, ['declined', 'not_competent', 'duplicate']));
    case 'proposals':
      return and(eq(appeals.kind, 'proposal'), openStatuses);
    case 'all':
      return undefined;
  }
}

export async function staffQueue(db: DbOrTx, principal: Principal, q: { queue: Queue; status?: AppealStatus | undefined; category?: string | undefined; page: number }) {
  const v = await staffView(db, principal);
  const scope = visibleTo(v);
  const filters = [queueCondition(q.queue, v), q.status ? eq(appeals.status, q.status) : undefined, q.category ? eq(appeals.categoryCode, q.category) : undefined];
  const where = and(scope, ...filters);
  const rows = await db
    .select({ a: appeals })
    .from(appeals)
    .where(where)
    .orderBy(q.queue === 'all' ? desc(appeals.createdAt) : asc(appeals.deadlineAt))
    .limit(PAGE_SIZE)
    .offset((q.page - 1) * PAGE_SIZE);
  // The list's total and every tab's count in one pass over what the account may see.
  const countWhere = (condition: SQL | undefined) => (condition ? sql<number>`count(*) filter (where ${condition})::int` : sql<number>`count(*)::int`);
  const [counted] = await db
    .select({ total: countWhere(and(...filters)), tabs: Object.fromEntries(queues.map((queue) => [queue, countWhere(queueCondition(queue, v))])) })
    .from(appeals)
    .where(scope);
  const counts = Object.fromEntries(queues.map((queue) => [queue, counted?.tabs[queue] ?? 0]));
  const codes = await precinctCodes(db, [...new Set(rows.flatMap(({ a }) => (a.precinctId ? [a.precinctId] : [])))]);
  const now = new Date();
  return {
    items: rows.map(({ a }) => ({
      code: a.code,
      kind: a.kind,
      categoryCode: a.categoryCode,
      status: a.status,
      unit: a.unit,
      districtId: a.districtId,
      precinctCode: a.precinctId ? (codes.get(a.precinctId) ?? null) : null,
      excerpt: a.description.slice(0, 160),
      createdAt: a.createdAt.toISOString(),
      deadlineAt: a.deadlineAt.toISOString(),
      overdue: isOverdue(a, now),
      contested: a.contestedAt !== null,
      synthetic: a.synthetic,
    })),
    total: counted?.total ?? 0,
    page: q.page,
    pageSize: PAGE_SIZE,
    counts,
  };
}

async function staffRow(db: DbOrTx, principal: Principal, rawCode: string): Promise<{ row: AppealRow; view: StaffView }> {
  const row = await findByCode(db, rawCode);
  const view = await staffView(db, principal);
  if (!canSee(view, row)) throw notFound(`appeal ${row.code}`);
  return { row, view };
}

function allowedFor(view: StaffView, row: AppealRow) {
  const supervisor = view.principal.role === 'editor' || view.principal.role === 'admin';
  // A contested appeal is for a supervisor; an inspector may only note progress on it.
  const locked = row.contestedAt !== null && !supervisor && !finalStatuses.includes(row.status);
  const statuses = (['in_progress', 'declined', 'not_competent', 'duplicate', 'closed'] as const).filter((s) => canMove(row.status, s) && !(locked && s !== 'in_progress'));
  return {
    route: !finalStatuses.includes(row.status) && !locked,
    statuses: statuses as AppealStatus[],
    answer: !finalStatuses.includes(row.status) && row.status !== 'received' && !locked,
    supervise: supervisor,
    hide: true,
    removal: row.kind === 'drug_advert' && row.removedAt === null && !['declined', 'not_competent', 'duplicate'].includes(row.status),
    // Taking a proposal up into a recommendation, programme or measure is a supervisor's decision.
    adopt: row.kind === 'proposal' && supervisor,
  };
}

export async function staffAppeal(db: DbOrTx, principal: Principal, rawCode: string) {
  const { row, view } = await staffRow(db, principal, rawCode);
  const base = await presentPublic(db, row);
  const [point, events, photos] = await Promise.all([
    pointOf(db, row.id),
    db.select().from(appealEvents).where(eq(appealEvents.appealId, row.id)).orderBy(asc(appealEvents.at), asc(appealEvents.id)),
    db.select().from(appealPhotos).where(eq(appealPhotos.appealId, row.id)).orderBy(asc(appealPhotos.ord)),
  ]);
  // Candidates: the same category within the window, nearby when the appeal has a place.
  const since = new Date(row.createdAt.getTime() - 14 * 86_400_000);
  const until = new Date(row.createdAt.getTime() + 14 * 86_400_000);
  const candidates = await queryRows<{ id: string; code: string; status: AppealStatus; category_code: string; lon: number | null; lat: number | null; created_at: string; description: string }>(
    db,
    sql`select id, code, status, category_code, ST_X(location) as lon, ST_Y(location) as lat, created_at, description from ${appeals}
        where category_code = ${row.categoryCode} and id <> ${row.id} and created_at between ${since.toISOString()}::timestamptz and ${until.toISOString()}::timestamptz
          ${point ? sql`and (location is null or ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(${point.lon}, ${point.lat}), 4326)::geography, 500))` : sql``}
        order by created_at desc limit 200`,
  );
  const suggestions = suggestDuplicates(
    { id: row.id, category: row.categoryCode, lon: point?.lon ?? null, lat: point?.lat ?? null, createdAt: row.createdAt, text: row.description },
    candidates.map((c) => ({ id: c.id, category: c.category_code, lon: c.lon === null ? null : Number(c.lon), lat: c.lat === null ? null : Number(c.lat), createdAt: new Date(c.created_at), text: c.description })),
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    ...base,
    // Staff see every photo, and the timeline with internal notes.
    photos: photos.map((p) => ({ url: `/api/v1/appeals/${row.code}/photos/${p.ord}`, width: p.width, height: p.height, evidence: p.evidence })),
    fullDescription: row.description,
    hidden: row.hidden,
    address: row.address,
    exactPlace: point,
    contact: { name: row.contactName, phone: row.contactPhone, email: row.contactEmail, lang: row.contactLang },
    source: row.source,
    contestReason: row.contestReason,
    advertUrl: row.advertUrl,
    internalTimeline: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status, unit: e.unit, note: e.publicNote, actorRole: e.actorRole, internalNote: e.internalNote })),
    duplicates: suggestions.map((s) => {
      const c = byId.get(s.id)!;
      return { code: c.code, status: c.status, excerpt: maskPersonalData(c.description.slice(0, 160)).text, distanceM: s.distanceM, hoursApart: s.hoursApart, score: s.score };
    }),
    allowed: allowedFor(view, row),
  };
}

async function staffChange(db: Db, principal: Principal, actor: AuditActor, rawCode: string, change: (tx: Tx, row: AppealRow, view: StaffView) => Promise<{ set: Partial<AppealRow>; event: typeof appealEvents.$inferInsert extends infer E ? Omit<E, 'appealId' | 'actorRole'> : never; action: string; notifyEvent?: string }>) {
  const code = await db.transaction(async (tx) => {
    const found = await findByCode(tx, rawCode);
    const [row] = await tx.select().from(appeals).where(eq(appeals.id, found.id)).for('update');
    const view = await staffView(tx, principal);
    if (!row || !canSee(view, row)) throw notFound(`appeal ${found.code}`);
    const { set, event, action, notifyEvent } = await change(tx, row, view);
    const now = new Date();
    const [updated] = await tx.update(appeals).set({ ...set, updatedAt: now }).where(eq(appeals.id, row.id)).returning();
    await tx.insert(appealEvents).values({ ...event, appealId: row.id, at: now, actorRole: principal.role, actorUserId: principal.userId });
    const pick = (r: AppealRow) => ({ status: r.status, unit: r.unit, hidden: r.hidden, answered: r.answer !== null, removedAt: iso(r.removedAt), adopted: r.adoptedRef ?? null });
    await recordAudit(tx, actor, { action, entity: 'appeal', entityId: row.code, before: pick(row), after: pick(updated!) });
    if (notifyEvent) await queueStatusNotice(tx, updated!, notifyEvent);
    return row.code;
  });
  return staffAppeal(db, principal, code);
}

/** Every unit an appeal can be routed to: precincts, district departments and the city units. */
export async function appealUnits(db: DbOrTx) {
  const [refs, ds] = await Promise.all([precinctRefs(db), db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.code))]);
  const cityUnits: { unit: string; name: LocalizedText }[] = [
    { unit: 'city:internal_security', name: { ru: 'Служба собственной безопасности', kk: 'Өз қауіпсіздігі қызметі', en: 'Internal security unit' } },
    { unit: 'city:anti_drug', name: { ru: 'Управление по противодействию наркопреступности', kk: 'Есірткі қылмысына қарсы іс-қимыл басқармасы', en: 'Anti-drug unit' } },
    { unit: 'city:road_police', name: { ru: 'Управление административной полиции (дорожная безопасность)', kk: 'Әкімшілік полиция басқармасы (жол қауіпсіздігі)', en: 'Road police' } },
    { unit: 'city:public_relations', name: { ru: 'Пресс-служба и работа с населением', kk: 'Баспасөз қызметі және тұрғындармен жұмыс', en: 'Public relations' } },
  ];
  return [
    ...cityUnits.map((u) => ({ ...u, districtId: null })),
    ...ds.map((d) => ({ unit: `district:${d.id}`, name: d.name, districtId: d.id })),
    ...refs.map((p) => ({ unit: `precinct:${p.id}`, name: { ru: `${p.code} — ${p.name.ru}`, kk: `${p.code} — ${p.name.kk}`, en: `${p.code} — ${p.name.en}` }, districtId: p.districtId })),
  ];
}

export async function routeTo(db: Db, principal: Principal, actor: AuditActor, rawCode: string, unit: string, reason: string) {
  if (!isUnit(unit)) throw invalid('unit', `'${unit.slice(0, 60)}' is not a unit; use precinct:<id>, district:<id> or city:<unit>`);
  return staffChange(db, principal, actor, rawCode, async (tx, row, view) => {
    if (!allowedFor(view, row).route) throw new AppError('conflict', `an appeal that is ${row.status} cannot be re-routed`);
    if (row.unit === unit) throw new AppError('conflict', `the appeal is already with ${unit}`);
    let precinctId: string | null = row.precinctId;
    let districtId: string | null = row.districtId;
    if (unit.startsWith('precinct:')) {
      const p = await precinctById(tx, unit.slice('precinct:'.length));
      if (!p) throw invalid('unit', `no precinct '${unit.slice('precinct:'.length)}'`);
      precinctId = p.id;
      districtId = p.districtId;
    } else if (unit.startsWith('district:')) {
      const id = unit.slice('district:'.length);
      const [d] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
      if (!d) throw invalid('unit', `no district department '${id}'`);
      districtId = id;
    }
    // A district account hands an appeal over only inside its district (or up to the city units).
    if (principal.scope.kind === 'district' && districtId !== principal.scope.districtId && !unit.startsWith('city:')) throw new AppError('forbidden', 'a district account can route only within its district');
    const status: AppealStatus = row.status === 'received' ? 'routed' : row.status;
    return {
      set: { unit, precinctId, districtId, status },
      event: { kind: row.unit ? 'rerouted' : 'routed', status, unit, publicNote: maskPersonalData(reason).text },
      action: 'route',
    };
  });
}

export interface StatusChange {
  status: 'in_progress' | 'declined' | 'not_competent' | 'duplicate' | 'closed';
  reason?: string | undefined;
  competentBody?: string | undefined;
  duplicateOf?: string | undefined;
  note?: string | undefined;
}

export async function changeStatus(db: Db, principal: Principal, actor: AuditActor, rawCode: string, change: StatusChange) {
  return staffChange(db, principal, actor, rawCode, async (tx, row, view) => {
    if (!allowedFor(view, row).statuses.includes(change.status)) throw new AppError('conflict', `an appeal that is ${row.status} cannot become ${change.status}`);
    const set: Partial<AppealRow> = { status: change.status };
    let publicNote: string | null = null;
    if (change.status === 'declined') {
      if (!change.reason || change.reason.length < 10) throw invalid('reason', 'say why the appeal is declined (at least 10 characters)');
      set.statusReason = change.reason;
      publicNote = maskPersonalData(change.reason).text;
    } else if (change.status === 'not_competent') {
      if (!change.competentBody || change.competentBody.length < 3) throw invalid('competentBody', 'name the body that is competent (e.g. the district akimat)');
      set.statusReason = change.competentBody;
      publicNote = change.competentBody;
    } else if (change.status === 'duplicate') {
      if (!change.duplicateOf) throw invalid('duplicateOf', 'give the tracking code of the original appeal');
      const original = await findByCode(tx, change.duplicateOf).catch(() => {
        throw invalid('duplicateOf', `no appeal ${change.duplicateOf}`);
      });
      if (original.id === row.id) throw invalid('duplicateOf', 'an appeal cannot duplicate itself');
      set.duplicateOfId = original.id;
      publicNote = original.code;
    } else if (change.reason) {
      publicNote = maskPersonalData(change.reason).text;
    }
    return { set, event: { kind: 'status', status: change.status, unit: row.unit, publicNote, internalNote: change.note ?? null }, action: 'status', notifyEvent: change.status };
  });
}

export async function answerAppeal(db: Db, principal: Principal, actor: AuditActor, rawCode: string, answer: string) {
  return staffChange(db, principal, actor, rawCode, async (_tx, row, view) => {
    if (!allowedFor(view, row).answer) throw new AppError('conflict', row.contestedAt && !allowedFor(view, row).supervise ? 'a contested appeal is answered by a supervisor' : `an appeal that is ${row.status} cannot be answered now`);
    return { set: { status: 'answered', answer, answeredAt: new Date() }, event: { kind: 'answered', status: 'answered', unit: row.unit, publicNote: null }, action: 'answer', notifyEvent: 'answered' };
  });
}

export async function setVisibility(db: Db, principal: Principal, actor: AuditActor, rawCode: string, hidden: boolean, reason: string) {
  return staffChange(db, principal, actor, rawCode, async (_tx, row) => {
    if (row.hidden === hidden) throw new AppError('conflict', hidden ? 'the text is already hidden' : 'the text is already shown');
    return { set: { hidden }, event: { kind: hidden ? 'hidden' : 'shown', status: null, unit: row.unit, publicNote: null, internalNote: reason }, action: hidden ? 'hide' : 'show' };
  });
}

export async function recordRemoval(db: Db, principal: Principal, actor: AuditActor, rawCode: string, removedOn: string, evidence: string) {
  const view = await staffChange(db, principal, actor, rawCode, async (_tx, row) => {
    if (row.kind !== 'drug_advert') throw new AppError('conflict', 'removal is recorded for drug adverts only');
    if (row.removedAt) throw new AppError('conflict', 'the removal is already recorded');
    const removedAt = new Date(`${removedOn}T12:00:00+05:00`);
    if (removedAt.getTime() > Date.now() + 86_400_000) throw invalid('removedOn', 'the removal date cannot be in the future');
    if (removedAt.getTime() < row.createdAt.getTime() - 86_400_000) throw invalid('removedOn', 'the removal date is before the report');
    const status: AppealStatus = finalStatuses.includes(row.status) ? row.status : 'answered';
    const set: Partial<AppealRow> = { removedAt, removalEvidence: evidence, status };
    if (!row.answer) Object.assign(set, { answer: row.advertKind === 'link' ? `Ресурс заблокирован ${removedOn}. ${evidence}` : `Надпись закрашена ${removedOn}. ${evidence}`, answeredAt: new Date() });
    return { set, event: { kind: 'removed', status, unit: row.unit, publicNote: `${removedOn}: ${maskPersonalData(evidence).text}` }, action: 'removal', notifyEvent: 'removed' };
  });
  await syncDrugAdvertIndicators(db, actor);
  return view;
}

export async function adoptProposal(db: Db, principal: Principal, actor: AuditActor, rawCode: string, ref: { kind: 'recommendation' | 'programme' | 'measure'; ref: string }) {
  return staffChange(db, principal, actor, rawCode, async (tx, row, view) => {
    if (row.kind !== 'proposal') throw new AppError('conflict', 'only a proposal can be adopted');
    if (!allowedFor(view, row).adopt) throw new AppError('forbidden', 'adopting a proposal is for an editor or an administrator');
    await assertAdoptionTarget(tx, ref);
    return { set: { adoptedRef: ref }, event: { kind: 'adopted', status: row.status, unit: row.unit, publicNote: `${ref.kind}:${ref.ref}` }, action: 'adopt' };
  });
}

/** The recommendation, programme or measure must exist (asked of the modules that hold them). */
async function assertAdoptionTarget(tx: DbOrTx, ref: { kind: 'recommendation' | 'programme' | 'measure'; ref: string }): Promise<void> {
  let found = false;
  if (ref.kind === 'recommendation') {
    const n = Number(ref.ref.replace(/^п\.?/i, ''));
    if (!Number.isInteger(n) || n < 1) throw invalid('ref', 'give the recommendation number, e.g. 8');
    found = await recommendationExists(tx, n);
  } else if (ref.kind === 'programme') found = await programmeExists(tx, ref.ref);
  else if (/^[0-9a-f-]{36}$/i.test(ref.ref)) found = await measureExists(tx, ref.ref);
  if (!found) throw invalid('ref', `no ${ref.kind} '${ref.ref.slice(0, 60)}'`);
}

// ---- Drug adverts (п.3) feed the programme's indicators -------------------------------------

export async function drugAdvertStats(db: DbOrTx, months = 12) {
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - months + 1, 1);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await queryRows<{ month: string; reported: number; removed: number; median_days: number | null }>(
    db,
    sql`select to_char(date_trunc('month', created_at at time zone 'Asia/Almaty'), 'YYYY-MM') as month,
          count(*)::int as reported, count(removed_at)::int as removed,
          percentile_cont(0.5) within group (order by extract(epoch from (removed_at - created_at)) / 86400.0) filter (where removed_at is not null) as median_days
        from ${appeals} where kind = 'drug_advert' and created_at >= ${since.toISOString()}::timestamptz and status not in ('declined', 'duplicate')
        group by 1 order by 1`,
  );
  const [open] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${appeals} where kind = 'drug_advert' and removed_at is null and status not in ('declined', 'not_competent', 'duplicate')`);
  return {
    months: rows.map((r) => ({ month: r.month, reported: Number(r.reported), removed: Number(r.removed), medianDaysToRemove: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10 })),
    open: open?.n ?? 0,
  };
}

/**
 * Feeds the Stop Drugs programme (п.3): reports and removals per completed month of the last year go to
 * the indicators `drug_adverts_reported` and `drug_adverts_removed` (skipped where they are not defined).
 * Months with any synthetic report are marked synthetic.
 */
export async function syncDrugAdvertIndicators(db: Db, actor: AuditActor, now = new Date()): Promise<number> {
  const rows = await queryRows<{ month: string; reported: number; removed: number; synthetic: boolean }>(
    db,
    sql`select to_char(date_trunc('month', created_at at time zone 'Asia/Almaty'), 'YYYY-MM') as month,
          count(*)::int as reported, count(removed_at)::int as removed, bool_or(synthetic) as synthetic
        from ${appeals} where kind = 'drug_advert' and status not in ('declined', 'duplicate')
          and created_at >= ${new Date(now.getTime() - 400 * 86_400_000).toISOString()}::timestamptz
        group by 1 order by 1`,
  );
  const current = new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 7);
  const completed = rows.filter((r) => r.month < current);
  const source = 'openbeat: обращения жителей (п.3)';
  const reason = 'пересчитано по обращениям жителей';
  let written = 0;
  for (const synthetic of [true, false]) {
    const part = completed.filter((r) => Boolean(r.synthetic) === synthetic);
    if (part.length === 0) continue;
    written += await saveComputedValues(db, actor, { indicatorCode: 'drug_adverts_reported', unitId: 'city', source, reason, synthetic, values: part.map((r) => ({ period: r.month, value: Number(r.reported) })) });
    written += await saveComputedValues(db, actor, { indicatorCode: 'drug_adverts_removed', unitId: 'city', source, reason, synthetic, values: part.map((r) => ({ period: r.month, value: Number(r.removed) })) });
  }
  return written;
}

// ---- Open311 API keys -------------------------------------------------------------------------------

export async function listApiKeys(db: DbOrTx) {
  const rows = await db.select().from(open311Keys).orderBy(desc(open311Keys.createdAt));
  return rows.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, createdAt: k.createdAt.toISOString(), revokedAt: iso(k.revokedAt), lastUsedAt: iso(k.lastUsedAt) }));
}

export async function issueApiKey(db: Db, actor: AuditActor, name: string, presetKey?: string) {
  const key = presetKey ?? `ob311_${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(open311Keys).values({ name, keyHash: sha256(key), prefix: key.slice(0, 10) }).onConflictDoNothing().returning();
    if (!row) throw new AppError('conflict', 'this key already exists');
    await recordAudit(tx, actor, { action: 'create', entity: 'open311_key', entityId: row.id, before: null, after: { name, prefix: row.prefix } });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), revokedAt: null, lastUsedAt: null, key };
  });
}

export async function revokeApiKey(db: Db, actor: AuditActor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(open311Keys).where(eq(open311Keys.id, id)).for('update');
    if (!row) throw notFound(`API key ${id}`);
    if (row.revokedAt) throw new AppError('conflict', 'the key is already revoked');
    await tx.update(open311Keys).set({ revokedAt: new Date() }).where(eq(open311Keys.id, id));
    await recordAudit(tx, actor, { action: 'revoke', entity: 'open311_key', entityId: id, before: { revoked: false }, after: { revoked: true } });
  });
}

/** The key's id when it is valid and not revoked, or null. */
export async function verifyApiKey(db: DbOrTx, key: string | null): Promise<string | null> {
  if (!key || key.length > 200) return null;
  const [row] = await db.select({ id: open311Keys.id }).from(open311Keys).where(and(eq(open311Keys.keyHash, sha256(key)), isNull(open311Keys.revokedAt)));
  if (!row) return null;
  await db.update(open311Keys).set({ lastUsedAt: new Date() }).where(eq(open311Keys.id, row.id));
  return row.id;
}

// ---- Open311 reads ------------------------------------------------------------------------------------

export interface Open311Filter {
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: ('open' | 'closed')[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  limit: number;
}

/** Appeals for Open311 GET requests: public fields only, newest first. */
export async function open311Requests(db: DbOrTx, f: Open311Filter) {
  const conditions: SQL[] = [];
  if (f.ids?.length) {
    const codes = f.ids.map((id) => normalizeTrackingCode(id)).filter((c): c is string => c !== null);
    if (codes.length === 0) return [];
    conditions.push(sql`a.code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  } else {
    if (f.start) conditions.push(sql`a.created_at >= ${f.start.toISOString()}::timestamptz`);
    if (f.end) conditions.push(sql`a.created_at <= ${f.end.toISOString()}::timestamptz`);
  }
  if (f.serviceCodes?.length) conditions.push(sql`a.category_code in (${sql.join(f.serviceCodes.map((c) => sql`${c}`), sql`, `)})`);
  if (f.statuses?.length === 1) conditions.push(f.statuses[0] === 'open' ? sql`a.status in ('received', 'routed', 'in_progress')` : sql`a.status not in ('received', 'routed', 'in_progress')`);
  return queryRows<{
    code: string;
    status: AppealStatus;
    status_reason: string | null;
    category_code: string;
    category_name: LocalizedText;
    public_text: boolean;
    hidden: boolean;
    public_description: string;
    unit: string | null;
    answer: string | null;
    created_at: string;
    updated_at: string;
    deadline_at: string;
    lon: number | null;
    lat: number | null;
    photo: number | null;
    kind: AppealKind;
  }>(
    db,
    sql`select a.code, a.status, a.status_reason, a.category_code, c.name as category_name, c.public_text, a.hidden, a.public_description, a.unit, a.answer,
          a.created_at, a.updated_at, a.deadline_at, ST_X(a.location) as lon, ST_Y(a.location) as lat, a.kind,
          (select min(ord) from ${appealPhotos} p where p.appeal_id = a.id and (a.kind = 'drug_advert' or p.evidence)) as photo
        from ${appeals} a join ${appealCategories} c on c.code = a.category_code
        ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
        order by a.created_at desc limit ${f.limit}`,
  );
}
