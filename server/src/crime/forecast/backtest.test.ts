import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { backtest, cellsForShare, landCells, rankCells, scoreFold, type BacktestInput } from './backtest.js';
import type { GridSpec } from './grid.js';
import { FORECAST_METHODS, type EventSet } from './methods.js';

function buildGrid(nx: number, ny: number): GridSpec {
  return { crs: 'test', originX: 0, originY: 0, size: 150, nx, ny };
}

/** Incidents as [cell, day] pairs. */
function buildEvents(list: readonly (readonly [number, number])[]): EventSet {
  return { cells: Int32Array.from(list, (e) => e[0]), times: Float64Array.from(list, (e) => e[1]) };
}

/** `counts[c]` incidents in cell c in each of `weeks` weeks (days 7w + 0.5, 7w + 0.51, …). */
function weeklyPattern(weeks: number, countsForWeek: (week: number) => readonly number[]): EventSet {
  const list: [number, number][] = [];
  for (let w = 0; w < weeks; w++) {
    countsForWeek(w).forEach((n, cell) => {
      for (let i = 0; i < n; i++) list.push([cell, 7 * w + 0.5 + 0.01 * i]);
    });
  }
  return buildEvents(list);
}

describe('landCells', () => {
  it('lists the on-grid cells with an incident in [from, to), once each, in order', () => {
    const events = buildEvents([
      [2, 5],
      [0, 1], // at `from`: in
      [2, 3],
      [-1, 4], // off the grid
      [5, 10], // at `to`: out
      [1, 0.5], // before `from`
    ]);
    expect(Array.from(landCells(events, 1, 10))).toEqual([0, 2]);
    expect(Array.from(landCells(events, 0, 11))).toEqual([0, 1, 2, 5]);
    expect(Array.from(landCells(events, 20, 30))).toEqual([]);
  });
});

describe('rankCells', () => {
  it('orders land cells by score, equal scores by cell, and leaves out the rest', () => {
    const scores = Float64Array.from([1, 3, 3, 9, 2, 0]);
    // cell 3 (score 9) is not land; 1 and 2 tie at 3 → cell order; then 4 (2), 0 (1), 5 (0)
    expect(Array.from(rankCells(scores, Int32Array.from([5, 2, 0, 4, 1])))).toEqual([1, 2, 4, 0, 5]);
    expect(Array.from(rankCells(new Float64Array(4), Int32Array.from([3, 0, 2])))).toEqual([0, 2, 3]);
  });

  it('gives a permutation of the land with scores never increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), (values) => {
        const scores = Float64Array.from(values);
        const land = Int32Array.from(values.keys()).reverse();
        const ranked = Array.from(rankCells(scores, land));
        expect([...ranked].sort((a, b) => a - b)).toEqual(Array.from(values.keys()));
        for (let i = 1; i < ranked.length; i++) {
          const [prev, cur] = [ranked[i - 1]!, ranked[i]!];
          expect(scores[prev]! > scores[cur]! || (scores[prev] === scores[cur] && prev < cur)).toBe(true);
        }
      }),
    );
  });
});

describe('cellsForShare', () => {
  it('rounds the share of the land to whole cells, at least one, at most all', () => {
    expect(cellsForShare(0, 0.1)).toBe(0); // no land, no cells
    expect(cellsForShare(10, 0.01)).toBe(1); // round(0.1) = 0 → at least 1
    expect(cellsForShare(10, 0.24)).toBe(2); // round(2.4)
    expect(cellsForShare(10, 0.26)).toBe(3); // round(2.6)
    expect(cellsForShare(20, 0.125)).toBe(3); // round(2.5) = 3: halves go up
    expect(cellsForShare(200, 0.05)).toBe(10); // 200 · 0.05
    expect(cellsForShare(10, 1.5)).toBe(10); // never more than the land
  });
});

