// Grid forecasts of where incidents will happen next. Each method reads the incidents before the
// forecast origin and returns a risk score per cell (higher = more expected); only the ranking of cells
// matters to hit rate and PAI, but `naive` and `sepp` scores are expected counts over the horizon.
//
// Times are in days (e.g. since the Unix epoch); cells are indices of a GridSpec (row * nx + column).

import type { GridSpec } from './grid.js';

export type ForecastMethod = 'naive' | 'kde' | 'prospective' | 'sepp';
export const FORECAST_METHODS: readonly ForecastMethod[] = ['naive', 'kde', 'prospective', 'sepp'];

/** The incidents a forecast may learn from: one cell (-1 = off the grid) and one time per incident. */
export interface EventSet {
  cells: Int32Array;
  /** Days; need not be sorted. */
  times: Float64Array;
}

export interface ForecastInput {
  grid: GridSpec;
  events: EventSet;
  /** The forecast origin: only incidents strictly before it are used. */
  origin: number;
  /** The forecast covers [origin, origin + horizon) days. */
  horizon: number;
  /** Days before the origin to learn from (default: all). */
  lookback?: number;
}

export interface MethodParams {
  /** kde: Gaussian bandwidth in metres (default 150). */
  bandwidth?: number;
  /** prospective: neighbourhood radius in metres (default 400) and memory in weeks (default 8). */
  radius?: number;
  weeks?: number;
  /** sepp: EM iterations (default 60). */
  iterations?: number;
}

export interface SeppFit {
  /** Background rate per cell, incidents per day. */
  mu: Float64Array;
  /** Expected number of incidents each incident triggers in its cell. */
  theta: number;
  /** Decay of triggering per day (mean delay 1/omega days). */
  omega: number;
  iterations: number;
}

function cellCount(grid: GridSpec): number {
  return grid.nx * grid.ny;
}

/** Naive: the incidents counted in each cell over the learning window, scaled to the horizon. */
export function naiveForecast(input: ForecastInput): Float64Array {
  const scores = new Float64Array(cellCount(input.grid));
  const from = input.lookback === undefined ? -Infinity : input.origin - input.lookback;
  const { cells, times } = input.events;
  let first = Infinity;
  for (let i = 0; i < cells.length; i++) {
    const t = times[i]!;
    const c = cells[i]!;
    if (c < 0 || t >= input.origin || t < from) continue;
    scores[c]! += 1;
    if (t < first) first = t;
  }
  const span = input.lookback ?? (Number.isFinite(first) ? input.origin - first : 0);
  if (span > 0) for (let c = 0; c < scores.length; c++) scores[c] = (scores[c]! * input.horizon) / span;
  return scores;
}

/**
 * Retrospective kernel density: a Gaussian of `bandwidth` metres around every incident of the window,
 * evaluated at cell centres. Incidents are binned to cells first and the kernel (truncated at three
 * bandwidths) is applied separably, rows then columns, so the cost is cells × kernel width, not incidents.
 */
export function kdeForecast(input: ForecastInput, params: MethodParams = {}): Float64Array {
  const { grid } = input;
  const bandwidth = params.bandwidth ?? 150;
  const counts = new Float64Array(cellCount(grid));
  const from = input.lookback === undefined ? -Infinity : input.origin - input.lookback;
  for (let i = 0; i < input.events.cells.length; i++) {
    const c = input.events.cells[i]!;
    const t = input.events.times[i]!;
    if (c >= 0 && t < input.origin && t >= from) counts[c]! += 1;
  }
  const h = bandwidth / grid.size;
  const reach = Math.max(0, Math.ceil(3 * h));
  const kernel = new Float64Array(2 * reach + 1);
  for (let k = -reach; k <= reach; k++) kernel[k + reach] = h > 0 ? Math.exp(-(k * k) / (2 * h * h)) : k === 0 ? 1 : 0;
  const rows = new Float64Array(counts.length);
  for (let y = 0; y < grid.ny; y++) {
    for (let x = 0; x < grid.nx; x++) {
      const v = counts[y * grid.nx + x]!;
      if (v === 0) continue;
      for (let k = -reach; k <= reach; k++) {
        const xx = x + k;
        if (xx >= 0 && xx < grid.nx) rows[y * grid.nx + xx]! += v * kernel[k + reach]!;
      }
    }
  }
  const out = new Float64Array(counts.length);
  for (let y = 0; y < grid.ny; y++) {
    for (let x = 0; x < grid.nx; x++) {
      const v = rows[y * grid.nx + x]!;
      if (v === 0) continue;
      for (let k = -reach; k <= reach; k++) {
        const yy = y + k;
        if (yy >= 0 && yy < grid.ny) out[yy * grid.nx + x]! += v * kernel[k + reach]!;
      }
    }
  }
  return out;
}

