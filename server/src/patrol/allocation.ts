// Risk-based allocation of patrol crews to sectors (п.6: patrols follow the crime map, more on foot,
// more at night). Each crew makes a number of short stops in the forecast's hottest cells of its sector
// (Koper 1995: 10–15 minute stops); a sector whose crews can make k stops covers the risk of its k
// hottest cells. The plan maximises the forecast risk covered across the city, subject to the crews
// available, at least one mobile crew in every sector, stationary posts fixed, and a floor on the share
// of foot crews in each sector.
//
// Solved exactly. First by a price on cars (`allocateByPrice`): relax the car budget with a price,
// meet the foot budget exactly by dynamic programming over sectors, and bisect the price until the plan
// uses exactly the cars available — which proves it optimal. When ties at the critical price leave no
// such plan, HiGHS solves the mixed-integer programme (`allocateOptimal`): covered risk is concave in a
// sector's stops, so it is written with one continuous variable per block of cells in [0, 1] that the LP
// fills hottest first; only crew counts are integers. A greedy that adds the crew with the largest
// marginal gain is also here: exact for one kind of crew without a share floor (a separable concave
// objective under one budget), not with two kinds and a floor — the tests show both against brute force.
import * as highsPackage from 'highs';
import type { Highs } from 'highs';

export interface SectorInput {
  id: string;
  /** Forecast risk of the sector's cells (any order; only positive values matter). */
  risks: number[];
  /** Stationary posts in the sector: staffed by foot officers, fixed. */
  posts: number;
}

export interface AllocationProblem {
  sectors: SectorInput[];
  carCrews: number;
  footCrews: number;
  /** Hot-cell stops one crew makes in a shift (e.g. car 10, foot 6; a post watches 1 cell). */
  stopsPerCar: number;
  stopsPerFoot: number;
  stopsPerPost: number;
  /** In every sector, foot crews ≥ this share of its mobile crews (rounding in favour of one car). */
  minFootShare: number;
}

export interface SectorPlan {
  id: string;
  car: number;
  foot: number;
  posts: number;
  /** Stops the sector's crews make, and the risk of the cells they cover. */
  stops: number;
  covered: number;
  risk: number;
}

/**
 * How the plan was reached, as a code the pages translate: proven optimal (and how), the solver's best
 * within its time limit, or `done` for the fixed rules (uniform, proportional, greedy).
 */
export type SolverStatus =
  | 'optimal'
  | 'optimalCarsNotBinding'
  | 'optimalPriceCertificate'
  | 'optimalPriceBound'
  | 'optimalWithinTolerance'
  | 'optimalBoundedSearch'
  | 'optimalGreedyKept'
  | 'timeLimit'
  | 'timeLimitGreedyKept'
  | 'done';

export interface AllocationResult {
  sectors: SectorPlan[];
  covered: number;
  totalRisk: number;
  /** covered / totalRisk */
  share: number;
  solver: { method: 'highs' | 'exact' | 'greedy' | 'uniform' | 'proportional'; status: SolverStatus; seconds: number; /** HiGHS: the proven relative gap to the best possible plan (0 = optimal). */ gap?: number };
}

export class InfeasibleAllocation extends Error {}

function sortedRisks(sector: SectorInput): number[] {
  return sector.risks.filter((r) => r > 0).sort((a, b) => b - a);
}

/** Risk covered by k stops in a sector: the sum of its k hottest cells. */
export function coveredBy(sorted: number[], stops: number): number {
  let sum = 0;
  const k = Math.min(sorted.length, Math.max(0, Math.floor(stops)));
  for (let i = 0; i < k; i++) sum += sorted[i]!;
  return sum;
}

function footFloorHolds(car: number, foot: number, share: number): boolean {
  // foot ≥ share · (car + foot) − (1 − share): the floor rounded down by at most one crew
  return (1 - share) * foot - share * car >= -(1 - share) - 1e-9;
}

/** Checks what no plan can satisfy, with the reason. */
export function checkFeasible(problem: AllocationProblem): void {
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  if (posts > problem.footCrews) throw new InfeasibleAllocation(`the ${posts} stationary posts need ${posts} foot officers; only ${problem.footCrews} foot crews are available`);
  const mobile = problem.carCrews + problem.footCrews - posts;
  if (mobile < problem.sectors.length) throw new InfeasibleAllocation(`${mobile} mobile crews cannot put one in each of ${problem.sectors.length} sectors`);
  if (problem.minFootShare > 0.5 && problem.footCrews - posts < problem.sectors.length) {
    throw new InfeasibleAllocation(`with a foot share above 50 % every sector needs a foot crew: ${problem.footCrews - posts} are available for ${problem.sectors.length} sectors`);
  }
}

