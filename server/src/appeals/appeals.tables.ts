import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { point, type LocalizedText } from '../platform/db/columns.js';
import { districts, users } from '../platform/platform.tables.js';
import { precincts } from '../precincts/precincts.tables.js';
import type { AppealKind, AppealStatus, ResponsibleUnit } from './appeals.domain.js';

/** A category of appeal (an Open311 service): who answers it and how soon. */
export const appealCategories = pgTable('appeal_categories', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<AppealKind>().notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  /** Open311 `group`. */
  groupName: text('group_name').notNull(),
  keywords: text('keywords').notNull().default(''),
  responsibleUnit: text('responsible_unit').$type<ResponsibleUnit>().notNull(),
  /** Answer deadline in working days of the Almaty calendar (default 15). */
  deadlineDays: integer('deadline_days').notNull().default(15),
  /** Whether the place is required (a map point or an address). */
  needsPlace: boolean('needs_place').notNull().default(true),
  /** Whether the masked text may be shown publicly (never for conduct complaints). */
  publicText: boolean('public_text').notNull().default(true),
  /** The report item the category answers, e.g. "п.3". */
  sourceItem: text('source_item'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * An appeal, proposal or drug-advert report. The resident's contact is private: it is read only by the
 * notification sender and by staff, and never leaves through a public presenter.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public tracking code, also the Open311 service_request_id. */
    code: text('code').notNull().unique(),
    /** SHA-256 of the resident's secret key (rating, contesting): shown once at submission. */
    residentKeyHash: text('resident_key_hash').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => appealCategories.code),
    kind: text('kind').$type<AppealKind>().notNull(),
    description: text('description').notNull(),
    /** The description with personal data masked; what the public may see. */
    publicDescription: text('public_description').notNull(),
    /** Staff hid the text from the public (the status stays public). */
    hidden: boolean('hidden').notNull().default(false),
    location: point('location'),
    /** As the resident typed it; private (it may be their home). */
    address: text('address'),
    precinctId: text('precinct_id').references(() => precincts.id),
    districtId: text('district_id').references(() => districts.id),
    /** `precinct:<id>`, `district:<id>` or `city:<unit>`; null until routed. */
    unit: text('unit'),
    status: text('status').$type<AppealStatus>().notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** For `not_competent`: the body that is competent. For `declined`: the reason. */
    statusReason: text('status_reason'),
    duplicateOfId: uuid('duplicate_of_id'),
    contestedAt: timestamp('contested_at', { withTimezone: true }),
    contestReason: text('contest_reason'),
    rating: smallint('rating'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    contactLang: text('contact_lang').notNull().default('ru'),
    source: text('source').$type<'web' | 'open311'>().notNull(),
    apiKeyId: uuid('api_key_id'),
    /** Drug adverts (п.3): graffiti or a web link / Telegram channel, tracked until removed. */
    advertKind: text('advert_kind').$type<'graffiti' | 'link'>(),
    advertUrl: text('advert_url'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removalEvidence: text('removal_evidence'),
    /** Proposals (п.1): the recommendation, programme or measure that took the idea up. */
    adoptedRef: jsonb('adopted_ref').$type<{ kind: 'recommendation' | 'programme' | 'measure'; ref: string } | null>(),
    supportCount: integer('support_count').notNull().default(0),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appeals_unit_status_idx').on(t.unit, t.status),
    index('appeals_district_status_idx').on(t.districtId, t.status),
    index('appeals_created_idx').on(t.createdAt),
    index('appeals_category_created_idx').on(t.categoryCode, t.createdAt),
    index('appeals_location_idx').using('gist', t.location),
  ],
);

/** The public timeline of an appeal; `internalNote` is for staff only. */
export const appealEvents = pgTable(
  'appeal_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    status: text('status').$type<AppealStatus>(),
    unit: text('unit'),
    publicNote: text('public_note'),
    internalNote: text('internal_note'),
    actorRole: text('actor_role').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
  },
  (t) => [index('appeal_events_appeal_idx').on(t.appealId, t.at)],
);

/** Photos attached to an appeal, stored by content hash (metadata stripped). */
export const appealPhotos = pgTable(
  'appeal_photos',
  {
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    ord: smallint('ord').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Evidence of removal (a drug advert painted over) rather than the resident's photo. */
    evidence: boolean('evidence').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.ord] })],
);

/**
 * Supports of a proposal: one per supporter key (the SHA-256 of a verified phone or e-mail, or of a
 * staff account), so a count can be trusted without keeping who supported.
 */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    supporterKey: text('supporter_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.supporterKey] })],
);

/** A pending support: a code sent to a phone or e-mail, confirmed within 15 minutes. */
export const supportChallenges = pgTable('support_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  appealId: uuid('appeal_id')
    .notNull()
    .references(() => appeals.id, { onDelete: 'cascade' }),
  supporterKey: text('supporter_key').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: smallint('attempts').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Open311 API keys: only the SHA-256 is kept; the key is shown once when issued. */
export const open311Keys = pgTable('open311_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters, so an admin can tell keys apart. */
  prefix: text('prefix').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
