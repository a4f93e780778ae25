import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { multiPolygon, type LocalizedText } from './db/columns.js';

/** District police departments (УП районов): the unit a staff account may be scoped to. */
export const districts = pgTable('districts', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  /** Demo boundaries are approximate and say so wherever they show. */
  approximate: boolean('approximate').notNull().default(true),
  /** Residents, for rates per 100 000; null until known. Demo figures are approximate. */
  population: integer('population'),
  populationYear: integer('population_year'),
  geom: multiPolygon('geom').notNull(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** null = the whole city; otherwise the one district department the account serves. */
    districtId: text('district_id').references(() => districts.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`)],
);

/** Server-side sessions: only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Append-only, hash-chained audit log. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorRole: text('actor_role').notNull(),
    actorUnit: text('actor_unit').notNull(),
    /** Kept for internal investigations; never leaves through public presenters. */
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

/** Transactional outbox: written with the change that causes it, drained by the worker. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | running | done | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    /** Lets a caller enqueue the same message twice without it being sent twice. */
    dedupeKey: text('dedupe_key').unique(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_ready_idx').on(t.status, t.runAfter)],
);

export const jobAttempts = pgTable(
  'job_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    workerId: text('worker_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    /** The provider's answer or the error, verbatim (trimmed). */
    detail: text('detail'),
  },
  (t) => [index('job_attempts_job_idx').on(t.jobId)],
);

/**
 * The message outbox (SMS, e-mail): written in the transaction of the change that causes the message,
 * sent by the message sender (platform/notify/sender.ts), which records every provider answer in
 * `message_events`. The recipient is personal data: it never leaves the staff side.
 */
export const messages = pgTable(
  'messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** sms | email */
    channel: text('channel').notNull(),
    /** Personal data: blanked (null) once the message has finished and its retention has passed. */
    recipient: text('recipient'),
    subject: text('subject'),
    text: text('text').notNull(),
    /** sms: gsm7 | ucs2, and how many parts it goes out in. */
    encoding: text('encoding'),
    segments: integer('segments').notNull().default(1),
    /** What sent it, e.g. tow.notice, appeal.status, support.code; and the record it is about. */
    purpose: text('purpose').notNull(),
    refId: text('ref_id'),
    /** Sent to the provider with every submission of this message, so a resubmission after a crash is not sent twice. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** queued | sending | sent | delivered | failed | expired */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    provider: text('provider'),
    /** The provider's id of each part, in order (receipts name them). */
    providerIds: text('provider_ids').array(),
    partsDelivered: integer('parts_delivered').notNull().default(0),
    /** Why it failed or expired, in the provider's words. */
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the provider accepted it (submit_sm_resp). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** A message not accepted by then is not sent at all (a tow notice a day late misleads). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('messages_ready_idx').on(t.nextAttemptAt).where(sql`status in ('queued', 'sending')`),
    index('messages_ref_idx').on(t.purpose, t.refId),
    index('messages_provider_ids_idx').using('gin', t.providerIds),
  ],
);

/** Every step of a message: claimed, submitted, the provider's answer, receipts, retries, expiry. */
export const messageEvents = pgTable(
  'message_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** claimed | accepted | reconciled | retry | failed | receipt | expired */
    kind: text('kind').notNull(),
    attempt: integer('attempt'),
    workerId: text('worker_id'),
    /** The provider's status as it said it (e.g. ESME_RTHROTTLED, DELIVRD) and the part a receipt is for. */
    providerStatus: text('provider_status'),
    partId: text('part_id'),
    detail: text('detail'),
  },
  (t) => [index('message_events_message_idx').on(t.messageId), uniqueIndex('message_events_receipt_idx').on(t.messageId, t.partId).where(sql`kind = 'receipt'`)],
);

/** Settings an administrator may change at run time (e.g. the inspector workload norms), one JSON value per key. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Changes to the statutory working calendar that the government announces each year: an extra day off
 * (`holiday`) or a weekend day made a working day (`workday`). Statutory holidays come from date-holidays.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: text('date').primaryKey(),
  kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
  note: text('note'),
});

/** The step a task is at: a code (translated by the pages) and the figures its text needs. */
export interface TaskStage {
  code: string;
  params: Record<string, string | number>;
}

/**
 * Long work started by a person (an import, a forecast, a backtest, a plan): its progress and outcome,
 * kept in the database so any app process can answer "how far along is it" and the result outlives
 * the request. A task whose process died is marked failed (interrupted) when the app next starts.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** queued | running | done | failed */
    status: text('status').notNull().default('queued'),
    /** 0 … 1 */
    progress: doublePrecision('progress').notNull().default(0),
    /**
     * What is being done now, for the progress line: a code the pages translate and its figures, e.g.
     * { code: 'emIteration', params: { done: 12, total: 60 } }.
     */
    stage: jsonb('stage').$type<TaskStage>(),
    input: jsonb('input'),
    result: jsonb('result'),
    /** The problem (type, title, detail) when it failed. */
    error: jsonb('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('tasks_kind_created_idx').on(t.kind, t.createdAt)],
);