function summarise(problem: AllocationProblem, counts: { car: number; foot: number }[], method: AllocationResult['solver']['method'], status: SolverStatus, started: number): AllocationResult {
  let covered = 0;
  let totalRisk = 0;
  const sectors = problem.sectors.map((s, i) => {
    const sorted = sortedRisks(s);
    const risk = sorted.reduce((a, b) => a + b, 0);
    const { car, foot } = counts[i]!;
    const stops = car * problem.stopsPerCar + foot * problem.stopsPerFoot + s.posts * problem.stopsPerPost;
    const c = coveredBy(sorted, stops);
    covered += c;
    totalRisk += risk;
    return { id: s.id, car, foot, posts: s.posts, stops, covered: c, risk };
  });
  return { sectors, covered, totalRisk, share: totalRisk > 0 ? covered / totalRisk : 0, solver: { method, status, seconds: (performance.now() - started) / 1000 } };
}

// The package is CommonJS-typed with an ES default export: take the loader from either shape.
const highsLoader = ((highsPackage as unknown as { default?: () => Promise<Highs> }).default ?? (highsPackage as unknown as () => Promise<Highs>)) as () => Promise<Highs>;
let highsPromise: Promise<Highs> | null = null;
function highs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

/**
 * The optimal plan, by HiGHS (branch and bound to a relative gap of 1e-4; presolve off, which measured
 * faster on this model), started from the greedy plan so that the solver begins with a good incumbent.
 */
