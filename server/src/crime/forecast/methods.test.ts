import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../platform/random.js';
import type { GridSpec } from './grid.js';
import { FORECAST_METHODS, fitSepp, forecast, kdeForecast, naiveForecast, prospectiveForecast, seppForecast, type EventSet, type ForecastInput } from './methods.js';

/** An nx × ny grid of 150 m cells; the CRS plays no part in the methods. */
function buildGrid(nx: number, ny: number): GridSpec {
  return { crs: 'test', originX: 0, originY: 0, size: 150, nx, ny };
}

/** Incidents as [cell, day] pairs. */
function buildEvents(list: readonly (readonly [number, number])[]): EventSet {
  return { cells: Int32Array.from(list, (e) => e[0]), times: Float64Array.from(list, (e) => e[1]) };
}

/** The score at column x, row y. */
function at(scores: Float64Array, grid: GridSpec, x: number, y: number): number {
  return scores[y * grid.nx + x]!;
}

describe('naiveForecast', () => {
  const grid = buildGrid(3, 1);
  const events = buildEvents([
    [0, 90],
    [0, 95],
    [1, 99.5],
    [1, 80], // exactly at the lookback's start (100 − 20): counted
    [0, 79], // before the lookback
    [2, 100], // at the origin: not before it
    [2, 105], // after the origin
    [-1, 95], // off the grid
    [-1, 10], // off the grid, and earlier than everything
  ]);

  it('counts each cell over the lookback and scales it to the horizon', () => {
    const scores = naiveForecast({ grid, events, origin: 100, horizon: 7, lookback: 20 });
    // cell 0: 2 incidents (90, 95) · 7 / 20 = 0.7; cell 1: 2 (80, 99.5) · 7 / 20 = 0.7; cell 2: none before the origin
    expect(Array.from(scores)).toEqual([0.7, 0.7, 0]);
  });

  it('without a lookback, learns from everything on the grid since the first incident', () => {
    const scores = naiveForecast({ grid, events, origin: 100, horizon: 7 });
    // the span runs from the first on-grid incident (79; the off-grid one at 10 does not count): 100 − 79 = 21 days
    // cell 0: 3 · 7 / 21 = 1; cell 1: 2 · 7 / 21 = 0.666…; cell 2: 0
    expect(scores[0]).toBeCloseTo(1, 12);
    expect(scores[1]).toBeCloseTo(2 / 3, 12);
    expect(scores[2]).toBe(0);
  });

  it('gives zeros when nothing precedes the origin', () => {
    expect(Array.from(naiveForecast({ grid, events, origin: 0, horizon: 7 }))).toEqual([0, 0, 0]);
  });
});

