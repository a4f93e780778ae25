import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db, type Tx } from '../db/db.js';
import { jobAttempts, jobs } from '../platform.tables.js';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueOptions {
  /** Earliest time to run; default now. */
  runAfter?: Date;
  maxAttempts?: number;
  /** Enqueueing the same key twice keeps one job. */
  dedupeKey?: string;
}

/** Writes an outbox row in the caller's transaction: it exists only if the change commits. */
export async function enqueueJob(tx: Tx, kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      kind,
      payload: payload as object,
      runAfter: options.runAfter ?? new Date(),
      maxAttempts: options.maxAttempts ?? 8,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

/** What a handler answers; `detail` is kept verbatim in the attempt record (e.g. the SMS provider's reply). */
export interface JobOutcome {
  detail?: string;
}
export type JobHandler = (payload: unknown, job: JobRow) => Promise<JobOutcome | void>;

/** Exponential backoff with full jitter: 2^attempt seconds, capped at one hour. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = 3_600_000;
  const base = Math.min(cap, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

export interface WorkerOptions {
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  logger?: Logger;
}

export class JobWorker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;

  constructor(
    private readonly db: Db,
    private readonly options: WorkerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 10;
    this.pollMs = options.pollMs ?? 1000;
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * Claims ready jobs (pending and due, or running with an expired lease) with
   * FOR UPDATE SKIP LOCKED so that several workers never take the same row.
   */
  async claim(): Promise<JobRow[]> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return [];
    // A job whose worker died on its last attempt is not retried forever: it fails.
    await this.db.execute(
      sql`update ${jobs} set status = 'failed', finished_at = now(), lease_until = null, last_error = coalesce(last_error, 'lease expired on the last attempt')
          where status = 'running' and lease_until < now() and attempts >= max_attempts`,
    );
    const leaseUntil = new Date(Date.now() + this.leaseMs);
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      sql`update ${jobs} set status = 'running', attempts = attempts + 1, lease_until = ${leaseUntil.toISOString()}::timestamptz, locked_by = ${this.id}
          where id in (
            select id from ${jobs}
            where kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
              and ((status = 'pending' and run_after <= now())
                or (status = 'running' and lease_until < now() and attempts < max_attempts))
            order by run_after, id
            for update skip locked
            limit ${this.batchSize})
          returning id`,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r.id));
    return this.db.select().from(jobs).where(sql`${jobs.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  }

  /** Runs one claimed job and records the attempt. */
  async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const startedAt = new Date();
    let ok = false;
    let detail: string | null = null;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const outcome = await handler(job.payload, job);
      ok = true;
      detail = outcome?.detail ?? null;
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    const finishedAt = new Date();
    // Only the worker that still holds this attempt's lease may settle the job; a worker whose
    // lease expired (and was reclaimed) records its attempt but leaves the job to its new owner.
    const owned = and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.id), eq(jobs.attempts, job.attempts), eq(jobs.status, 'running'));
    await this.db.transaction(async (tx) => {
      await tx.insert(jobAttempts).values({
        jobId: job.id,
        attempt: job.attempts,
        workerId: this.id,
        startedAt,
        finishedAt,
        ok,
        detail: detail?.slice(0, 4000) ?? null,
      });
      if (ok) {
        await tx.update(jobs).set({ status: 'done', finishedAt, leaseUntil: null, lastError: null }).where(owned);
      } else if (job.attempts >= job.maxAttempts) {
        await tx.update(jobs).set({ status: 'failed', finishedAt, leaseUntil: null, lastError: detail }).where(owned);
      } else {
        const runAfter = new Date(finishedAt.getTime() + backoffMs(job.attempts));
        await tx.update(jobs).set({ status: 'pending', runAfter, leaseUntil: null, lastError: detail }).where(owned);
      }
    });
    if (!ok) this.options.logger?.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, detail }, 'job attempt failed');
  }

  /** Claims and runs one batch; returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const job of claimed) await this.execute(job);
    return claimed.length;
  }

  /** Drains until nothing is ready (tests and the CLI). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  start(): void {
    if (this.timer) return;
    const tick = async () => {
      try {
        this.running = this.drain();
        await this.running;
      } catch (error) {
        this.options.logger?.error({ err: error }, 'job worker tick failed');
      } finally {
        this.running = null;
        if (this.timer) this.timer = setTimeout(tick, this.pollMs);
      }
    };
    this.timer = setTimeout(tick, this.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