export async function allocateOptimal(problem: AllocationProblem, options: { timeLimitSeconds?: number; gap?: number } = {}): Promise<AllocationResult> {
  // The solver stops at its time limit (default 10 s) with the best plan found so far — never worse than
  // the greedy it starts from — and the gap it has proven; the plan shows both.
  checkFeasible(problem);
  const solver = await highs();
  // Timed from here: loading the WASM module once per process is not the solve.
  const started = performance.now();
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const mobileFoot = problem.footCrews - posts;
  const phi = problem.minFootShare;
  const S = problem.sectors.length;
  // Stops come in steps of g = gcd(car stops, foot stops) after the posts' own: the cells are grouped in
  // blocks of g, which is exact at every attainable number of stops and leaves the solver fewer columns.
  const g = gcd(problem.stopsPerCar, problem.stopsPerFoot);
  const maxStops = problem.carCrews * problem.stopsPerCar + mobileFoot * problem.stopsPerFoot;
  // Columns: x_i, y_i for every sector (integers), then the blocks t_ij in [0, 1].
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integrality: number[] = [];
  for (let i = 0; i < S; i++) {
    cost.push(0, 0);
    lower.push(0, 0);
    upper.push(problem.carCrews, mobileFoot);
    integrality.push(1, 1);
  }
  const blockOwner: number[] = [];
  const blockWidth: number[] = [];
  problem.sectors.forEach((sector, i) => {
    const sorted = sortedRisks(sector);
    const fixed = Math.min(sorted.length, problem.stopsPerPost * sector.posts);
    const blocks = Math.min(Math.ceil((sorted.length - fixed) / g), Math.ceil(maxStops / g));
    for (let j = 0; j < blocks; j++) {
      let value = 0;
      const from = fixed + j * g;
      const to = Math.min(sorted.length, from + g);
      for (let k = from; k < to; k++) value += sorted[k]!;
      if (value <= 0) break;
      cost.push(value);
      lower.push(0);
      upper.push(1);
      integrality.push(0);
      blockOwner.push(i);
      blockWidth.push(to - from);
    }
  });
  // Rows (CSR): per sector — stops, at least one crew, the foot floor; then the two budgets.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const blocksOf: number[][] = problem.sectors.map(() => []);
  blockOwner.forEach((owner, b) => blocksOf[owner]!.push(2 * S + b));
  const row = (entries: [number, number][], lo: number, hi: number) => {
    for (const [col, v] of entries) {
      indices.push(col);
      values.push(v);
    }
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };
  for (let i = 0; i < S; i++) {
    // Σ width·t ≤ a·x + b·y
    row([[2 * i, -problem.stopsPerCar], [2 * i + 1, -problem.stopsPerFoot], ...blocksOf[i]!.map((col): [number, number] => [col, blockWidth[col - 2 * S]!])], -Infinity, 0);
    row([[2 * i, 1], [2 * i + 1, 1]], 1, Infinity);
    if (phi > 0) row([[2 * i, -phi], [2 * i + 1, 1 - phi]], -(1 - phi), Infinity);
  }
  row(Array.from({ length: S }, (_, i): [number, number] => [2 * i, 1]), -Infinity, problem.carCrews);
  row(Array.from({ length: S }, (_, i): [number, number] => [2 * i + 1, 1]), -Infinity, mobileFoot);
  const numCols = cost.length;
  const numRows = rowLower.length;
  const inf = solver.infinity;
  const fix = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  // The greedy plan as the solver's first incumbent.
  const warm = allocateGreedy(problem);
  const start = new Float64Array(numCols);
  warm.sectors.forEach((sp, i) => {
    start[2 * i] = sp.car;
    start[2 * i + 1] = sp.foot;
    let left = sp.car * problem.stopsPerCar + sp.foot * problem.stopsPerFoot;
    for (const col of blocksOf[i]!) {
      const w = blockWidth[col - 2 * S]!;
      const t = Math.max(0, Math.min(1, left / w));
      start[col] = t;
      left -= t * w;
    }
  });
  const solution = solver.withModel((model) => {
    model.options.set({ time_limit: options.timeLimitSeconds ?? 10, mip_rel_gap: options.gap ?? 1e-4, output_flag: false, presolve: 'off' });
    model.passModel({
      numCols,
      numRows,
      sense: solver.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cost),
      colLower: Float64Array.from(lower),
      colUpper: Float64Array.from(upper),
      rowLower: Float64Array.from(rowLower, fix),
      rowUpper: Float64Array.from(rowUpper, fix),
      matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      integrality: Int32Array.from(integrality),
    });
    model.setSolution({ colValue: start });
    model.run();
    const status = model.getModelStatus();
    const names = solver.constants.modelStatus as unknown as Record<string, number>;
    const statusName = Object.keys(names).find((k) => names[k] === status) ?? String(status);
    let gap = Number.NaN;
    try {
      gap = Number(model.info.get('mip_gap'));
    } catch {
      // not available when the solve ended without a MIP search
    }
    return { status: statusName, gap, colValue: Float64Array.from(model.getSolution().colValue) };
  });
  if (solution.status === 'infeasible') throw new InfeasibleAllocation('no plan satisfies the constraints');
  if (solution.status !== 'optimal' && solution.status !== 'timeLimit') throw new Error(`HiGHS answered ${solution.status}`);
  const counts = problem.sectors.map((_, i) => ({ car: Math.max(0, Math.round(solution.colValue[2 * i]!)), foot: Math.max(0, Math.round(solution.colValue[2 * i + 1]!)) }));
  const result = summarise(problem, counts, 'highs', solution.status === 'optimal' ? 'optimal' : 'timeLimit', started);
  const gap = solution.status === 'optimal' ? Math.max(0, Number.isFinite(solution.gap) ? solution.gap : 0) : solution.gap;
  // Never worse than the incumbent it started from (a time limit could stop it early).
  const chosen = result.covered + 1e-9 >= warm.covered ? result : summarise(problem, warm.sectors, 'highs', solution.status === 'optimal' ? 'optimalGreedyKept' : 'timeLimitGreedyKept', started);
  return { ...chosen, solver: { ...chosen.solver, ...(Number.isFinite(gap) ? { gap } : {}) } };
}

function gcd(a: number, b: number): number {
  a = Math.abs(Math.round(a));
  b = Math.abs(Math.round(b));
  while (b) [a, b] = [b, a % b];
  return Math.max(1, a);
}

/**
 * Greedy: one mobile crew in every sector (foot where the floor asks for it), then each further crew
 * where it adds the most covered risk, keeping the floor. Exact for one crew kind without a floor.
 */