describe('kdeForecast', () => {
  const grid = buildGrid(9, 9);
  const centre = 4 * 9 + 4;

  it('spreads one incident as exp(−d²/2h²) in cell units, symmetric, cut off beyond 3h on each axis', () => {
    // bandwidth 150 m on 150 m cells: h = 1 cell, kernel reach ceil(3·1) = 3 cells
    const scores = kdeForecast({ grid, events: buildEvents([[centre, 5]]), origin: 10, horizon: 7 }, { bandwidth: 150 });
    expect(at(scores, grid, 4, 4)).toBeCloseTo(1, 12); // exp(0)
    expect(at(scores, grid, 5, 4)).toBeCloseTo(0.6065306597, 9); // exp(−1/2)
    expect(at(scores, grid, 5, 5)).toBeCloseTo(0.3678794412, 9); // exp(−2/2)
    expect(at(scores, grid, 7, 4)).toBeCloseTo(0.0111089965, 9); // exp(−9/2): 3 cells = 3h, the last one kept
    expect(at(scores, grid, 8, 4)).toBe(0); // 4 cells > 3h
    expect(at(scores, grid, 4, 0)).toBe(0);
    // the kernel is cut per axis (it is applied rows then columns), so the corner (3, 3) of the square, 4.24h away, keeps exp(−18/2)
    expect(at(scores, grid, 7, 7)).toBeCloseTo(0.0001234098, 9);
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const expected = Math.abs(dx) <= 3 && Math.abs(dy) <= 3 ? Math.exp(-(dx * dx + dy * dy) / 2) : 0;
        expect(at(scores, grid, 4 + dx, 4 + dy)).toBeCloseTo(expected, 12);
        expect(at(scores, grid, 4 + dx, 4 + dy)).toBeCloseTo(at(scores, grid, 4 - dx, 4 + dy), 12); // mirror left-right
        expect(at(scores, grid, 4 + dx, 4 + dy)).toBeCloseTo(at(scores, grid, 4 + dy, 4 + dx), 12); // mirror on the diagonal
      }
    }
  });

  it('scales the kernel with the bandwidth', () => {
    // 300 m on 150 m cells: h = 2, reach ceil(6) = 6
    const scores = kdeForecast({ grid: buildGrid(15, 1), events: buildEvents([[0, 5]]), origin: 10, horizon: 7 }, { bandwidth: 300 });
    expect(scores[2]).toBeCloseTo(0.6065306597, 9); // exp(−4/8) = exp(−1/2)
    expect(scores[6]).toBeCloseTo(0.0111089965, 9); // exp(−36/8) = exp(−9/2)
    expect(scores[7]).toBe(0); // 7 > 3h = 6
  });

  it('adds two incidents up', () => {
    const scores = kdeForecast({ grid, events: buildEvents([[4 * 9 + 2, 5], [4 * 9 + 6, 6]]), origin: 10, horizon: 7 }, { bandwidth: 150 });
    expect(at(scores, grid, 4, 4)).toBeCloseTo(0.2706705665, 9); // both 2 cells away: 2·exp(−4/2) = 2·0.135335
    expect(at(scores, grid, 3, 4)).toBeCloseTo(0.6176396563, 9); // 1 and 3 cells away: exp(−1/2) + exp(−9/2) = 0.606531 + 0.011109
    expect(at(scores, grid, 2, 4)).toBeCloseTo(1, 12); // its own cell, and 4 cells from the other: 1 + 0
    const twice = kdeForecast({ grid, events: buildEvents([[centre, 5], [centre, 6]]), origin: 10, horizon: 7 }, { bandwidth: 150 });
    expect(at(twice, grid, 5, 4)).toBeCloseTo(2 * 0.6065306597, 9);
  });

  it('does not wrap from one row into the next at the grid edge', () => {
    const scores = kdeForecast({ grid, events: buildEvents([[9, 5]]), origin: 10, horizon: 7 }, { bandwidth: 150 }); // column 0, row 1
    expect(at(scores, grid, 0, 0)).toBeCloseTo(0.6065306597, 9); // straight down: exp(−1/2)
    expect(at(scores, grid, 8, 0)).toBe(0); // index 8 = 9 − 1, but 8 columns away
    expect(at(scores, grid, 8, 1)).toBe(0);
  });

  it('reads only the learning window', () => {
    const events = buildEvents([[centre, 10], [centre, 11], [centre, 1], [-1, 5]]); // at the origin, after it, before the lookback, off the grid
    const scores = kdeForecast({ grid, events, origin: 10, horizon: 7, lookback: 5 }, { bandwidth: 150 });
    expect(scores.every((v) => v === 0)).toBe(true);
  });
});

