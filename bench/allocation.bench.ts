/**
 * Patrol allocation for 102 sectors × 3 shifts (day 150 car + 120 foot, evening 150 + 130, night
 * 150 + 130; 55 posts; a foot floor of 50 %), each sector with 400 forecast cells of skewed risk: the
 * exact plan (price certificate, HiGHS when there is none) against HiGHS alone on the same problems in
 * the same run, and the greedy's covered risk for comparison. Goal: ≤ 1 s.
 *
 *   node --expose-gc --import tsx allocation.bench.ts   (from bench/)
 */
import { allocate, allocateGreedy, allocateOptimal, type AllocationProblem } from '../server/src/patrol/allocation.js';
import { mulberry32 } from '../server/src/platform/random.js';
import { runComputeBenchmark } from './compute-harness.js';

const random = mulberry32(102);
const sectors = Array.from({ length: 102 }, (_, i) => {
  const heat = Math.exp((random() - 0.5) * 2);
  return { id: `S-${i + 1}`, risks: Array.from({ length: 400 }, () => heat * Math.pow(random(), 6)), posts: i < 55 ? 1 : 0 };
});
const shifts = [
  { car: 150, foot: 120 },
  { car: 150, foot: 130 },
  { car: 150, foot: 130 },
];
const problems: AllocationProblem[] = shifts.map((s) => ({ sectors, carCrews: s.car, footCrews: s.foot, stopsPerCar: 10, stopsPerFoot: 6, stopsPerPost: 1, minFootShare: 0.5 }));
const shares: string[] = [];

await runComputeBenchmark(
  'allocation',
  '102 sectors × 3 shifts, 400 cells per sector, 55 posts, foot floor 50 %',
  [
    {
      label: 'optimal plans, 3 shifts',
      items: 3,
      itemsName: 'shifts',
      ours: async () => {
        shares.length = 0;
        for (const p of problems) {
          const r = await allocate(p);
          shares.push(`${(r.share * 100).toFixed(2)} % (${r.solver.status})`);
        }
      },
      reference: { label: 'HiGHS mixed-integer programme, gap 1e-4', run: async () => { for (const p of problems) await allocateOptimal(p); } },
      goal: { seconds: 1 },
    },
  ],
  { repeat: 2 },
);
const greedy = problems.map((p) => `${(allocateGreedy(p).share * 100).toFixed(2)} %`);
const highs: string[] = [];
for (const p of problems) highs.push(`${((await allocateOptimal(p)).share * 100).toFixed(2)} %`);
console.log(`  risk covered — ours: ${shares.join(', ')}; HiGHS: ${highs.join(', ')}; greedy: ${greedy.join(', ')}`);