export function allocateGreedy(problem: AllocationProblem): AllocationResult {
  checkFeasible(problem);
  const started = performance.now();
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const sorted = problem.sectors.map(sortedRisks);
  const counts = problem.sectors.map(() => ({ car: 0, foot: 0 }));
  let car = problem.carCrews;
  let foot = problem.footCrews - posts;
  const stopsOf = (i: number, c: { car: number; foot: number }) => c.car * problem.stopsPerCar + c.foot * problem.stopsPerFoot + problem.sectors[i]!.posts * problem.stopsPerPost;
  const gain = (i: number, kind: 'car' | 'foot') => {
    const c = counts[i]!;
    const next = kind === 'car' ? { car: c.car + 1, foot: c.foot } : { car: c.car, foot: c.foot + 1 };
    if (!footFloorHolds(next.car, next.foot, problem.minFootShare)) return -1;
    return coveredBy(sorted[i]!, stopsOf(i, next)) - coveredBy(sorted[i]!, stopsOf(i, c));
  };
  // every sector first gets the crew that gains most there (ties: car, so foot stays for the floor)
  const order = problem.sectors.map((_, i) => i).sort((a, b) => coveredBy(sorted[b]!, problem.stopsPerCar) - coveredBy(sorted[a]!, problem.stopsPerCar) || a - b);
  for (const i of order) {
    const gc = car > 0 ? gain(i, 'car') : -1;
    const gf = foot > 0 ? gain(i, 'foot') : -1;
    if (gc < 0 && gf < 0) throw new InfeasibleAllocation('the greedy could not staff every sector');
    if (gc >= gf) {
      counts[i]!.car++;
      car--;
    } else {
      counts[i]!.foot++;
      foot--;
    }
  }
  for (;;) {
    let best = { i: -1, kind: 'car' as 'car' | 'foot', g: 0 };
    for (let i = 0; i < counts.length; i++) {
      for (const kind of ['car', 'foot'] as const) {
        if ((kind === 'car' ? car : foot) <= 0) continue;
        const g = gain(i, kind);
        if (g > best.g) best = { i, kind, g };
      }
    }
    if (best.i < 0) break;
    counts[best.i]![best.kind]++;
    if (best.kind === 'car') car--;
    else foot--;
  }
  return summarise(problem, counts, 'greedy', 'done', started);
}

/** The same crews spread evenly over sectors (the plan a risk-blind roster gives). */
export function allocateUniform(problem: AllocationProblem): AllocationResult {
  const started = performance.now();
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const n = problem.sectors.length;
  const counts = problem.sectors.map((_, i) => ({
    car: Math.floor(problem.carCrews / n) + (i < problem.carCrews % n ? 1 : 0),
    foot: Math.floor((problem.footCrews - posts) / n) + (i >= n - ((problem.footCrews - posts) % n) ? 1 : 0),
  }));
  return summarise(problem, counts, 'uniform', 'done', started);
}

/** Crews in proportion to given weights per sector (e.g. today's routes: the current plan). */
export function allocateProportional(problem: AllocationProblem, weights: { car: number[]; foot: number[] }): AllocationResult {
  const started = performance.now();
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const car = apportionWhole(problem.carCrews, weights.car);
  const foot = apportionWhole(problem.footCrews - posts, weights.foot);
  return summarise(problem, problem.sectors.map((_, i) => ({ car: car[i]!, foot: foot[i]! })), 'proportional', 'done', started);
}