describe('prospectiveForecast', () => {
  const grid = buildGrid(9, 9);
  const centre = 4 * 9 + 4;

  it('adds 1/(1 + d) · 1/(1 + w) within the radius for one incident w whole weeks old', () => {
    // 10 days old: w = floor(10 / 7) = 1; radius 400 m on 150 m cells = 2.67 cells
    const scores = prospectiveForecast({ grid, events: buildEvents([[centre, 90]]), origin: 100, horizon: 7 });
    expect(at(scores, grid, 4, 4)).toBe(0.5); // 1/(1 + 0) · 1/(1 + 1)
    expect(at(scores, grid, 5, 4)).toBe(0.25); // 1/(1 + 1) · 1/2
    expect(at(scores, grid, 5, 5)).toBeCloseTo(0.2071067812, 9); // 1/(1 + √2) · 1/2
    expect(at(scores, grid, 6, 4)).toBeCloseTo(1 / 6, 12); // 1/(1 + 2) · 1/2
    expect(at(scores, grid, 6, 5)).toBeCloseTo(0.1545084972, 9); // 1/(1 + √5) · 1/2, √5 = 2.24 ≤ 2.67
    expect(at(scores, grid, 6, 6)).toBe(0); // √8 = 2.83 > 2.67
    expect(at(scores, grid, 7, 4)).toBe(0); // 3 > 2.67
    // inside the radius: the centre, 4 at distance 1, 4 at √2, 4 at 2, 8 at √5 = 21 cells
    expect(scores.filter((v) => v > 0)).toHaveLength(21);
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) expect(at(scores, grid, 4 + dx, 4 + dy)).toBeCloseTo(at(scores, grid, 4 - dy, 4 + dx), 12); // quarter turn
  });

  it('weighs an incident by its age in whole weeks, and forgets it after `weeks`', () => {
    const score = (time: number, weeks?: number): number =>
      at(prospectiveForecast({ grid, events: buildEvents([[centre, time]]), origin: 100, horizon: 7 }, weeks === undefined ? {} : { weeks }), grid, 4, 4);
    expect(score(99.9)).toBe(1); // 0.1 days: w = 0 → 1/1
    expect(score(93.5)).toBe(1); // 6.5 days: w = 0
    expect(score(93)).toBe(0.5); // 7 days exactly: w = 1 → 1/2
    expect(score(44.5)).toBe(0.125); // 55.5 days: w = 7 → 1/8, the last of 8 weeks
    expect(score(44)).toBe(0); // 56 days: w = 8 = weeks
    expect(score(100)).toBe(0); // at the origin
    expect(score(103)).toBe(0); // after it
    expect(score(93.5, 1)).toBe(1); // weeks = 1 keeps w = 0 only
    expect(score(93, 1)).toBe(0);
  });

  it('sums incidents in a cell, and honours the radius parameter', () => {
    const events = buildEvents([[centre, 97], [centre, 90], [-1, 99]]); // w = 0 and w = 1; the off-grid one is ignored
    const scores = prospectiveForecast({ grid, events, origin: 100, horizon: 7 }, { radius: 150 });
    expect(at(scores, grid, 4, 4)).toBe(1.5); // 1 + 1/2
    expect(at(scores, grid, 4, 5)).toBe(0.75); // (1 + 1/2) · 1/(1 + 1)
    expect(at(scores, grid, 5, 5)).toBe(0); // radius 150 m = 1 cell: the diagonal √2 is out
    expect(scores.filter((v) => v > 0)).toHaveLength(5);
  });
});

/**
 * A grid self-exciting process by its branching structure: each cell's background incidents arrive as a
 * Poisson process of rate μ_c over [0, days); each incident has Poisson(θ) offspring in its cell, each after an
 * exponential delay of rate ω. `copies` records every incident that many times `lag` days apart.
 */
function simulateSepp(seed: number, mu: readonly number[], theta: number, omega: number, days: number, copies = 1, lag = 0): EventSet {
  const random = mulberry32(seed);
  const exponential = (rate: number): number => -Math.log(1 - random()) / rate;
  const poisson = (mean: number): number => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  };
  const cells: number[] = [];
  const times: number[] = [];
  mu.forEach((rate, cell) => {
    const queue: number[] = [];
    if (rate > 0) for (let t = exponential(rate); t < days; t += exponential(rate)) queue.push(t);
    while (queue.length > 0) {
      const t = queue.pop()!;
      for (let copy = 0; copy < copies; copy++) {
        cells.push(cell);
        times.push(t + copy * lag);
      }
      const children = theta > 0 ? poisson(theta) : 0;
      for (let i = 0; i < children; i++) {
        const child = t + exponential(omega);
        if (child < days) queue.push(child);
      }
    }
  });
  return buildEvents(cells.map((c, i) => [c, times[i]!] as const));
}

