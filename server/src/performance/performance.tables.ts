import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../platform/db/columns.js';
import type {
  Direction,
  IndicatorUnit,
  MeasureStatus,
  PeriodKind,
  ProgrammeKind,
  SurveyContext,
  SurveyScale,
  TargetKind,
  TrustItem,
} from './performance.domain.js';

/**
 * A responsible official (ответственное должностное лицо): the leader who answers personally for a
 * programme or an indicator (п.2). Names of officials are public by design; demo names are synthetic.
 */
export const officials = pgTable('officials', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  position: jsonb('position').$type<LocalizedText>().notNull(),
  /** 'city' or a district id: the unit the official leads. */
  unitId: text('unit_id').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A target programme, plan or state programme (п.3) with its period and responsible official. */
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable slug used in URLs and uploads, e.g. `safe-streets`. */
  code: text('code').notNull().unique(),
  kind: text('kind').$type<ProgrammeKind>().notNull(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  officialId: uuid('official_id').references(() => officials.id),
  unitId: text('unit_id').notNull().default('city'),
  /** The report items (п.N) the programme answers. */
  recommendationNumbers: integer('recommendation_numbers').array().notNull().default([]),
  /** Where the programme is described, e.g. "п.3". */
  sourceItem: text('source_item'),
  /** How many measures the plan declares (the report: 101), when more than are entered. */
  declaredMeasureCount: integer('declared_measure_count'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Money per programme and year, in tiyn (1/100 tenge) as integers: never floats. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    label: text('label').notNull().default(''),
    plannedTiyn: bigint('planned_tiyn', { mode: 'number' }).notNull(),
    allocatedTiyn: bigint('allocated_tiyn', { mode: 'number' }),
    spentTiyn: bigint('spent_tiyn', { mode: 'number' }),
    source: text('source').notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('budget_lines_programme_year_label_idx').on(t.programmeId, t.year, t.label),
    check('budget_lines_non_negative', sql`${t.plannedTiyn} >= 0 and coalesce(${t.allocatedTiyn}, 0) >= 0 and coalesce(${t.spentTiyn}, 0) >= 0`),
  ],
);

/** A measure (мероприятие) of a programme or plan. */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    text: text('text').notNull(),
    executor: text('executor').notNull(),
    deadline: date('deadline'),
    status: text('status').$type<MeasureStatus>().notNull().default('planned'),
    evidence: text('evidence').notNull().default(''),
    sourceItem: text('source_item'),
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('measures_programme_number_idx').on(t.programmeId, t.number)],
);

export interface Thresholds {
  /** Achievement (%) at or above which the light is green. */
  green: number;
  /** Achievement (%) at or above which the light is amber; below it, red. */
  amber: number;
}

/**
 * An indicator (показатель). The same `code` at different units (the city and each district
 * department) forms one family, which is what district rankings compare.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    unitId: text('unit_id').notNull().default('city'),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    measure: text('measure').$type<IndicatorUnit>().notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    baselinePeriod: text('baseline_period'),
    baselineValue: numeric('baseline_value'),
    targetKind: text('target_kind').$type<TargetKind>().notNull().default('value'),
    targetValue: numeric('target_value'),
    targetDate: date('target_date'),
    thresholds: jsonb('thresholds').$type<Thresholds>().notNull().default({ green: 100, amber: 90 }),
    /** Where the figures come from (a statistics form, a department, the report). */
    dataSource: text('data_source').notNull(),
    /** The report item the indicator comes from, e.g. "п.3". */
    sourceItem: text('source_item'),
    note: text('note').notNull().default(''),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    officialId: uuid('official_id').references(() => officials.id),
    recommendationNumber: integer('recommendation_number'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicators_code_unit_idx').on(t.code, t.unitId),
    index('indicators_programme_idx').on(t.programmeId),
  ],
);

/**
 * Indicator values, append-only: a correction adds a row and marks the one it replaces as superseded,
 * so the history of every published figure stays readable.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    periodCode: text('period_code').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    value: numeric('value').notNull(),
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    /** Why a correction was made (empty for a first value). */
    reason: text('reason').notNull().default(''),
    /** The value this one corrected (superseded in the same transaction). */
    replaces: uuid('replaces'),
    /** The oversight figure this value was promoted from, if any. */
    figureId: uuid('figure_id'),
    enteredByRole: text('entered_by_role').notNull(),
    enteredByUnit: text('entered_by_unit').notNull(),
    enteredByUser: uuid('entered_by_user'),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('indicator_values_current_idx').on(t.indicatorId, t.periodCode).where(sql`${t.supersededAt} is null`),
    index('indicator_values_indicator_period_idx').on(t.indicatorId, t.periodStart),
  ],
);

/**
 * One-time tokens for the trust survey (п.1): issued after a contact (an answered appeal, a reception,
 * a released car) or on the portal. Only the SHA-256 of a token is stored.
 */
export const trustSurveyTokens = pgTable(
  'trust_survey_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    context: text('context').$type<SurveyContext>().notNull(),
    districtId: text('district_id'),
    /** For portal tokens: a truncated hash of the requester's network and the day, to cap issuance. */
    issuerKey: text('issuer_key'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('trust_tokens_issuer_idx').on(t.issuerKey, t.issuedAt)],
);

/** One answered survey. Holds no personal data: no token, no address, no name. */
export const trustSurveyResponses = pgTable(
  'trust_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    context: text('context').$type<SurveyContext>().notNull(),
    districtId: text('district_id'),
    /** First day of the month answered, in Asia/Almaty. */
    month: date('month').notNull(),
    scale: text('scale').$type<SurveyScale>().notNull(),
    answers: jsonb('answers').$type<Partial<Record<TrustItem, number>>>().notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trust_responses_month_idx').on(t.month, t.districtId)],
);
