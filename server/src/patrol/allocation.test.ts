import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../platform/random.js';
import {
  allocateGreedy,
  allocateOptimal,
  allocateProportional,
  allocateUniform,
  bruteForceBest,
  checkFeasible,
  coveredBy,
  InfeasibleAllocation,
  type AllocationProblem,
  type AllocationResult,
} from './allocation.js';

/** A small random problem: 2–3 sectors of up to 9 cells, a few crews of each kind, some posts, a foot floor. */
function randomProblem(random: () => number, options: { oneKind?: boolean; floor?: boolean } = {}): AllocationProblem {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const sectors = Array.from({ length: int(2, 3) }, (_, i) => ({
    id: `s${i}`,
    // risks with ties and zeros, as forecasts have
    risks: Array.from({ length: int(0, 9) }, () => (random() < 0.15 ? 0 : Math.round(random() * 20) / 4)),
    posts: options.oneKind ? 0 : random() < 0.4 ? int(1, 2) : 0,
  }));
  const posts = sectors.reduce((a, s) => a + s.posts, 0);
  const floors = [0, 0.25, 0.4, 0.5, 0.6];
  return {
    sectors,
    carCrews: int(options.oneKind ? sectors.length : 0, 4),
    footCrews: options.oneKind ? 0 : posts + int(0, 4),
    stopsPerCar: int(2, 4),
    stopsPerFoot: int(1, 3),
    stopsPerPost: int(0, 1),
    minFootShare: options.floor === false ? 0 : floors[int(0, floors.length - 1)]!,
  };
}

function feasible(problem: AllocationProblem): boolean {
  try {
    checkFeasible(problem);
    return true;
  } catch (error) {
    if (error instanceof InfeasibleAllocation) return false;
    throw error;
  }
}

function keepsConstraints(problem: AllocationProblem, plan: AllocationResult): boolean {
  return plan.sectors.every((s) => s.car + s.foot >= 1 && s.foot >= problem.minFootShare * (s.car + s.foot) - (1 - problem.minFootShare) - 1e-9);
}

/** What every plan the solver or the greedy gives must satisfy. */
function expectConstraintsHold(problem: AllocationProblem, plan: AllocationResult): void {
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  expect(plan.sectors.map((s) => s.id)).toEqual(problem.sectors.map((s) => s.id));
  for (const s of plan.sectors) {
    expect(s.car + s.foot, `a mobile crew in ${s.id}`).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(s.car) && Number.isInteger(s.foot) && s.car >= 0 && s.foot >= 0).toBe(true);
    // foot ≥ φ·(car + foot), rounded down by at most one crew
    expect(s.foot, `the foot floor in ${s.id}`).toBeGreaterThanOrEqual(problem.minFootShare * (s.car + s.foot) - (1 - problem.minFootShare) - 1e-9);
    expect(s.posts).toBe(problem.sectors.find((x) => x.id === s.id)!.posts);
  }
  expect(plan.sectors.reduce((a, s) => a + s.car, 0)).toBeLessThanOrEqual(problem.carCrews);
  expect(plan.sectors.reduce((a, s) => a + s.foot, 0)).toBeLessThanOrEqual(problem.footCrews - posts);
  // the reported coverage is the sum of each sector's hottest cells for its stops
  const recomputed = problem.sectors.reduce((a, sector, i) => {
    const sorted = sector.risks.filter((r) => r > 0).sort((x, y) => y - x);
    const p = plan.sectors[i]!;
    return a + coveredBy(sorted, p.car * problem.stopsPerCar + p.foot * problem.stopsPerFoot + p.posts * problem.stopsPerPost);
  }, 0);
  expect(plan.covered).toBeCloseTo(recomputed, 9);
  expect(plan.covered).toBeLessThanOrEqual(plan.totalRisk + 1e-9);
}

describe('coveredBy', () => {
  const sorted = [5, 3, 1];
  it('sums the k hottest cells', () => {
    expect(coveredBy(sorted, 0)).toBe(0);
    expect(coveredBy(sorted, 1)).toBe(5);
    expect(coveredBy(sorted, 2)).toBe(8);
    expect(coveredBy(sorted, 3)).toBe(9);
  });
  it('stops beyond the cells cover nothing more; partial and negative stops count as whole stops made', () => {
    expect(coveredBy(sorted, 10)).toBe(9);
    expect(coveredBy(sorted, 2.7)).toBe(8);
    expect(coveredBy(sorted, -3)).toBe(0);
    expect(coveredBy([], 5)).toBe(0);
  });
});

describe('feasibility', () => {
  const base: AllocationProblem = {
    sectors: [
      { id: 'a', risks: [3, 2, 1], posts: 1 },
      { id: 'b', risks: [4, 1], posts: 1 },
      { id: 'c', risks: [2], posts: 0 },
    ],
    carCrews: 2,
    footCrews: 4,
    stopsPerCar: 2,
    stopsPerFoot: 1,
    stopsPerPost: 1,
    minFootShare: 0.4,
  };

  it('accepts a problem every sector can be staffed in', () => {
    expect(() => checkFeasible(base)).not.toThrow();
  });

  it('refuses more posts than foot crews, naming both numbers', () => {
    expect(() => checkFeasible({ ...base, footCrews: 1 })).toThrow(/2 stationary posts .* only 1 foot crews/);
  });

  it('refuses fewer mobile crews than sectors', () => {
    expect(() => checkFeasible({ ...base, carCrews: 0, footCrews: 4 })).toThrow(/2 mobile crews cannot put one in each of 3 sectors/);
  });

  it('refuses a foot share above one half without a foot crew for every sector', () => {
    expect(() => checkFeasible({ ...base, carCrews: 5, footCrews: 4, minFootShare: 0.6 })).toThrow(/foot share above 50 %.* 2 are available for 3 sectors/);
  });

  it('every allocator that promises the constraints refuses the same problems', async () => {
    const bad = { ...base, footCrews: 1 };
    expect(() => allocateGreedy(bad)).toThrow(InfeasibleAllocation);
    await expect(allocateOptimal(bad)).rejects.toBeInstanceOf(InfeasibleAllocation);
  });
});