/**
 * Prospective hotspotting (Bowers, Johnson & Pease 2004): each incident of the last `weeks` weeks adds
 * 1/(1 + d) · 1/(1 + w) to every cell within `radius` metres, d being the distance between cell centres
 * in cells and w the incident's age in whole weeks. Incidents are binned by cell and week first.
 */
export function prospectiveForecast(input: ForecastInput, params: MethodParams = {}): Float64Array {
  const { grid, events, origin } = input;
  const weeks = params.weeks ?? 8;
  const radius = (params.radius ?? 400) / grid.size;
  const reach = Math.floor(radius);
  // weight of an incident w whole weeks old, binned per cell
  const weighted = new Map<number, number>();
  for (let i = 0; i < events.cells.length; i++) {
    const cell = events.cells[i]!;
    const age = origin - events.times[i]!;
    if (cell < 0 || age <= 0) continue;
    const w = Math.floor(age / 7);
    if (w >= weeks) continue;
    weighted.set(cell, (weighted.get(cell) ?? 0) + 1 / (1 + w));
  }
  const stencil: { dx: number; dy: number; w: number }[] = [];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const d = Math.hypot(dx, dy);
      if (d <= radius) stencil.push({ dx, dy, w: 1 / (1 + d) });
    }
  }
  const out = new Float64Array(cellCount(grid));
  for (const [cell, v] of weighted) {
    const x = cell % grid.nx;
    const y = (cell - x) / grid.nx;
    for (const s of stencil) {
      const xx = x + s.dx;
      const yy = y + s.dy;
      if (xx >= 0 && yy >= 0 && xx < grid.nx && yy < grid.ny) out[yy * grid.nx + xx]! += v * s.w;
    }
  }
  return out;
}

/** Incidents closer in time than this (days) are one occurrence recorded twice, not one triggering another. */
const MIN_LAG_DAYS = 1 / 1440;

/**
 * A self-exciting point process on the grid (Mohler et al. 2011; the grid form of Mohler et al. 2015):
 * in cell c the rate is λ_c(t) = μ_c + Σ θ ω e^{−ω (t − t_j)} over the cell's earlier incidents j.
 * Fitted by expectation–maximisation: each incident is split into the chance that it is background
 * and the chances that each earlier incident triggered it; μ, θ and ω are then re-estimated from
 * those shares (θ with the edge correction for offspring not yet observed by the origin). The sums
 * over earlier incidents use the exponential's recursion, so an iteration costs O(incidents).
 */
export function fitSepp(input: ForecastInput, params: MethodParams = {}, onIteration?: (done: number, total: number) => void): SeppFit {
  return fitSeppWithHistory(input, params, onIteration).fit;
}

interface SeppHistory {
  fit: SeppFit;
  /** The window's incidents grouped by cell (times ascending, in days after `start`). */
  groups: { cell: number; from: number; to: number }[];
  times: Float64Array;
  start: number;
}