describe('scoreFold', () => {
  it('counts the hits in the top cells and the best any ranking could do', () => {
    // 10 land cells; test incidents: cell 4 ×5, cell 9 ×3, cell 1 ×2, cell 0 ×1 = 11
    const ranked = Int32Array.from([3, 1, 4, 0, 2, 5, 6, 7, 8, 9]);
    const testCounts = new Map([[1, 2], [4, 5], [9, 3], [0, 1]]);
    // coverages 10 %, 30 %, 100 % of 10 cells → 1, 3, 10 cells
    // hits: {3} → 0; {3, 1, 4} → 0 + 2 + 5 = 7; all → 11
    // best: the largest counts 5 | 5 + 3 + 2 = 10 | 11
    expect(scoreFold(ranked, testCounts, 10, [0.1, 0.3, 1])).toEqual({ incidents: 11, hits: [0, 7, 11], best: [5, 10, 11] });
  });

  it('never catches more than the best, and catches more as coverage grows', () => {
    const fold = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        ranked: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
        counts: fc.array(fc.nat({ max: 6 }), { minLength: n, maxLength: n }),
        coverages: fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(fold, ({ ranked, counts, coverages }) => {
        const testCounts = new Map<number, number>();
        counts.forEach((v, cell) => v > 0 && testCounts.set(cell, v));
        const shares = [...coverages].sort((a, b) => a - b);
        const score = scoreFold(Int32Array.from(ranked), testCounts, ranked.length, [...shares, 1]);
        const total = counts.reduce((a, b) => a + b, 0);
        expect(score.incidents).toBe(total);
        for (let i = 0; i < score.hits.length; i++) {
          expect(score.hits[i]!).toBeLessThanOrEqual(score.best[i]!); // PEI ≤ 1
          if (i > 0) expect(score.hits[i]!).toBeGreaterThanOrEqual(score.hits[i - 1]!); // hit rate non-decreasing in coverage
          if (i > 0) expect(score.best[i]!).toBeGreaterThanOrEqual(score.best[i - 1]!);
        }
        expect(score.hits.at(-1)).toBe(total); // all the land catches everything
      }),
    );
  });
});

