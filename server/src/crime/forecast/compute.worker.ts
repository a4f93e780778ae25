// The forecast methods and the backtest, run in a worker thread (see platform/workers/compute-pool.ts):
// an EM fit or a backtest of four methods takes seconds of CPU that the server's own thread must not spend.
import { serveComputeJobs } from '../../platform/workers/compute-pool.js';
import { backtest } from './backtest.js';
import { forecast, seppForecast } from './methods.js';
import type { ComputeJob, ComputeResult } from './compute.js';

export default serveComputeJobs<ComputeJob, ComputeResult>((job, report) => {
  if (job.kind === 'backtest') return { kind: 'backtest', result: backtest(job.input, (fraction, method, step, steps) => report(fraction, 'backtestStep', { method, step, steps })) };
  if (job.method === 'sepp') {
    const out = seppForecast(job.input, job.params, (done, total) => report(done / total, 'emIteration', { done, total }));
    return { kind: 'forecast', scores: out.scores, fit: { theta: out.fit.theta, omega: out.fit.omega, meanDelayDays: 1 / out.fit.omega, iterations: out.fit.iterations } };
  }
  return { kind: 'forecast', scores: forecast(job.method, job.input, job.params), fit: null };
});
