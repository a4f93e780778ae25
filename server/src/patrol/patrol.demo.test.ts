import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { apportion, REPORT_ROUTES, REPORT_SECTORS } from './patrol.demo.js';

describe('apportion (largest remainders)', () => {
  it('splits the report’s figures over district areas exactly', () => {
    const areas = [318.5, 125.2, 21.9, 60.4, 171.3, 75.2, 23.1, 110.9]; // km², eight districts
    const sectors = apportion(REPORT_SECTORS, areas);
    expect(sectors.reduce((a, b) => a + b, 0)).toBe(102);
    const routes = apportion(REPORT_ROUTES.car + REPORT_ROUTES.foot + REPORT_ROUTES.stationary, areas);
    expect(routes.reduce((a, b) => a + b, 0)).toBe(2020);
  });

  it('gives whole parts that are the exact shares rounded down or up', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 3, 2])).toEqual([4, 2, 1]); // 3.5, 2.1, 1.4 → one left, to the largest remainder
    expect(apportion(100, [1, 0, 3])).toEqual([25, 0, 75]);
    expect(apportion(0, [2, 5])).toEqual([0, 0]);
  });

  it('sums exactly, stays within one of each exact share, and keeps the order of the weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 120 }), (total, weights) => {
        const parts = apportion(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(Number.isInteger(part)).toBe(true);
          const exact = (total * weights[i]!) / sum;
          expect(part).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(part).toBeLessThanOrEqual(Math.ceil(exact));
        });
        // a larger weight never gets fewer than a smaller one (weights a rounding error apart count as equal)
        for (let i = 0; i < weights.length; i++) for (let j = 0; j < weights.length; j++) if (weights[i]! > weights[j]! * (1 + 1e-9)) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
      }),
      { numRuns: 300 },
    );
  });

  it('splits evenly over weights that are all zero, and refuses what it cannot split', () => {
    expect(apportion(10, [0, 0, 0])).toEqual([4, 3, 3]);
    expect(apportion(2, [0, 0, 0, 0])).toEqual([1, 1, 0, 0]);
    expect(apportion(0, [])).toEqual([]);
    expect(() => apportion(3, [])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(2.5, [1])).toThrow(RangeError);
    expect(() => apportion(5, [1, -1])).toThrow(RangeError);
    expect(() => apportion(5, [1, Number.NaN])).toThrow(RangeError);
  });

  it('is deterministic: equal remainders go to the earlier weight, every time', () => {
    expect(apportion(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        expect(apportion(total, weights)).toEqual(apportion(total, [...weights]));
      }),
    );
  });
});