describe('fitSepp', () => {
  it('does one EM step by hand', () => {
    // cell 0: incidents at 0 and 1, origin 2 → T = 2. Start: μ = 0.5·2/2 = 0.5, θ = 0.5, ω = 1/7.
    // incident at 0: no earlier one → background 1. Incident at 1: trigger θω·e^{−ω·1} = 0.5/7·0.866878 = 0.0619198,
    //   λ = 0.5 + 0.0619198 = 0.5619198 → background 0.5/λ = 0.8898066, triggered 0.1101934, lag-weighted 0.1101934·1
    // exposure Σ(1 − e^{−ω(T − t)}) = (1 − e^{−2/7}) + (1 − e^{−1/7}) = 0.2485226 + 0.1331222 = 0.3816448
    // μ = (1 + 0.8898066)/2 = 0.9449033; θ = 0.1101934/0.3816448 = 0.2887328; ω = 0.1101934/0.1101934 = 1
    const fit = fitSepp({ grid: buildGrid(2, 1), events: buildEvents([[0, 0], [0, 1]]), origin: 2, horizon: 7 }, { iterations: 1 });
    expect(fit.iterations).toBe(1);
    expect(fit.mu[0]).toBeCloseTo(0.9449033078, 9);
    expect(fit.mu[1]).toBe(0);
    expect(fit.theta).toBeCloseTo(0.2887328276, 9);
    expect(fit.omega).toBeCloseTo(1, 12);
  });

  it('returns an empty fit when nothing precedes the origin', () => {
    const fit = fitSepp({ grid: buildGrid(2, 1), events: buildEvents([[0, 5], [-1, 1]]), origin: 5, horizon: 7 });
    expect(fit).toEqual({ mu: new Float64Array(2), theta: 0, omega: 1, iterations: 0 });
  });

  it('reports each iteration', () => {
    const calls: [number, number][] = [];
    fitSepp({ grid: buildGrid(1, 1), events: simulateSepp(7, [0.2], 0.5, 1, 200), origin: 200, horizon: 7 }, { iterations: 5 }, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([[1, 5], [2, 5], [3, 5], [4, 5], [5, 5]]);
  });

  it('recovers θ, ω and μ from a simulated self-exciting process', () => {
    // θ = 0.5, mean delay 1/ω = 1 day, over 2000 days; the last cell has no incidents at all
    const mu = [0.1, 0.2, 0.3, 0.4, 0];
    for (const seed of [1, 2, 20261126]) {
      const events = simulateSepp(seed, mu, 0.5, 1, 2000);
      const fit = fitSepp({ grid: buildGrid(5, 1), events, origin: 2000, horizon: 7 });
      expect(Math.abs(fit.theta - 0.5), `θ = ${fit.theta}, seed ${seed}`).toBeLessThan(0.1);
      expect(Math.abs(1 / fit.omega - 1), `1/ω = ${1 / fit.omega}, seed ${seed}`).toBeLessThan(0.3);
      mu.forEach((m, c) => {
        if (m === 0) expect(fit.mu[c]).toBe(0);
        else expect(Math.abs(fit.mu[c]! / m - 1), `μ${c} = ${fit.mu[c]}, seed ${seed}`).toBeLessThan(0.2);
      });
    }
  });

  it('finds little triggering in a pure Poisson process', () => {
    const mu = [0.1, 0.2, 0.4];
    for (const seed of [1, 2, 20261126]) {
      const input: ForecastInput = { grid: buildGrid(3, 1), events: simulateSepp(seed, mu, 0, 1, 2000), origin: 2000, horizon: 7 };
      // EM creeps towards θ = 0 slowly (the boundary of the parameter space): 0.01–0.11 after the default 60 iterations …
      expect(fitSepp(input).theta, `seed ${seed}`).toBeLessThan(0.15);
      // … and under 0.05 after 1000
      const long = fitSepp(input, { iterations: 1000 });
      expect(long.theta, `seed ${seed}`).toBeLessThan(0.05);
      mu.forEach((m, c) => expect(Math.abs(long.mu[c]! / m - 1), `μ${c}, seed ${seed}`).toBeLessThan(0.2));
    }
  });

  it('does not mistake an incident recorded twice at the same moment for triggering', () => {
    const grid = buildGrid(3, 1);
    const once = fitSepp({ grid, events: simulateSepp(3, [0.1, 0.2, 0.4], 0, 1, 2000), origin: 2000, horizon: 7 });
    // every incident twice at the same time (or 30 s apart, under the one-minute threshold): the same θ and ω, twice the μ
    for (const lag of [0, 30 / 86400]) {
      const twice = fitSepp({ grid, events: simulateSepp(3, [0.1, 0.2, 0.4], 0, 1, 2000, 2, lag), origin: 2000, horizon: 7 });
      expect(Number.isFinite(twice.omega)).toBe(true);
      expect(twice.theta).toBeCloseTo(once.theta, 4);
      expect(twice.omega).toBeCloseTo(once.omega, 4);
      for (let c = 0; c < 3; c++) expect(twice.mu[c]! / once.mu[c]!).toBeCloseTo(2, 3);
    }
    // two minutes apart, the copy reads as an offspring of its original: θ near 1/2, delay near 2 minutes
    const apart = fitSepp({ grid, events: simulateSepp(3, [0.1, 0.2, 0.4], 0, 1, 2000, 2, 2 / 1440), origin: 2000, horizon: 7 });
    expect(apart.theta).toBeGreaterThan(0.4);
    expect(1 / apart.omega).toBeLessThan(0.01);
  });
});

describe('seppForecast', () => {
  it('is μ·horizon plus the offspring still to come, by hand for the starting values', () => {
    // iterations 0 keeps the starting fit. Cell 0: incidents at 0 and 10; cell 1: at 15; origin 20 → T = 20.
    // μ0 = 0.5·2/20 = 0.05, μ1 = 0.5·1/20 = 0.025, θ = 0.5, ω = 1/7, horizon 5
    // cell 0: 0.05·5 + 0.5·[(e^{−20/7} − e^{−25/7}) + (e^{−10/7} − e^{−15/7})]
    //       = 0.25 + 0.5·[(0.0574326 − 0.0281157) + (0.2396510 − 0.1173192)] = 0.25 + 0.5·0.1516488 = 0.3258244
    // cell 1: 0.025·5 + 0.5·(e^{−5/7} − e^{−10/7}) = 0.125 + 0.5·(0.4895417 − 0.2396510) = 0.2499453
    const input: ForecastInput = { grid: buildGrid(3, 1), events: buildEvents([[0, 0], [0, 10], [1, 15], [2, 20]]), origin: 20, horizon: 5 };
    const { scores, fit } = seppForecast(input, { iterations: 0 });
    expect(fit).toEqual({ mu: Float64Array.from([0.05, 0.025, 0]), theta: 0.5, omega: 1 / 7, iterations: 0 });
    expect(scores[0]).toBeCloseTo(0.3258244149, 9);
    expect(scores[1]).toBeCloseTo(0.2499453116, 9);
    expect(scores[2]).toBe(0); // its incident is at the origin
  });

  it('uses the fitted parameters the same way after EM', () => {
    const events = simulateSepp(11, [0.1, 0.3], 0.5, 1, 300);
    const input: ForecastInput = { grid: buildGrid(2, 1), events, origin: 250, horizon: 7 };
    const { scores, fit } = seppForecast(input);
    expect(fit).toEqual(fitSepp(input));
    for (let c = 0; c < 2; c++) {
      let expected = fit.mu[c]! * 7;
      for (let i = 0; i < events.cells.length; i++) {
        const age = 250 - events.times[i]!;
        if (events.cells[i] === c && age > 0) expected += fit.theta * (Math.exp(-fit.omega * age) - Math.exp(-fit.omega * (age + 7)));
      }
      expect(scores[c]).toBeCloseTo(expected, 9);
    }
  });
});

describe('forecast', () => {
  it('runs each method by name and reports sepp progress as a fraction', () => {
    const input: ForecastInput = { grid: buildGrid(3, 3), events: buildEvents([[4, 1], [4, 3], [0, 2]]), origin: 5, horizon: 7 };
    expect(forecast('naive', input)).toEqual(naiveForecast(input));
    expect(forecast('kde', input, { bandwidth: 200 })).toEqual(kdeForecast(input, { bandwidth: 200 }));
    expect(forecast('prospective', input, { weeks: 2 })).toEqual(prospectiveForecast(input, { weeks: 2 }));
    const fractions: number[] = [];
    expect(forecast('sepp', input, { iterations: 4 }, (f) => fractions.push(f))).toEqual(seppForecast(input, { iterations: 4 }).scores);
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('never reads incidents at or after the origin, wherever they sit in the list', () => {
    const origin = 50;
    const past = fc.array(fc.tuple(fc.integer({ min: -1, max: 15 }), fc.double({ min: 0, max: origin, maxExcluded: true, noNaN: true })), { maxLength: 40 });
    const future = fc.array(fc.tuple(fc.integer({ min: -1, max: 15 }), fc.oneof(fc.constant(origin), fc.double({ min: origin, max: 120, noNaN: true })), fc.nat()), { maxLength: 20 });
    fc.assert(
      fc.property(past, future, fc.integer({ min: 1, max: 30 }), fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }), (before, after, horizon, lookback) => {
        // the future incidents slipped in at arbitrary places; the past keeps its order
        const mixed: [number, number][] = before.map(([c, t]) => [c, t]);
        for (const [c, t, at] of after) mixed.splice(at % (mixed.length + 1), 0, [c, t]);
        const grid = buildGrid(4, 4);
        const base = { grid, origin, horizon, ...(lookback === undefined ? {} : { lookback }) };
        for (const method of FORECAST_METHODS) {
          const params = { iterations: 5 };
          expect(forecast(method, { ...base, events: buildEvents(mixed) }, params), method).toEqual(forecast(method, { ...base, events: buildEvents(before) }, params));
        }
      }),
      { numRuns: 100 },
    );
  });
});
