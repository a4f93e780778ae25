import {
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
  date,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../platform/db/columns.js';
import type { AssessmentVerdict, RecommendationStatus } from './oversight.domain.js';

export interface SubItem {
  label: string;
  text: string;
}

export interface StatusSuggestionData {
  status: string;
  confidence: number;
  phrase: string | null;
  competence: string | null;
}

export interface Attachment {
  name: string;
  url: string;
}

/** Общественный совет: the Public Council of a city. */
export const councils = pgTable('councils', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
});

/** A commission of the council (e.g. Комиссия №7 по вопросам законности и правопорядка). */
export const commissions = pgTable(
  'commissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    number: integer('number').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
  },
  (t) => [uniqueIndex('commissions_council_number_idx').on(t.councilId, t.number)],
);

/** A reporting period, e.g. 2021-Q1. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => commissions.id),
    code: text('code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('periods_commission_code_idx').on(t.commissionId, t.code)],
);

/** A council recommendation (п.N of the report). */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => commissions.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    subItems: jsonb('sub_items').$type<SubItem[]>().notNull().default([]),
    addressees: text('addressees').array().notNull().default([]),
    topics: text('topics').array().notNull().default([]),
    /** imported (from a report file) | manual */
    source: text('source').$type<'imported' | 'manual'>().notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recommendations_commission_number_idx').on(t.commissionId, t.number)],
);

/** The department's response to a recommendation for one period. */
export const recommendationResponses = pgTable(
  'recommendation_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id),
    text: text('text').notNull(),
    status: text('status').$type<RecommendationStatus>().notNull(),
    /** Whose competence it is, for outside_competence (e.g. ДЧС). */
    competence: text('competence'),
    suggestion: jsonb('suggestion').$type<StatusSuggestionData>(),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    source: text('source').$type<'imported' | 'manual'>().notNull().default('manual'),
    importId: uuid('import_id').references(() => reportImports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('responses_recommendation_period_idx').on(t.recommendationId, t.periodId)],
);

/** Figures quoted in a response; later linked to performance indicators. */
export const responseFigures = pgTable(
  'response_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => recommendationResponses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    value: numeric('value').notNull(),
    unit: text('unit'),
    counts: text('counts').notNull(),
    sentence: text('sentence').notNull(),
  },
  (t) => [index('response_figures_response_idx').on(t.responseId)],
);

/** The council's assessment of a response. */
export const responseAssessments = pgTable(
  'response_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => recommendationResponses.id, { onDelete: 'cascade' }),
    /** accepted | not_accepted | needs_info */
    verdict: text('verdict').$type<AssessmentVerdict>().notNull(),
    comment: text('comment').notNull().default(''),
    userId: uuid('user_id'),
    actorRole: text('actor_role').notNull(),
    actorUnit: text('actor_unit').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessments_response_idx').on(t.responseId)],
);

/** Provenance of an imported report file. */
export const reportImports = pgTable('report_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  periodId: uuid('period_id')
    .notNull()
    .references(() => reportingPeriods.id),
  title: text('title').notNull(),
  filename: text('filename'),
  itemCount: integer('item_count').notNull(),
  synthetic: boolean('synthetic').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

