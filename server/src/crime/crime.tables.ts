import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { point, type LocalizedText } from '../platform/db/columns.js';
import { tasks, users } from '../platform/platform.tables.js';
import type { ForecastMethod, MethodParams } from './forecast/methods.js';
import type { GridSpec } from './forecast/grid.js';

/**
 * The programmes' lines of crime (street crime, theft, apartment theft, domestic violence, drugs, …)
 * that incidents are counted under. Reference data kept with the schema. A line against the person is
 * never shown to the public below district level.
 */
export const crimeLines = pgTable('crime_lines', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  againstPerson: boolean('against_person').notNull().default(false),
  /** The programme the line belongs to (performance module), e.g. `street_safety`; informative. */
  programmeCode: text('programme_code'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * A body of incidents from one source: the city's own register, or another city's open data imported
 * to test forecasts (e.g. Vancouver 2020). Only public datasets reach the public map.
 */
export const crimeDatasets = pgTable('crime_datasets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  public: boolean('public').notNull().default(false),
  synthetic: boolean('synthetic').notNull().default(false),
  /** Local times in the source are read in this zone. */
  timeZone: text('time_zone').notNull().default('Asia/Almaty'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The editable table that maps a dataset's own category names to lines; unmapped (null) until decided. */
export const crimeCategoryMap = pgTable(
  'crime_category_map',
  {
    datasetId: text('dataset_id')
      .notNull()
      .references(() => crimeDatasets.id, { onDelete: 'cascade' }),
    sourceCategory: text('source_category').notNull(),
    lineCode: text('line_code').references(() => crimeLines.code),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.sourceCategory] })],
);

/**
 * One recorded incident. Exact places are for staff; the public sees aggregates only. A time of
 * exactly 00:00 in sources that use it for "unknown" is kept with `time_known = false`, so it stays
 * out of hour-of-day profiles. Sized for millions of rows (bigint key; partition by month when needed).
 */
export const incidents = pgTable(
  'incidents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // dataset_id and line_code are checked against crime_datasets and crime_lines once per statement by
    // triggers (migration …_incident_integrity), not by row-level foreign keys: the per-row checks took
    // a third of the import time of a million rows. Deleting a dataset still deletes its incidents.
    datasetId: text('dataset_id').notNull(),
    /** The source's id, or a hash of the row when the source has none: re-importing changes nothing. */
    externalId: text('external_id').notNull(),
    sourceCategory: text('source_category').notNull(),
    lineCode: text('line_code'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    timeKnown: boolean('time_known').notNull().default(true),
    location: point('location').notNull(),
    /** The district or neighbourhood as the source names it. */
    sourceDistrict: text('source_district'),
    cleared: boolean('cleared'),
    importId: uuid('import_id'),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [
    uniqueIndex('incidents_dataset_external_idx').on(t.datasetId, t.externalId),
    // Every read filters by dataset and time first (maps by month, forecasts by window); a spatial index
    // on millions of points would cost a third of the import rate for lookups no query makes.
    index('incidents_dataset_time_idx').on(t.datasetId, t.occurredAt),
  ],
);

/** How the columns of a file map to an incident, as the analyst chose it once and saved it. */
export interface ImportMapping {
  format: 'csv' | 'geojson';
  /** CSV: the column separator (default comma). */
  delimiter?: ',' | ';' | '\t' | '|';
  time:
    | { kind: 'timestamp'; column: string }
    | { kind: 'parts'; date?: string; year?: string; month?: string; day?: string; hour?: string; minute?: string };
  /** A time of exactly 00:00 means "unknown time" in this source. */
  midnightUnknown?: boolean;
  category: string;
  place:
    | { kind: 'lonlat'; lon: string; lat: string }
    | { kind: 'xy'; x: string; y: string; crs: string }
    | { kind: 'geometry' };
  externalId?: string;
  district?: string;
  cleared?: { column: string; values: string[] };
}

export const incidentImportMappings = pgTable('incident_import_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One file imported into a dataset: what it held and what became of each row. */
export const incidentImports = pgTable(
  'incident_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => crimeDatasets.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    mapping: jsonb('mapping').$type<ImportMapping>().notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    rowsRead: integer('rows_read').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Rejected rows counted by reason, e.g. { no_place: 3750, no_time: 1 }. */
    rejectsByReason: jsonb('rejects_by_reason').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** The first rejected rows of each reason: row number, reason, detail. */
    rejectExamples: jsonb('reject_examples').$type<{ row: number; reason: string; detail: string }[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('incident_imports_dataset_idx').on(t.datasetId, t.createdAt)],
);

/** A forecast as it was made: its inputs, method and grid, so any past plan can be explained. */
export const forecastRuns = pgTable(
  'forecast_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => crimeDatasets.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id),
    method: text('method').$type<ForecastMethod>().notNull(),
    params: jsonb('params').$type<MethodParams>().notNull(),
    /** The lines forecast (empty = all). */
    lines: text('lines').array().notNull(),
    origin: timestamp('origin', { withTimezone: true }).notNull(),
    horizonDays: doublePrecision('horizon_days').notNull(),
    lookbackDays: doublePrecision('lookback_days'),
    grid: jsonb('grid').$type<GridSpec>(),
    /** What the method learned (e.g. the self-exciting model's θ and ω) and how many incidents it saw. */
    fit: jsonb('fit'),
    incidentsUsed: integer('incidents_used'),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forecast_runs_dataset_idx').on(t.datasetId, t.createdAt)],
);

/** A forecast's score per grid cell (cells with a score above zero). */
export const forecastCells = pgTable(
  'forecast_cells',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => forecastRuns.id, { onDelete: 'cascade' }),
    cell: integer('cell').notNull(),
    score: doublePrecision('score').notNull(),
    /** 1 = the highest-risk cell. */
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.cell] })],
);

/** A rolling-origin comparison of methods on past data, kept as evidence for the method chosen. */
export const backtests = pgTable(
  'backtests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => crimeDatasets.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id),
    params: jsonb('params').notNull(),
    result: jsonb('result'),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('backtests_dataset_idx').on(t.datasetId, t.createdAt)],
);

/** The method the analyst chose for a line (`*` = all lines together), with the backtest that justified it. */
export const forecastMethodChoices = pgTable(
  'forecast_method_choices',
  {
    datasetId: text('dataset_id')
      .notNull()
      .references(() => crimeDatasets.id, { onDelete: 'cascade' }),
    lineCode: text('line_code').notNull(),
    method: text('method').$type<ForecastMethod>().notNull(),
    params: jsonb('params').$type<MethodParams>().notNull(),
    backtestId: uuid('backtest_id').references(() => backtests.id, { onDelete: 'set null' }),
    chosenBy: uuid('chosen_by').references(() => users.id),
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.lineCode] })],
);
