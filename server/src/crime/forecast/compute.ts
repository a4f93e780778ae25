// Forecasts and backtests off the server's thread: the calls the service makes, and the jobs they send.
import { computePool, type ComputeReport } from '../../platform/workers/compute-pool.js';
import type { BacktestInput, BacktestResult } from './backtest.js';
import type { ForecastInput, ForecastMethod, MethodParams } from './methods.js';

export type ComputeJob = { kind: 'forecast'; method: ForecastMethod; input: ForecastInput; params: MethodParams } | { kind: 'backtest'; input: BacktestInput };

export interface SeppFitSummary {
  theta: number;
  omega: number;
  meanDelayDays: number;
  iterations: number;
}

export type ComputeResult = { kind: 'forecast'; scores: Float64Array; fit: SeppFitSummary | null } | { kind: 'backtest'; result: BacktestResult };

const pool = computePool<ComputeJob, ComputeResult>(new URL('./compute.worker.js', import.meta.url));

/** One method's scores per cell (and the fitted parameters of the self-exciting model). Progress: the EM iterations. */
export async function computeForecast(method: ForecastMethod, input: ForecastInput, params: MethodParams, report?: ComputeReport): Promise<{ scores: Float64Array; fit: SeppFitSummary | null }> {
  const out = await pool.run({ kind: 'forecast', method, input, params }, report);
  if (out.kind !== 'forecast') throw new Error('the compute worker answered a forecast with a backtest');
  return out;
}

/** A rolling-origin backtest. Progress: one step per fold and method. */
export async function computeBacktest(input: BacktestInput, report?: ComputeReport): Promise<BacktestResult> {
  const out = await pool.run({ kind: 'backtest', input }, report);
  if (out.kind !== 'backtest') throw new Error('the compute worker answered a backtest with a forecast');
  return out.result;
}
