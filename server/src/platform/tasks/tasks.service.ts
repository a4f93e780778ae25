// Long work a person starts and watches: imports, forecasts, backtests, plans. The request that starts
// it answers at once with the task's id; the work runs in this process and writes its progress to the
// `tasks` table (at most every PROGRESS_EVERY_MS), where any process can read it for the progress bar.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { AppError, notFound, problemCatalogue } from '../errors.js';
import { tasks, type TaskStage } from '../platform.tables.js';

export type { TaskStage };

export type TaskRow = typeof tasks.$inferSelect;
export type TaskStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TaskContext {
  /**
   * Reports progress (0 … 1) and what is being done: a stage code the pages translate (`crime.tasks.*`
   * in the web's messages) and the figures its text needs. Cheap to call often.
   */
  report(progress: number, stage?: string, params?: TaskStage['params']): void;
}

const PROGRESS_EVERY_MS = 250;
/** A running task whose heartbeat is older than this belonged to a process that has gone. */
const STALE_AFTER_MS = 60_000;

/** The work still running in this process (tests and shutdown wait for it). */
const running = new Set<Promise<unknown>>();
/**
 * The live state of tasks running in this process. Work that holds a transaction open (an import is
 * all or nothing) would make an embedded database queue the progress reads behind it, so this process
 * answers for its own tasks from memory; other processes read the table.
 */
const live = new Map<string, TaskView>();

export interface TaskView {
  id: string;
  kind: string;
  status: TaskStatus;
  progress: number;
  stage: TaskStage | null;
  result: unknown;
  error: { type: string; title: string; detail?: string; field?: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function taskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as TaskStatus,
    progress: row.progress,
    stage: row.stage,
    result: row.result ?? null,
    error: (row.error as TaskView['error']) ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Creates the task and starts `work` in the background. `onDone` / `onFailed` let the caller keep its
 * own record (e.g. an import's row) in step. Returns the task's row at once.
 */
export async function startTask<T>(
  db: Db,
  spec: { kind: string; input: unknown; createdBy: string | null },
  work: (context: TaskContext, taskId: string) => Promise<T>,
  hooks: { onFailed?: (error: unknown) => Promise<void> } = {},
): Promise<TaskRow> {
  const [row] = await db.insert(tasks).values({ kind: spec.kind, input: spec.input as object, createdBy: spec.createdBy, status: 'queued' }).returning();
  const task = row!;
  live.set(task.id, taskView(task));
  const run = runTask(db, task.id, work, hooks).finally(() => live.delete(task.id));
  running.add(run);
  void run.finally(() => running.delete(run));
  return task;
}

async function runTask<T>(db: Db, id: string, work: (context: TaskContext, taskId: string) => Promise<T>, hooks: { onFailed?: (error: unknown) => Promise<void> }): Promise<void> {
  let lastWrite = 0;
  let pending: { progress: number; stage: TaskStage | undefined } | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = () => {
    if (!pending) return;
    const { progress, stage } = pending;
    pending = null;
    lastWrite = Date.now();
    writing = writing
      .then(() =>
        db
          .update(tasks)
          .set({ progress: Math.min(1, Math.max(0, progress)), ...(stage !== undefined ? { stage } : {}), heartbeatAt: new Date() })
          .where(and(eq(tasks.id, id), eq(tasks.status, 'running'))),
      )
      .catch(() => undefined);
  };
  const context: TaskContext = {
    report(progress, code, params = {}) {
      const stage = code === undefined ? undefined : { code, params };
      const view = live.get(id);
      if (view) {
        view.status = 'running';
        view.progress = Math.min(1, Math.max(0, progress));
        if (stage !== undefined) view.stage = stage;
      }
      pending = { progress, stage };
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) flush();
    },
  };
  try {
    await new Promise((resolve) => setImmediate(resolve));
    const startedAt = new Date();
    await db.update(tasks).set({ status: 'running', startedAt, heartbeatAt: startedAt }).where(eq(tasks.id, id));
    const view = live.get(id);
    if (view) Object.assign(view, { status: 'running', startedAt: startedAt.toISOString() });
    const result = await work(context, id);
    await writing;
    await db
      .update(tasks)
      .set({ status: 'done', progress: 1, stage: null, result: (result ?? null) as object, finishedAt: new Date(), heartbeatAt: new Date() })
      .where(eq(tasks.id, id));
  } catch (error) {
    await writing;
    const problem =
      error instanceof AppError
        ? { type: error.code, title: problemCatalogue[error.code].title, detail: error.message, ...(error.field ? { field: error.field } : {}) }
        : { type: 'internal', title: problemCatalogue.internal.title, detail: 'The work stopped on an unexpected error; it is in the server log.' };
    if (!(error instanceof AppError)) console.error(`task ${id} failed`, error);
    await db.update(tasks).set({ status: 'failed', error: problem, finishedAt: new Date() }).where(eq(tasks.id, id)).catch(() => undefined);
    await hooks.onFailed?.(error).catch(() => undefined);
  }
}

export async function getTask(db: Db, id: string): Promise<TaskView> {
  const mine = live.get(id);
  if (mine) return { ...mine };
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw notFound(`task ${id}`);
  return taskView(row);
}

/** Marks tasks whose process died as failed; called when the app starts. Returns how many. */
export async function failInterruptedTasks(db: Db): Promise<number> {
  const stale = new Date(Date.now() - STALE_AFTER_MS);
  const rows = await db
    .update(tasks)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      error: { type: 'interrupted', title: 'Interrupted', detail: 'The server stopped while this ran; start it again.' },
    })
    .where(and(sql`${tasks.status} in ('queued', 'running')`, lt(sql`coalesce(${tasks.heartbeatAt}, ${tasks.createdAt})`, stale)))
    .returning({ id: tasks.id });
  return rows.length;
}

/** Waits for every task this process is running (tests; graceful shutdown). */
export async function settleTasks(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
