// How good a forecast was: of the incidents that then happened, the share that fell in the cells the
// forecast ranked highest (hit rate), that share divided by the share of area those cells cover (PAI,
// Chainey et al. 2008), and the hits divided by the most any ranking could have caught with the same
// area (PEI, Hunt 2016). Area is the land that can hold incidents — the cells that hold at least one
// incident over the span examined — never the bounding box, whose water and empty land would flatter
// every method.

import type { GridSpec } from './grid.js';
import { forecast, type EventSet, type ForecastMethod, type MethodParams } from './methods.js';

export const DEFAULT_COVERAGES = [0.01, 0.05, 0.1] as const;

/** The land cells: those holding at least one incident with a time in [from, to). */
export function landCells(events: EventSet, from: number, to: number): Int32Array {
  const seen = new Set<number>();
  for (let i = 0; i < events.cells.length; i++) {
    const t = events.times[i]!;
    const c = events.cells[i]!;
    if (c >= 0 && t >= from && t < to) seen.add(c);
  }
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

/** Land cells from highest score to lowest; equal scores in cell order, so a ranking is reproducible. */
export function rankCells(scores: Float64Array, land: Int32Array): Int32Array {
  const ranked = Int32Array.from(land);
  ranked.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return ranked;
}

/** How many cells make `share` of the land (at least one when there is land). */
export function cellsForShare(landSize: number, share: number): number {
  return landSize === 0 ? 0 : Math.min(landSize, Math.max(1, Math.round(share * landSize)));
}

export interface FoldScore {
  /** Incidents in the test window, on land. */
  incidents: number;
  /** Per coverage: incidents in the top cells, and the most any choice of that many cells could catch. */
  hits: number[];
  best: number[];
}

/** Scores one forecast against the incidents of its test window (given as counts per cell). */
export function scoreFold(ranked: Int32Array, testCounts: Map<number, number>, landSize: number, coverages: readonly number[]): FoldScore {
  let incidents = 0;
  for (const v of testCounts.values()) incidents += v;
  const sortedActual = [...testCounts.values()].sort((a, b) => b - a);
  const hits: number[] = [];
  const best: number[] = [];
  for (const share of coverages) {
    const k = cellsForShare(landSize, share);
    let h = 0;
    for (let q = 0; q < k; q++) h += testCounts.get(ranked[q]!) ?? 0;
    let b = 0;
    for (let q = 0; q < Math.min(k, sortedActual.length); q++) b += sortedActual[q]!;
    hits.push(h);
    best.push(b);
  }
  return { incidents, hits, best };
}

export interface CoverageResult {
  coverage: number;
  hitRate: number;
  pai: number;
  pei: number;
}

export interface MethodResult {
  method: ForecastMethod;
  params: MethodParams;
  /** One row per requested coverage (1 %, 5 %, 10 % by default). */
  atCoverage: CoverageResult[];
  /** Hit rate by coverage from 0 to 20 % of the land, for the curve. */
  curve: { coverage: number; hitRate: number }[];
}

export interface BacktestInput {
  grid: GridSpec;
  events: EventSet;
  /** First forecast origin and the end of the last test window (days). */
  start: number;
  end: number;
  /** Days each forecast covers; the origin rolls forward by this much (rolling origin). */
  horizon: number;
  /** Days before each origin the methods may learn from (default: everything before it). */
  lookback?: number;
  methods: { method: ForecastMethod; params?: MethodParams }[];
  coverages?: readonly number[];
  /** Land is measured over [landFrom, end): default the first incident's time. */
  landFrom?: number;
}

export interface BacktestResult {
  folds: number;
  testIncidents: number;
  landCells: number;
  results: MethodResult[];
}

const CURVE_STEPS = 40; // 0.5 % steps up to 20 %

/**
 * Rolling-origin backtest: for each origin start, start + horizon, … each method forecasts the next
 * `horizon` days from the incidents before the origin, and is scored on the incidents that followed.
 * Hits are summed over the folds before dividing, so a busy week weighs more than a quiet one.
 */
/** Progress of a backtest: the share done, and the method, step (1-based) and steps of the one starting. */
export type BacktestProgress = (fraction: number, method: ForecastMethod, step: number, steps: number) => void;

export function backtest(input: BacktestInput, onProgress?: BacktestProgress): BacktestResult {
  const coverages = input.coverages ?? DEFAULT_COVERAGES;
  if (!(input.horizon > 0)) throw new RangeError('horizon must be positive');
  if (!(input.end > input.start)) throw new RangeError('the test period must end after it starts');
  let landFrom = input.landFrom ?? Infinity;
  if (input.landFrom === undefined) for (const t of input.events.times) landFrom = Math.min(landFrom, t);
  const land = landCells(input.events, landFrom, input.end);
  const landSet = new Set(land);
  // start + i·horizon, not a running sum: 0.1 added ten times falls short of 1 and would open an empty extra
  // fold. A remainder under an hour (a period between local midnights across a clock change is 184 days
  // and an hour) joins the last fold instead of making one of its own.
  const HOUR = 1 / 24;
  const foldCount = Math.max(1, Math.ceil((input.end - input.start - Math.min(HOUR, input.horizon / 2)) / input.horizon - 1e-9));
  const origins = Array.from({ length: foldCount }, (_, i) => input.start + i * input.horizon);
  const curveShares = Array.from({ length: CURVE_STEPS }, (_, i) => (i + 1) / (CURVE_STEPS * 5));
  const totals = input.methods.map(() => ({ hits: coverages.map(() => 0), best: coverages.map(() => 0), curve: curveShares.map(() => 0) }));
  let testIncidents = 0;
  const steps = origins.length * input.methods.length;
  let step = 0;
  for (const origin of origins) {
    const until = origin === origins[origins.length - 1] ? input.end : Math.min(origin + input.horizon, input.end);
    const testCounts = new Map<number, number>();
    for (let i = 0; i < input.events.cells.length; i++) {
      const t = input.events.times[i]!;
      const c = input.events.cells[i]!;
      if (t >= origin && t < until && landSet.has(c)) testCounts.set(c, (testCounts.get(c) ?? 0) + 1);
    }
    let foldIncidents = 0;
    for (const v of testCounts.values()) foldIncidents += v;
    testIncidents += foldIncidents;
    for (const [m, spec] of input.methods.entries()) {
      onProgress?.(step / steps, spec.method, step + 1, steps);
      const scores = forecast(spec.method, { grid: input.grid, events: input.events, origin, horizon: until - origin, ...(input.lookback !== undefined ? { lookback: input.lookback } : {}) }, spec.params ?? {});
      const ranked = rankCells(scores, land);
      const fold = scoreFold(ranked, testCounts, land.length, coverages);
      const total = totals[m]!;
      fold.hits.forEach((h, i) => (total.hits[i]! += h));
      fold.best.forEach((b, i) => (total.best[i]! += b));
      const curve = scoreFold(ranked, testCounts, land.length, curveShares);
      curve.hits.forEach((h, i) => (total.curve[i]! += h));
      step++;
    }
  }
  // the area the top cells really cover: a share rounds to whole cells (1 % of 50 cells is 1 cell = 2 %)
  const covered = coverages.map((coverage) => (land.length > 0 ? cellsForShare(land.length, coverage) / land.length : coverage));
  const results: MethodResult[] = input.methods.map((spec, m) => {
    const total = totals[m]!;
    return {
      method: spec.method,
      params: spec.params ?? {},
      atCoverage: coverages.map((coverage, i) => {
        const hitRate = testIncidents > 0 ? total.hits[i]! / testIncidents : 0;
        return { coverage, hitRate, pai: hitRate / covered[i]!, pei: total.best[i]! > 0 ? total.hits[i]! / total.best[i]! : 0 };
      }),
      curve: curveShares.map((coverage, i) => ({ coverage, hitRate: testIncidents > 0 ? total.curve[i]! / testIncidents : 0 })),
    };
  });
  return { folds: origins.length, testIncidents, landCells: land.length, results };
}