function fitSeppWithHistory(input: ForecastInput, params: MethodParams, onIteration?: (done: number, total: number) => void): SeppHistory {
  const { grid, events, origin } = input;
  const iterations = params.iterations ?? 60;
  const cellsN = cellCount(grid);
  const mu = new Float64Array(cellsN);
  // Incidents grouped by cell (a counting sort), times ascending within each cell, measured from the
  // window start: O(incidents) plus a native sort of each cell's few times.
  const from = input.lookback === undefined ? -Infinity : origin - input.lookback;
  const perCell = new Int32Array(cellsN + 1);
  let start = Infinity;
  let n = 0;
  for (let i = 0; i < events.cells.length; i++) {
    const c = events.cells[i]!;
    const t = events.times[i]!;
    if (c < 0 || t >= origin || t < from) continue;
    perCell[c + 1]!++;
    if (t < start) start = t;
    n++;
  }
  if (n === 0) return { fit: { mu, theta: 0, omega: 1, iterations: 0 }, groups: [], times: new Float64Array(0), start: origin };
  for (let c = 0; c < cellsN; c++) perCell[c + 1]! += perCell[c]!;
  const T = Math.max(origin - start, 1e-9);
  const times = new Float64Array(n);
  const fill = perCell.slice(0, cellsN);
  for (let i = 0; i < events.cells.length; i++) {
    const c = events.cells[i]!;
    const t = events.times[i]!;
    if (c < 0 || t >= origin || t < from) continue;
    times[fill[c]!++] = t - start;
  }
  const groups: { cell: number; from: number; to: number }[] = [];
  for (let c = 0; c < cellsN; c++) {
    const a = perCell[c]!;
    const b = perCell[c + 1]!;
    if (b > a) {
      times.subarray(a, b).sort();
      groups.push({ cell: c, from: a, to: b });
    }
  }
  for (const g of groups) mu[g.cell] = (0.5 * (g.to - g.from)) / T;
  let theta = 0.5;
  let omega = 1 / 7;
  let done = 0;
  for (let it = 0; it < iterations; it++) {
    let triggered = 0; // Σ_i P(i was triggered)
    let lagWeighted = 0; // Σ_i Σ_j P(j triggered i) · (t_i − t_j)
    let exposure = 0; // Σ_j (1 − e^{−ω (T − t_j)}): offspring expected by the origin per unit θ
    for (const g of groups) {
      const m = mu[g.cell]!;
      let background = 0;
      // S = Σ_j e^{−ω (t − t_j)}, R = Σ_j (t − t_j) e^{−ω (t − t_j)} over earlier incidents j at least
      // MIN_LAG_DAYS before t; `pending` counts incidents at the current time not yet added to S.
      let S = 0;
      let R = 0;
      let pending = 0;
      let lastTime = times[g.from]!;
      for (let k = g.from; k < g.to; k++) {
        const t = times[k]!;
        if (t - lastTime >= MIN_LAG_DAYS) {
          const d = t - lastTime;
          const decay = Math.exp(-omega * d);
          R = decay * (R + d * (S + pending));
          S = decay * (S + pending);
          pending = 0;
          lastTime = t;
        }
        const trig = theta * omega * S;
        const lambda = m + trig;
        if (lambda > 0) {
          background += m / lambda;
          triggered += trig / lambda;
          lagWeighted += (theta * omega * R) / lambda;
        }
        exposure += 1 - Math.exp(-omega * (T - t));
        pending += 1;
      }
      mu[g.cell] = background / T;
    }
    theta = exposure > 0 ? triggered / exposure : 0;
    omega = lagWeighted > 0 ? triggered / lagWeighted : omega;
    if (!Number.isFinite(omega) || omega <= 0) omega = 1;
    done = it + 1;
    onIteration?.(done, iterations);
    if (theta < 1e-9) break;
  }
  return { fit: { mu, theta, omega, iterations: done }, groups, times, start };
}

/**
 * Expected incidents per cell over the horizon: background μ_c · horizon plus the offspring still to
 * come from the incidents before the origin, θ (e^{−ω a} − e^{−ω (a + horizon)}) for an incident a days old.
 */
export function seppForecast(input: ForecastInput, params: MethodParams = {}, onIteration?: (done: number, total: number) => void): { scores: Float64Array; fit: SeppFit } {
  const { fit, groups, times, start } = fitSeppWithHistory(input, params, onIteration);
  const scores = new Float64Array(fit.mu.length);
  for (let c = 0; c < scores.length; c++) scores[c] = fit.mu[c]! * input.horizon;
  for (const g of groups) {
    let offspring = 0;
    for (let k = g.from; k < g.to; k++) {
      const age = input.origin - (start + times[k]!);
      offspring += fit.theta * (Math.exp(-fit.omega * age) - Math.exp(-fit.omega * (age + input.horizon)));
    }
    scores[g.cell]! += offspring;
  }
  return { scores, fit };
}

/** Runs one method by name. */
export function forecast(method: ForecastMethod, input: ForecastInput, params: MethodParams = {}, onProgress?: (fraction: number) => void): Float64Array {
  switch (method) {
    case 'naive':
      return naiveForecast(input);
    case 'kde':
      return kdeForecast(input, params);
    case 'prospective':
      return prospectiveForecast(input, params);
    case 'sepp':
      return seppForecast(input, params, onProgress ? (done, total) => onProgress(done / total) : undefined).scores;
  }
}