function apportionWhole(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

/** Every plan of a small problem, for tests: the best covered risk. */
export function bruteForceBest(problem: AllocationProblem): number {
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const sorted = problem.sectors.map(sortedRisks);
  let best = -Infinity;
  const counts = problem.sectors.map(() => ({ car: 0, foot: 0 }));
  const visit = (i: number, car: number, foot: number) => {
    if (i === problem.sectors.length) {
      let covered = 0;
      counts.forEach((c, k) => {
        covered += coveredBy(sorted[k]!, c.car * problem.stopsPerCar + c.foot * problem.stopsPerFoot + problem.sectors[k]!.posts * problem.stopsPerPost);
      });
      best = Math.max(best, covered);
      return;
    }
    for (let x = 0; x <= car; x++) {
      for (let y = 0; y <= foot; y++) {
        if (x + y < 1 || !footFloorHolds(x, y, problem.minFootShare)) continue;
        counts[i] = { car: x, foot: y };
        visit(i + 1, car - x, foot - y);
      }
    }
  };
  visit(0, problem.carCrews, problem.footCrews - posts);
  return best;
}

/**
 * The exact plan through a price on cars (Lagrangian relaxation of the car budget). For a price λ each
 * sector's best use of y foot crews is max over x of value(x, y) − λx, and the foot budget is met
 * exactly by dynamic programming over sectors (state: foot crews used). Bisection finds the price at
 * which the cars used reach the budget; a plan that then uses exactly the cars available (or fewer at
 * price 0) maximises the relaxation and meets every constraint, so it is optimal — a certificate, not a
 * heuristic. When the cars used jump past the budget at the critical price (ties), no certificate
 * exists and the caller falls back to the solver. Returns null then.
 */
export function allocateByPrice(problem: AllocationProblem): AllocationResult | null {
  checkFeasible(problem);
  const started = performance.now();
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const C = problem.carCrews;
  const F = problem.footCrews - posts;
  const phi = problem.minFootShare;
  const sectors = problem.sectors.map((sector) => {
    const risks = sortedRisks(sector);
    const base = sector.posts * problem.stopsPerPost;
    const prefix = new Float64Array(risks.length + 1);
    for (let k = 0; k < risks.length; k++) prefix[k + 1] = prefix[k]! + risks[k]!;
    const needed = Math.max(0, risks.length - base);
    const yMax = Math.min(F, Math.ceil(needed / problem.stopsPerFoot) + 1);
    const xMax = Math.min(C, Math.ceil(needed / problem.stopsPerCar) + 1);
    // value[y * stride + x]: covered risk with x cars and y foot crews, for the counts the constraints allow
    const stride = xMax + 1;
    const xLo = new Int32Array(yMax + 1);
    const xHi = new Int32Array(yMax + 1);
    const table = new Float64Array((yMax + 1) * stride);
    for (let y = 0; y <= yMax; y++) {
      xLo[y] = y >= 1 ? 0 : 1;
      const cap = phi > 0 ? Math.floor(((1 - phi) * (y + 1)) / phi + 1e-9) : C;
      xHi[y] = Math.min(xMax, cap, C);
      for (let x = 0; x <= xMax; x++) table[y * stride + x] = prefix[Math.min(risks.length, base + x * problem.stopsPerCar + y * problem.stopsPerFoot)]!;
    }
    return { yMax, xLo, xHi, stride, table };
  });
  const S = sectors.length;
  // For a price, the plan that maximises covered risk − price × cars, with at most F foot crews.
  const solve = (price: number, preferFewerCars: boolean) => {
    const W = F + 1;
    let V = new Float64Array(W); // best relaxed value using at most f foot crews
    const picks: Int32Array[] = [];
    const carsOf: Int32Array[] = [];
    for (let s = 0; s < S; s++) {
      const sec = sectors[s]!;
      const best = new Float64Array(sec.yMax + 1).fill(-Infinity);
      const bestX = new Int32Array(sec.yMax + 1).fill(-1);
      for (let y = 0; y <= sec.yMax; y++) {
        const lo = sec.xLo[y]!;
        const hi = sec.xHi[y]!;
        const row = y * sec.stride;
        for (let x = lo; x <= hi; x++) {
          const v = sec.table[row + x]! - price * x;
          if (v > best[y]! + 1e-12 || (Math.abs(v - best[y]!) <= 1e-12 && (preferFewerCars ? x < bestX[y]! : x > bestX[y]!))) {
            best[y] = v;
            bestX[y] = x;
          }
        }
      }
      const next = new Float64Array(W).fill(-Infinity);
      const pick = new Int32Array(W).fill(-1);
      for (let f = 0; f <= F; f++) {
        for (let y = 0; y <= Math.min(f, sec.yMax); y++) {
          if (bestX[y]! < 0) continue;
          const v = V[f - y]! + best[y]!;
          if (v > next[f]! + 1e-12) {
            next[f] = v;
            pick[f] = y;
          }
        }
      }
      V = next;
      picks.push(pick);
      carsOf.push(bestX);
    }
    if (!(V[F]! > -Infinity)) return null;
    const counts = new Array<{ car: number; foot: number }>(S);
    let f = F;
    let cars = 0;
    for (let s = S - 1; s >= 0; s--) {
      const y = picks[s]![f]!;
      const x = carsOf[s]![y]!;
      counts[s] = { car: x, foot: y };
      cars += x;
      f -= y;
    }
    return { counts, cars };
  };
  const free = solve(0, true);
  if (!free) throw new InfeasibleAllocation('no plan satisfies the constraints');
  if (free.cars <= C) return summarise(problem, free.counts, 'exact', 'optimalCarsNotBinding', started);
  // The price at which the cars used fall to the budget: above the largest value one car can add.
  let lo = 0;
  let hi = 0;
  for (const s of problem.sectors) hi = Math.max(hi, coveredBy(sortedRisks(s), problem.stopsPerCar));
  hi = hi * 2 + 1;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    const plan = solve(mid, true)!;
    if (plan.cars === C) return summarise(problem, plan.counts, 'exact', 'optimalPriceCertificate', started);
    if (plan.cars > C) lo = mid;
    else hi = mid;
    // Any price gives a valid bound; a close one is enough for the search below.
    if (hi - lo < 1e-7 * Math.max(1, hi)) break;
  }
  // At the critical price the plans preferring more cars may hit the budget exactly.
  const more = solve(hi, false)!;
  if (more.cars === C) return summarise(problem, more.counts, 'exact', 'optimalPriceCertificate', started);
  // Otherwise the cars jump past the budget at that price (a sector trades cars for foot crews). The
  // plan just under the budget, with its spare cars added where they cover most, is within the price's
  // bound of the optimum: no plan covers more than its relaxed value + price × budget. Close enough
  // (the solver's own tolerance, 0.01 %) is optimal for the purpose; else the caller asks the solver.
  const under = solve(hi, true)!;
  const bound = relaxedValue(problem, under.counts, hi) + hi * C;
  const completed = completeGreedily(problem, under.counts);
  const result = summarise(problem, completed, 'exact', 'optimalWithinTolerance', started);
  if (bound - result.covered <= 1e-9 * bound) return { ...result, solver: { ...result.solver, status: 'optimalPriceBound', gap: 0 } };
  // Close the gap exactly: a search over sectors with (cars, foot) used as the state, where a partial
  // plan is dropped as soon as even the relaxation at this price cannot lift it above the plan in hand.
  // Aim high first: prune at a threshold just under the bound and lower it until a plan reaches it —
  // the first plan found at or above a threshold is the optimum, and a high threshold prunes hardest.
  for (let delta = 2e-4 * bound; bound - delta > result.covered; delta *= 3) {
    const found = searchWithBound(problem, sectors, hi, bound - delta, started);
    if (found === 'limit') return null;
    if (found) return found;
  }
  const last = searchWithBound(problem, sectors, hi, result.covered, started);
  if (last === 'limit') return null;
  return last ?? { ...result, solver: { ...result.solver, status: 'optimalPriceBound' } };
}

