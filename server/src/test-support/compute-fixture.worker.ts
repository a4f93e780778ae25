// A worker for compute-pool.test.ts: it reports, then waits for the main thread to release it through
// shared memory (which a main thread busy with the work itself could never do), then answers.
import { serveComputeJobs } from '../platform/workers/compute-pool.js';

export type FixtureJob = { kind: 'wait'; gate: SharedArrayBuffer; value: number } | { kind: 'fail'; message: string };

export default serveComputeJobs<FixtureJob, { doubled: number; samples: Float64Array }>((job, report) => {
  if (job.kind === 'fail') throw new RangeError(job.message);
  const flag = new Int32Array(job.gate);
  report(0.5, 'waiting', { value: job.value });
  Atomics.wait(flag, 0, 0, 10_000); // released by the main thread; gives up after 10 s so a failure cannot hang
  return { doubled: Atomics.load(flag, 0) === 1 ? job.value * 2 : -1, samples: Float64Array.from([1.5, 2.5]) };
});
