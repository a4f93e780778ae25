import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { geometry, multiPolygon, type LocalizedText } from '../platform/db/columns.js';
import { districts, tasks, users } from '../platform/platform.tables.js';

/** A patrol sector (the report, п.6: the city is divided into 102), inside one district department. */
export const patrolSectors = pgTable(
  'patrol_sectors',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    geom: multiPolygon('geom').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [index('patrol_sectors_geom_idx').using('gist', t.geom)],
);

export type RouteKind = 'car' | 'foot' | 'stationary';

/** A patrol route of a sector: a line for car and foot routes, a point for a stationary post. */
export const patrolRoutes = pgTable(
  'patrol_routes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    sectorId: text('sector_id')
      .notNull()
      .references(() => patrolSectors.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<RouteKind>().notNull(),
    geom: geometry('geom').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [index('patrol_routes_sector_idx').on(t.sectorId), index('patrol_routes_geom_idx').using('gist', t.geom)],
);

/** A shift and the crews it has by type (editable): e.g. day 150 car + 120 foot, night 150 car + 130 foot. */
export const patrolShifts = pgTable('patrol_shifts', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** Local (Asia/Almaty) start and end, HH:MM; a night shift ends the next day. */
  starts: text('starts').notNull(),
  ends: text('ends').notNull(),
  carCrews: integer('car_crews').notNull(),
  footCrews: integer('foot_crews').notNull(),
  /** How much more a forecast incident counts in this shift (the report asks for more at night). */
  riskWeight: doublePrecision('risk_weight').notNull().default(1),
  /** The smallest share of foot crews where the report asks for it (0 … 1). */
  minFootShare: doublePrecision('min_foot_share').notNull().default(0),
  sortOrder: integer('sort_order').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A deployment plan for one shift: crews per sector and type, and each crew's hot cells to visit. */
export const deploymentPlans = pgTable(
  'deployment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shiftCode: text('shift_code')
      .notNull()
      .references(() => patrolShifts.code),
    /** The local date the shift starts. */
    date: text('date').notNull(),
    forecastRunId: uuid('forecast_run_id'),
    taskId: uuid('task_id').references(() => tasks.id),
    constraints: jsonb('constraints').notNull(),
    result: jsonb('result'),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deployment_plans_date_idx').on(t.date, t.shiftCode)],
);
