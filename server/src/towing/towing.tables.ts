import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { point, type LocalizedText } from '../platform/db/columns.js';
import { districts, users } from '../platform/platform.tables.js';

/** An impound lot (штрафстоянка): where towed cars are kept and collected. */
export const impoundLots = pgTable('impound_lots', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  address: jsonb('address').$type<LocalizedText>().notNull(),
  location: point('location').notNull(),
  districtId: text('district_id').references(() => districts.id),
  phone: text('phone').notNull(),
  /** Opening hours as the owner reads them, e.g. «ежедневно 08:00–22:00». */
  hours: jsonb('hours').$type<LocalizedText>().notNull(),
  active: boolean('active').notNull().default(true),
  synthetic: boolean('synthetic').notNull().default(false),
});

/**
 * Why a car may be towed: the article of the Code of Administrative Offences and its words. The fine
 * is entered per tow (it depends on the part of the article and on repeat offences).
 */
export const towReasons = pgTable('tow_reasons', {
  code: text('code').primaryKey(),
  /** The article as it is cited, e.g. «ст. 597 ч. 1 КоАП РК». */
  article: jsonb('article').$type<LocalizedText>().notNull(),
  text: jsonb('text').$type<LocalizedText>().notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Example wording for the demo, to be checked against the Code before real use. */
  synthetic: boolean('synthetic').notNull().default(false),
});

/**
 * The vehicle registry as far as the tow service needs it: plate → the owner's phone and language.
 * Imported from CSV for now (towing/registry.ts is the adapter a real registry API can later fill).
 * Personal data: read only to address the SMS and never shown.
 */
export const vehicleRegistry = pgTable('vehicle_registry', {
  /** Normalised plate (towing/plates.ts). */
  plate: text('plate').primaryKey(),
  phone: text('phone').notNull(),
  /** ru | kk: the language of the owner's messages. */
  lang: text('lang').notNull().default('ru'),
  synthetic: boolean('synthetic').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A tow from registration to release (or cancellation). Every change is audited. */
export const tows = pgTable(
  'tows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Normalised plate, and as the operator wrote it. */
    plate: text('plate').notNull(),
    plateAsWritten: text('plate_as_written').notNull(),
    /** The plate format it matched, or `override` with the operator's reason. */
    plateFormat: text('plate_format').notNull(),
    plateOverrideReason: text('plate_override_reason'),
    make: text('make').notNull(),
    colour: text('colour').notNull(),
    towedFrom: point('towed_from'),
    towedFromAddress: text('towed_from_address'),
    towedAt: timestamp('towed_at', { withTimezone: true }).notNull(),
    reasonCode: text('reason_code')
      .notNull()
      .references(() => towReasons.code),
    /** Whole tenge. */
    fine: integer('fine').notNull(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => impoundLots.id),
    truck: text('truck').notNull(),
    /** The operator's district: the operator sees and changes only their district's tows. */
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    /** towed | at_lot | released | cancelled */
    status: text('status').notNull().default('towed'),
    atLotAt: timestamp('at_lot_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** To whom, and which documents were checked (staff side only). */
    releasedTo: text('released_to'),
    releaseDocuments: text('release_documents'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** registry: an SMS went to the registry's phone; none: no contact, the duty officer must call. */
    ownerContact: text('owner_contact').notNull(),
    ownerLang: text('owner_lang').notNull().default('ru'),
    needsCall: boolean('needs_call').notNull().default(false),
    calledAt: timestamp('called_at', { withTimezone: true }),
    callNote: text('call_note'),
    /** The short link's token (not guessable, not the plate) and the one-time code's hash with its salt. */
    linkToken: text('link_token').notNull().unique(),
    codeSalt: text('code_salt').notNull(),
    codeHash: text('code_hash').notNull(),
    /** The last four digits of the owner's phone, hashed with the same salt (the other way to look up). */
    phoneLast4Hash: text('phone_last4_hash'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [index('tows_plate_idx').on(t.plate, t.towedAt), index('tows_district_day_idx').on(t.districtId, t.towedAt), index('tows_needs_call_idx').on(t.needsCall).where(sql`needs_call`)],
);

export const towPhotos = pgTable(
  'tow_photos',
  {
    towId: uuid('tow_id')
      .notNull()
      .references(() => tows.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    /** Content hash of the stored (EXIF-free, resized) image in DATA_DIR. */
    hash: text('hash').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
  },
  (t) => [primaryKey({ columns: [t.towId, t.position] })],
);

/** The tow notice's SMS text per language, as the administrator edits it (the editor shows encoding and parts). */
export const towTemplates = pgTable(
  'tow_templates',
  {
    /** notice (the tow) | released */
    purpose: text('purpose').notNull(),
    lang: text('lang').notNull(),
    text: text('text').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.lang] })],
);

/** Failed public look-ups per plate and hour: guessing codes stops at the limit, whoever guesses. */
export const towLookupFailures = pgTable(
  'tow_lookup_failures',
  {
    plate: text('plate').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.plate, t.hour] })],
);

export type Tow = typeof tows.$inferSelect;
export type ImpoundLot = typeof impoundLots.$inferSelect;
