import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../platform/random.js';
import { allocate, allocateByPrice, allocateGreedy, allocateOptimal, bruteForceBest, type AllocationProblem } from './allocation.js';

function smallProblem(random: () => number): AllocationProblem {
  const count = 1 + Math.floor(random() * 3);
  const sectors = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    risks: Array.from({ length: Math.floor(random() * 15) }, () => Math.pow(random(), 3) * 10),
    posts: random() < 0.2 ? 1 : 0,
  }));
  const posts = sectors.reduce((a, s) => a + s.posts, 0);
  return {
    sectors,
    carCrews: Math.floor(random() * 4),
    footCrews: posts + Math.floor(random() * 5),
    stopsPerCar: 1 + Math.floor(random() * 4),
    stopsPerFoot: 1 + Math.floor(random() * 3),
    stopsPerPost: 1,
    minFootShare: [0, 0.3, 0.5, 0.7][Math.floor(random() * 4)]!,
  };
}

function feasible(p: AllocationProblem): boolean {
  try {
    return Number.isFinite(bruteForceBest(p));
  } catch {
    return false;
  }
}

describe('allocation by a price on cars', () => {
  it('finds the best plan of every small problem (against brute force), with its certificate', () => {
    const random = mulberry32(11);
    let checked = 0;
    for (let trial = 0; trial < 400; trial++) {
      const p = smallProblem(random);
      if (!feasible(p)) continue;
      const plan = allocateByPrice(p);
      expect(plan, `trial ${trial}`).not.toBeNull();
      expect(plan!.covered).toBeCloseTo(bruteForceBest(p), 9);
      expect(plan!.solver.status).toMatch(/^optimal/);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('meets every constraint: budgets, one mobile crew per sector, the foot floor', () => {
    const random = mulberry32(5);
    for (let trial = 0; trial < 100; trial++) {
      const p = smallProblem(random);
      if (!feasible(p)) continue;
      const plan = allocateByPrice(p)!;
      const posts = p.sectors.reduce((a, s) => a + s.posts, 0);
      expect(plan.sectors.reduce((a, s) => a + s.car, 0)).toBeLessThanOrEqual(p.carCrews);
      expect(plan.sectors.reduce((a, s) => a + s.foot, 0)).toBeLessThanOrEqual(p.footCrews - posts);
      for (const s of plan.sectors) {
        expect(s.car + s.foot).toBeGreaterThanOrEqual(1);
        // foot ≥ φ·(car + foot) − (1 − φ)
        expect((1 - p.minFootShare) * s.foot - p.minFootShare * s.car).toBeGreaterThanOrEqual(-(1 - p.minFootShare) - 1e-9);
      }
    }
  });

  it('agrees with HiGHS on a city-sized problem and beats the greedy', async () => {
    const random = mulberry32(102);
    const sectors = Array.from({ length: 40 }, (_, i) => {
      const heat = Math.exp((random() - 0.5) * 2);
      return { id: `S-${i + 1}`, risks: Array.from({ length: 120 }, () => heat * Math.pow(random(), 6)), posts: i < 20 ? 1 : 0 };
    });
    const p: AllocationProblem = { sectors, carCrews: 60, footCrews: 70, stopsPerCar: 10, stopsPerFoot: 6, stopsPerPost: 1, minFootShare: 0.5 };
    const ours = await allocate(p);
    const solver = await allocateOptimal(p);
    // HiGHS stops within a relative gap of 1e-4; ours is exact, so never below it and never far above.
    expect(ours.covered).toBeGreaterThanOrEqual(solver.covered - 1e-9);
    expect(solver.covered).toBeGreaterThanOrEqual(ours.covered * (1 - 1e-4));
    expect(ours.covered).toBeGreaterThan(allocateGreedy(p).covered);
  }, 60_000);
});
