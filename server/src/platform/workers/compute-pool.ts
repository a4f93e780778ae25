/**
 * CPU-heavy work (forecasts, backtests) runs in worker threads, so the server keeps answering while a
 * model is fitted. One pool per worker module; its threads start on first use and exit when idle.
 *
 * A job reports progress through a MessagePort handed to the worker with it; the worker module's default
 * export is `(job, report) => result`, wrapped by `serveComputeJobs`.
 */
import os from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';

// piscina's transfer-list type follows the global MessagePort, which the web's DOM types redefine.
type RunOptions = NonNullable<Parameters<Piscina['run']>[1]>;

export type ComputeReport = (fraction: number, stage: string, params?: Record<string, string | number>) => void;
export type ComputeHandler<J, R> = (job: J, report: ComputeReport) => R | Promise<R>;

interface Envelope<J> {
  job: J;
  port: MessagePort;
}

interface ProgressMessage {
  fraction: number;
  stage: string;
  params?: Record<string, string | number>;
}

export interface ComputePool<J, R> {
  run(job: J, report?: ComputeReport): Promise<R>;
  close(): Promise<void>;
}

const pools = new Set<ComputePool<never, unknown>>();

/**
 * A pool for a worker module given by URL relative to the caller, e.g.
 * `computePool(new URL('./compute.worker.js', import.meta.url))`. Under the TypeScript sources (tests,
 * `npm run openbeat`) the `.ts` file is loaded through tsx; the built server loads the `.js` file.
 */
export function computePool<J, R>(moduleUrl: URL): ComputePool<J, R> {
  const fromSources = moduleUrl.pathname.endsWith('.js') && import.meta.url.endsWith('.ts');
  const filename = fromSources ? moduleUrl.href.replace(/\.js$/, '.ts') : moduleUrl.href;
  let pool: Piscina | null = null;
  const open = () => {
    if (!pool) {
      pool = new Piscina({
        filename,
        // One core stays with the server and the database.
        maxThreads: Math.max(1, os.availableParallelism() - 1),
        minThreads: 0,
        idleTimeout: 30_000,
        execArgv: fromSources ? ['--import', 'tsx'] : [],
      });
    }
    return pool;
  };
  const handle: ComputePool<J, R> = {
    async run(job, report) {
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (m: ProgressMessage) => report?.(m.fraction, m.stage, m.params));
      try {
        return (await open().run({ job, port: port2 } satisfies Envelope<J>, { transferList: [port2] as unknown as RunOptions['transferList'] })) as R;
      } finally {
        port1.close();
      }
    },
    async close() {
      if (!pool) return;
      const p = pool;
      pool = null;
      await p.destroy();
    },
  };
  pools.add(handle as ComputePool<never, unknown>);
  return handle;
}

/** Stops every pool's threads (shutdown, end of a test file). */
export async function closeComputePools(): Promise<void> {
  await Promise.all([...pools].map((p) => p.close()));
}

/** The worker module's side: `export default serveComputeJobs(handler)`. */
export function serveComputeJobs<J, R>(handler: ComputeHandler<J, R>): (envelope: Envelope<J>) => Promise<R> {
  return async ({ job, port }) => {
    try {
      return await handler(job, (fraction, stage, params) => port.postMessage({ fraction, stage, ...(params ? { params } : {}) } satisfies ProgressMessage));
    } finally {
      port.close();
    }
  };
}