/**
 * Dynamic programming over sectors with states (cars used, foot used), pruned by the Lagrangian bound:
 * a state's value plus the best the remaining sectors could add at the price (computed backwards by the
 * same one-dimensional programme) plus price × cars left must reach the threshold. Returns the best plan
 * when it reaches the threshold (then it is optimal), null when none does, 'limit' when the surviving
 * states grow past a limit (the caller then asks the solver).
 */
function searchWithBound(
  problem: AllocationProblem,
  sectors: { yMax: number; xLo: Int32Array; xHi: Int32Array; stride: number; table: Float64Array }[],
  price: number,
  threshold: number,
  started: number,
): AllocationResult | null | 'limit' {
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const C = problem.carCrews;
  const F = problem.footCrews - posts;
  const S = sectors.length;
  const W = F + 1;
  // best relaxed value per sector and foot count, and the suffix bound over foot crews left
  const bestAt = sectors.map((sec) => {
    const best = new Float64Array(sec.yMax + 1).fill(-Infinity);
    for (let y = 0; y <= sec.yMax; y++) {
      for (let x = sec.xLo[y]!; x <= sec.xHi[y]!; x++) best[y] = Math.max(best[y]!, sec.table[y * sec.stride + x]! - price * x);
    }
    return best;
  });
  const suffix: Float64Array[] = new Array(S + 1);
  suffix[S] = new Float64Array(W); // nothing left to add
  for (let s = S - 1; s >= 0; s--) {
    const next = new Float64Array(W).fill(-Infinity);
    const after = suffix[s + 1]!;
    const best = bestAt[s]!;
    for (let f = 0; f <= F; f++) {
      for (let y = 0; y <= Math.min(f, best.length - 1); y++) {
        const v = best[y]! + after[f - y]!;
        if (v > next[f]!) next[f] = v;
      }
    }
    suffix[s] = next;
  }
  const eps = 1e-9 * Math.max(1, Math.abs(threshold));
  const LIMIT = 400_000;
  let states = new Map<number, number>([[0, 0]]); // key c * W + f → value
  const back: Map<number, number>[] = []; // per sector: new key → previous key
  for (let s = 0; s < S; s++) {
    const sec = sectors[s]!;
    const next = new Map<number, number>();
    const from = new Map<number, number>();
    const after = suffix[s + 1]!;
    for (const [key, v] of states) {
      const c = Math.floor(key / W);
      const f = key % W;
      for (let y = 0; y <= Math.min(sec.yMax, F - f); y++) {
        const hi = Math.min(sec.xHi[y]!, C - c);
        const row = y * sec.stride;
        for (let x = sec.xLo[y]!; x <= hi; x++) {
          const nv = v + sec.table[row + x]!;
          const nc = c + x;
          const nf = f + y;
          // optimistic completion: the rest at the price, plus the price of every car still unused
          if (nv + after[F - nf]! + price * (C - nc) < threshold - eps) continue;
          const nk = nc * W + nf;
          const old = next.get(nk);
          if (old === undefined || nv > old) {
            next.set(nk, nv);
            from.set(nk, key);
          }
        }
      }
    }
    if (next.size > LIMIT) return 'limit';
    states = next;
    back.push(from);
  }
  let bestKey = -1;
  let bestValue = -Infinity;
  for (const [key, v] of states) {
    if (v > bestValue) {
      bestValue = v;
      bestKey = key;
    }
  }
  if (bestKey < 0 || bestValue < threshold - eps) return null;
  const counts = new Array<{ car: number; foot: number }>(S);
  let key = bestKey;
  for (let s = S - 1; s >= 0; s--) {
    const prev = back[s]!.get(key)!;
    counts[s] = { car: Math.floor(key / W) - Math.floor(prev / W), foot: (key % W) - (prev % W) };
    key = prev;
  }
  return summarise(problem, counts, 'exact', 'optimalBoundedSearch', started);
}