describe('backtest', () => {
  // every week the same: cell c gets 10 − c incidents (10, 9, …, 1 = 55 a week), so last week's counts
  // are next week's: naive with a one-week lookback ranks the cells perfectly
  const steady = weeklyPattern(10, () => [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const steadyInput: BacktestInput = { grid: buildGrid(5, 2), events: steady, start: 14, end: 67, horizon: 7, lookback: 7, methods: [{ method: 'naive' }], coverages: [0.1, 0.2, 0.5] };

  it('rolls the origin forward by the horizon: ceil((end − start) / horizon) folds', () => {
    const result = backtest(steadyInput);
    // ceil((67 − 14) / 7) = ceil(7.57) = 8 folds, the last one [63, 67) cut at the end
    expect(result.folds).toBe(8);
    expect(result.landCells).toBe(10);
    // every week's incidents fall at 7w + 0.5 … 7w + 0.59, so the cut fold still holds a whole week: 8 · 55
    expect(result.testIncidents).toBe(440);
    expect(backtest({ ...steadyInput, end: 70 }).folds).toBe(8); // ceil(56 / 7) = 8 exactly
    expect(backtest({ ...steadyInput, end: 15 }).folds).toBe(1); // ceil(1 / 7)
  });

  it('counts folds from start + i·horizon, not a running sum that drifts', () => {
    // 0.1 added ten times is 0.9999999999999999 < 1: a running sum would open an 11th, empty fold
    const events = buildEvents(Array.from({ length: 20 }, (_, i) => [i % 3, i * 0.05] as const));
    const result = backtest({ grid: buildGrid(3, 1), events, start: 0, end: 1, horizon: 0.1, methods: [{ method: 'naive' }] });
    expect(result.folds).toBe(10); // ceil(1 / 0.1)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), (steps, thousandths) => {
        const horizon = thousandths / 1000;
        const end = steps * horizon; // a whole number of horizons, as floating point gives it
        expect(backtest({ grid: buildGrid(3, 1), events, start: 0, end, horizon, methods: [] }).folds).toBe(steps);
      }),
    );
  });

  it('gives a perfect forecast a PEI of 1, and PAI = hit rate / share of the land covered', () => {
    const [naive] = backtest(steadyInput).results;
    // coverages of 10 land cells: 10 % → 1 cell, 20 % → 2, 50 % → 5; each fold catches the top counts
    // hit rate: 10/55 = 0.181818; (10 + 9)/55 = 0.345455; (10 + 9 + 8 + 7 + 6)/55 = 40/55 = 0.727273
    // PAI = hit rate / coverage: 1.818182, 1.727273, 1.454545; PEI = 1 everywhere
    expect(naive!.method).toBe('naive');
    expect(naive!.params).toEqual({});
    const expected = [
      [0.1, 10 / 55, 10 / 55 / 0.1],
      [0.2, 19 / 55, 19 / 55 / 0.2],
      [0.5, 40 / 55, 40 / 55 / 0.5],
    ];
    naive!.atCoverage.forEach((row, i) => {
      const [coverage, hitRate, pai] = expected[i]!;
      expect(row.coverage).toBe(coverage);
      expect(row.hitRate).toBeCloseTo(hitRate!, 12);
      expect(row.pai).toBeCloseTo(pai!, 12);
      expect(row.pei).toBe(1);
    });
  });

  it('divides by the share the chosen cells really cover when the land is too small to hit the coverage', () => {
    // 1 % of 10 land cells rounds to 1 cell = 10 % of the land: PAI = (10/55) / 0.1 = 1.818182, not (10/55) / 0.01
    const [naive] = backtest({ ...steadyInput, coverages: [0.01] }).results;
    expect(naive!.atCoverage[0]!.hitRate).toBeCloseTo(10 / 55, 12);
    expect(naive!.atCoverage[0]!.pai).toBeCloseTo(10 / 55 / 0.1, 12);
  });

  it('sums hits over folds before dividing, on a forecast that is always wrong', () => {
    // two cells that swap every week: 3 and 1, then 1 and 3. Naive on last week always picks the wrong cell.
    const swapping = weeklyPattern(6, (w) => (w % 2 === 0 ? [3, 1] : [1, 3]));
    const result = backtest({ grid: buildGrid(2, 1), events: swapping, start: 7, end: 42, horizon: 7, lookback: 7, methods: [{ method: 'naive' }], coverages: [0.5] });
    // 5 folds of 4 incidents; 50 % of 2 cells = 1 cell catches 1 of 4 each week, the best would catch 3
    // hit rate 5/20 = 0.25, PAI 0.25 / 0.5 = 0.5, PEI 5/15 = 1/3
    expect(result.folds).toBe(5);
    expect(result.testIncidents).toBe(20);
    const row = result.results[0]!.atCoverage[0]!;
    expect(row.hitRate).toBe(0.25);
    expect(row.pai).toBe(0.5);
    expect(row.pei).toBeCloseTo(1 / 3, 12);
  });

  it('measures land from `landFrom`, by default from the first incident', () => {
    // cell 2 has its only incident on day 1: land by default, not from day 7
    const events = buildEvents([[2, 1], [0, 8], [1, 9], [0, 16], [-1, 0]]);
    const input: BacktestInput = { grid: buildGrid(3, 1), events, start: 14, end: 21, horizon: 7, methods: [{ method: 'naive' }] };
    expect(backtest(input).landCells).toBe(3);
    expect(backtest({ ...input, landFrom: 7 }).landCells).toBe(2);
  });

  it('reports each fold and method as it starts, and refuses an empty period or horizon', () => {
    const calls: [number, string, number, number][] = [];
    backtest({ ...steadyInput, end: 28, methods: [{ method: 'naive' }, { method: 'kde' }] }, (fraction, method, step, steps) => calls.push([fraction, method, step, steps]));
    // 2 folds × 2 methods = 4 steps
    expect(calls).toEqual([[0, 'naive', 1, 4], [0.25, 'kde', 2, 4], [0.5, 'naive', 3, 4], [0.75, 'kde', 4, 4]]);
    expect(() => backtest({ ...steadyInput, horizon: 0 })).toThrow(RangeError);
    expect(() => backtest({ ...steadyInput, end: 14 })).toThrow(RangeError);
  });

  it('keeps hit rate in [0, 1], non-decreasing along the curve, and PEI ≤ 1, for every method on any data', () => {
    const incident = fc.tuple(fc.integer({ min: -1, max: 15 }), fc.double({ min: 0, max: 60, maxExcluded: true, noNaN: true }));
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 60 }), fc.integer({ min: 1, max: 14 }), (list, horizon) => {
        const methods = FORECAST_METHODS.map((method) => ({ method, params: { iterations: 5 } }));
        const result = backtest({ grid: buildGrid(4, 4), events: buildEvents(list), start: 20, end: 60, horizon, methods, coverages: [0.05, 0.25, 0.5, 1] });
        expect(result.folds).toBe(Math.ceil(40 / horizon));
        for (const method of result.results) {
          for (const row of method.atCoverage) {
            expect(row.hitRate).toBeGreaterThanOrEqual(0);
            expect(row.hitRate).toBeLessThanOrEqual(1);
            expect(row.pei).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (result.testIncidents > 0) expect(method.atCoverage.at(-1)!.hitRate).toBe(1); // all the land catches every test incident
          for (let i = 1; i < method.curve.length; i++) expect(method.curve[i]!.hitRate).toBeGreaterThanOrEqual(method.curve[i - 1]!.hitRate);
        }
      }),
      { numRuns: 60 },
    );
  });
});
