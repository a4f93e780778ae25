import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { multiPolygon, point, type LocalizedText } from '../platform/db/columns.js';
import { districts, users } from '../platform/platform.tables.js';
import type { HoursException, MessengerLink, ReceptionKind, WeeklyHours } from './precincts.domain.js';

/**
 * A precinct (участок): the area one precinct inspector serves, inside one district department.
 * Precincts tile the city; a point inside none of them is outside the city.
 */
export const precincts = pgTable(
  'precincts',
  {
    id: text('id').primaryKey(),
    /** The department's own number for the precinct, unique within the city, e.g. `AU-014`. */
    code: text('code').notNull().unique(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    population: integer('population'),
    populationYear: integer('population_year'),
    geom: multiPolygon('geom').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('precincts_geom_idx').using('gist', t.geom), index('precincts_district_idx').on(t.districtId)],
);

/**
 * Where residents are received: a precinct inspector's office (УПП), one of the 37 modular 24-hour
 * posts, a district department's front office, or another point. Hours are local (Asia/Almaty).
 */
export const receptionPoints = pgTable('reception_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<ReceptionKind>().notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  address: jsonb('address').$type<LocalizedText>().notNull(),
  location: point('location').notNull(),
  districtId: text('district_id').references(() => districts.id),
  phone: text('phone'),
  /** Open around the clock (the modular posts). */
  allDay: boolean('all_day').notNull().default(false),
  hours: jsonb('hours').$type<WeeklyHours[]>().notNull().default([]),
  exceptions: jsonb('exceptions').$type<HoursException[]>().notNull().default([]),
  synthetic: boolean('synthetic').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A precinct inspector (участковый инспектор полиции). Official contacts are public by design (п.9, п.22). */
export const inspectors = pgTable(
  'inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The department's personnel number: the key inspector imports match on. */
    personnelNumber: text('personnel_number').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    rank: jsonb('rank').$type<LocalizedText>().notNull(),
    position: jsonb('position').$type<LocalizedText>().notNull(),
    phone: text('phone').notNull(),
    messengers: jsonb('messengers').$type<MessengerLink[]>().notNull().default([]),
    /** SHA-256 of the processed portrait in the photo store. */
    photoSha: text('photo_sha'),
    precinctId: text('precinct_id').references(() => precincts.id),
    receptionPointId: uuid('reception_point_id').references(() => receptionPoints.id),
    /** The staff account the inspector signs in with, when they have one: their appeals queue. */
    userId: uuid('user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspectors_precinct_idx').on(t.precinctId)],
);

/** The address register "find my inspector" searches: one row per building with its point. */
export const addressRegister = pgTable(
  'address_register',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    street: text('street').notNull(),
    house: text('house').notNull(),
    /** Normalised keys (address.ts): spelling, language and abbreviations folded. */
    streetKey: text('street_key').notNull(),
    houseKey: text('house_key').notNull(),
    location: point('location').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [uniqueIndex('address_register_key_idx').on(t.streetKey, t.houseKey), index('address_register_street_idx').on(t.streetKey)],
);