/** Σ covered − price × cars of a plan (the relaxed objective at that price). */
function relaxedValue(problem: AllocationProblem, counts: { car: number; foot: number }[], price: number): number {
  let total = 0;
  problem.sectors.forEach((s, i) => {
    const c = counts[i]!;
    total += coveredBy(sortedRisks(s), c.car * problem.stopsPerCar + c.foot * problem.stopsPerFoot + s.posts * problem.stopsPerPost) - price * c.car;
  });
  return total;
}

/** Adds the crews a plan leaves unused, each where it covers most, keeping the foot floor. */
function completeGreedily(problem: AllocationProblem, counts: { car: number; foot: number }[]): { car: number; foot: number }[] {
  const posts = problem.sectors.reduce((a, s) => a + s.posts, 0);
  const out = counts.map((c) => ({ ...c }));
  const sorted = problem.sectors.map(sortedRisks);
  let car = problem.carCrews - out.reduce((a, c) => a + c.car, 0);
  let foot = problem.footCrews - posts - out.reduce((a, c) => a + c.foot, 0);
  const stopsOf = (i: number, c: { car: number; foot: number }) => c.car * problem.stopsPerCar + c.foot * problem.stopsPerFoot + problem.sectors[i]!.posts * problem.stopsPerPost;
  for (;;) {
    let best = { i: -1, kind: 'car' as 'car' | 'foot', g: 0 };
    for (let i = 0; i < out.length; i++) {
      for (const kind of ['car', 'foot'] as const) {
        if ((kind === 'car' ? car : foot) <= 0) continue;
        const c = out[i]!;
        const next = kind === 'car' ? { car: c.car + 1, foot: c.foot } : { car: c.car, foot: c.foot + 1 };
        if (!footFloorHolds(next.car, next.foot, problem.minFootShare)) continue;
        const g = coveredBy(sorted[i]!, stopsOf(i, next)) - coveredBy(sorted[i]!, stopsOf(i, c));
        if (g > best.g) best = { i, kind, g };
      }
    }
    if (best.i < 0) break;
    out[best.i]![best.kind]++;
    if (best.kind === 'car') car--;
    else foot--;
  }
  return out;
}

/**
 * The plan the service uses: the price method when it can certify optimality (almost always, in a
 * fraction of a second), otherwise HiGHS started from the greedy plan.
 */
export async function allocate(problem: AllocationProblem): Promise<AllocationResult> {
  return allocateByPrice(problem) ?? (await allocateOptimal(problem));
}