describe('the solver (HiGHS) is optimal', () => {
  it('equals brute force on 300 small random problems with posts and a foot floor, and its plans keep every constraint', async () => {
    const random = mulberry32(20_261_126);
    let solved = 0;
    for (let n = 0; n < 300; n++) {
      const problem = randomProblem(random);
      if (!feasible(problem)) continue;
      const best = bruteForceBest(problem);
      const plan = await allocateOptimal(problem);
      expect(plan.solver.method).toBe('highs');
      expect(plan.covered, JSON.stringify(problem)).toBeCloseTo(best, 9);
      expectConstraintsHold(problem, plan);
      solved++;
    }
    expect(solved).toBeGreaterThan(150);
  });

  it('is never worse than the greedy, nor than an even or proportional spread that keeps the same constraints', async () => {
    const random = mulberry32(7);
    let compared = 0;
    for (let n = 0; n < 100; n++) {
      const problem = randomProblem(random);
      if (!feasible(problem)) continue;
      const plan = await allocateOptimal(problem);
      const greedy = allocateGreedy(problem);
      expectConstraintsHold(problem, greedy);
      expect(plan.covered).toBeGreaterThanOrEqual(greedy.covered - 1e-9);
      // The comparison plans ignore the floor and may leave a sector empty: only those that keep the
      // constraints are a fair comparison.
      for (const other of [allocateUniform(problem), allocateProportional(problem, { car: problem.sectors.map((_, i) => i + 1), foot: problem.sectors.map(() => 1) })]) {
        if (!keepsConstraints(problem, other)) continue;
        expect(plan.covered).toBeGreaterThanOrEqual(other.covered - 1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('the greedy', () => {
  it('is exact with one kind of crew and no floor (a separable concave objective under one budget)', () => {
    const random = mulberry32(42);
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const problem = randomProblem(random, { oneKind: true, floor: false });
      if (!feasible(problem)) continue;
      const greedy = allocateGreedy(problem);
      expect(greedy.covered, JSON.stringify(problem)).toBeCloseTo(bruteForceBest(problem), 9);
      expectConstraintsHold(problem, greedy);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('is not exact with two kinds and a foot floor: it commits to cars early, which is why plans use the solver', async () => {
    // A quiet sector and a busy one; 2 cars of 3 stops, 2 foot crews of 2 stops, foot ≥ half the crews.
    const problem: AllocationProblem = {
      sectors: [
        { id: 'quiet', risks: [1], posts: 0 },
        { id: 'busy', risks: [5, 5, 5, 5, 5, 5, 5, 5], posts: 0 },
      ],
      carCrews: 2,
      footCrews: 2,
      stopsPerCar: 3,
      stopsPerFoot: 2,
      stopsPerPost: 1,
      minFootShare: 0.5,
    };
    // The greedy gives the quiet sector a car (a tie with foot), and the floor then keeps the second car
    // out of the busy one: 1 + 7 × 5 = 36.
    const greedy = allocateGreedy(problem);
    expect(greedy.sectors.map((s) => [s.car, s.foot])).toEqual([
      [1, 0],
      [1, 2],
    ]);
    expect(greedy.covered).toBe(36);
    // Best: a foot crew in the quiet sector and both cars with a foot crew in the busy one: 1 + 8 × 5 = 41.
    expect(bruteForceBest(problem)).toBe(41);
    const plan = await allocateOptimal(problem);
    expect(plan.covered).toBe(41);
    expect(plan.sectors.map((s) => [s.car, s.foot])).toEqual([
      [0, 1],
      [2, 1],
    ]);
    expectConstraintsHold(problem, plan);
  });
});

describe('the comparison plans', () => {
  const problem: AllocationProblem = {
    sectors: [
      { id: 'a', risks: [9, 8, 7, 6, 5, 4], posts: 1 },
      { id: 'b', risks: [1, 1], posts: 0 },
      { id: 'c', risks: [3, 2, 1], posts: 0 },
    ],
    carCrews: 5,
    footCrews: 5,
    stopsPerCar: 2,
    stopsPerFoot: 1,
    stopsPerPost: 1,
    minFootShare: 0,
  };

  it('uniform spreads the crews evenly and uses them all', () => {
    const plan = allocateUniform(problem);
    expect(plan.sectors.map((s) => s.car)).toEqual([2, 2, 1]);
    expect(plan.sectors.reduce((a, s) => a + s.foot, 0)).toBe(4);
  });

  it('proportional follows the weights (today’s routes) and keeps the totals exact', () => {
    const plan = allocateProportional(problem, { car: [6, 2, 2], foot: [1, 1, 2] });
    expect(plan.sectors.map((s) => s.car)).toEqual([3, 1, 1]);
    expect(plan.sectors.map((s) => s.foot)).toEqual([1, 1, 2]);
  });
});
