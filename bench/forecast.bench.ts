/**
 * Forecast time for 1 M incidents on a 150 m grid, for each method, against a plain version of the same
 * method in the same run: counts kept in a Map, the kernel and the prospective weights added incident
 * by incident (no binning), and the self-exciting EM summed over pairs (no recursion). Goal: the
 * prospective forecast of 1 M incidents in ≤ 5 s.
 *
 *   node --expose-gc --import tsx forecast.bench.ts   (from bench/)
 */
import { cellIndices, gridAround } from '../server/src/crime/forecast/grid.js';
import { fitSepp, kdeForecast, naiveForecast, prospectiveForecast, type ForecastInput } from '../server/src/crime/forecast/methods.js';
import { mulberry32 } from '../server/src/platform/random.js';
import { runComputeBenchmark } from './compute-harness.js';

const N = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const DAYS = 730;
const random = mulberry32(42);
// A 30 × 30 km city: 300 hotspots (60 %) over a uniform background, near repeats within days.
const xs = new Float64Array(N);
const ys = new Float64Array(N);
const times = new Float64Array(N);
const hotspots = Array.from({ length: 300 }, () => ({ x: random() * 30_000, y: random() * 30_000, s: 60 + random() * 240 }));
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
for (let i = 0; i < N; i++) {
  if (i > 0 && random() < 0.15) {
    const p = Math.floor(random() * i);
    xs[i] = xs[p]! + gauss() * 100;
    ys[i] = ys[p]! + gauss() * 100;
    times[i] = Math.min(DAYS - 0.01, times[p]! + -Math.log(1 - random()) * 3);
  } else if (random() < 0.6) {
    const h = hotspots[Math.floor(random() * hotspots.length)]!;
    xs[i] = h.x + gauss() * h.s;
    ys[i] = h.y + gauss() * h.s;
    times[i] = random() * DAYS;
  } else {
    xs[i] = random() * 30_000;
    ys[i] = random() * 30_000;
    times[i] = random() * DAYS;
  }
}
const grid = gridAround('+proj=utm +zone=43 +datum=WGS84 +units=m +no_defs', xs, ys, 150);
const cells = cellIndices(grid, xs, ys);
const input: ForecastInput = { grid, events: { cells, times }, origin: DAYS, horizon: 1 };

// ---- plain versions ----
function plainNaive() {
  const counts = new Map<number, number>();
  for (let i = 0; i < N; i++) if (times[i]! < DAYS) counts.set(cells[i]!, (counts.get(cells[i]!) ?? 0) + 1);
  return counts;
}
function plainKde(bandwidth: number) {
  const out = new Float64Array(grid.nx * grid.ny);
  const h = bandwidth / grid.size;
  const reach = Math.ceil(3 * h);
  for (let i = 0; i < N; i++) {
    const c = cells[i]!;
    const x = c % grid.nx;
    const y = (c - x) / grid.nx;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < grid.nx && yy < grid.ny) out[yy * grid.nx + xx]! += Math.exp(-(dx * dx + dy * dy) / (2 * h * h));
      }
    }
  }
  return out;
}
function plainProspective() {
  const out = new Float64Array(grid.nx * grid.ny);
  const radius = 400 / grid.size;
  const reach = Math.floor(radius);
  for (let i = 0; i < N; i++) {
    const age = DAYS - times[i]!;
    if (age <= 0 || age >= 56) continue;
    const w = Math.floor(age / 7);
    const c = cells[i]!;
    const x = c % grid.nx;
    const y = (c - x) / grid.nx;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const d = Math.hypot(dx, dy);
        const xx = x + dx;
        const yy = y + dy;
        if (d <= radius && xx >= 0 && yy >= 0 && xx < grid.nx && yy < grid.ny) out[yy * grid.nx + xx]! += (1 / (1 + d)) * (1 / (1 + w));
      }
    }
  }
  return out;
}
/** EM over explicit pairs (parents within 30 days in the same cell), the textbook way. */
function plainSepp(iterations: number) {
  const byCell = new Map<number, number[]>();
  for (let i = 0; i < N; i++) {
    const list = byCell.get(cells[i]!) ?? [];
    list.push(times[i]!);
    byCell.set(cells[i]!, list);
  }
  for (const l of byCell.values()) l.sort((a, b) => a - b);
  let theta = 0.5;
  let omega = 1 / 7;
  const mu = new Map<number, number>();
  for (const [c, l] of byCell) mu.set(c, (0.5 * l.length) / DAYS);
  for (let it = 0; it < iterations; it++) {
    let trig = 0;
    let lag = 0;
    let exposure = 0;
    for (const [c, l] of byCell) {
      const m = mu.get(c)!;
      let bg = 0;
      for (let i = 0; i < l.length; i++) {
        let lambda = m;
        const parts: [number, number][] = [];
        for (let j = i - 1; j >= 0 && l[i]! - l[j]! < 30; j--) {
          const dt = l[i]! - l[j]!;
          if (dt < 1 / 1440) continue;
          const g = theta * omega * Math.exp(-omega * dt);
          lambda += g;
          parts.push([g, dt]);
        }
        bg += m / lambda;
        for (const [g, dt] of parts) {
          trig += g / lambda;
          lag += (g / lambda) * dt;
        }
        exposure += 1 - Math.exp(-omega * (DAYS - l[i]!));
      }
      mu.set(c, bg / DAYS);
    }
    theta = trig / exposure;
    omega = lag > 0 ? trig / lag : omega;
  }
  return { theta, omega };
}

await runComputeBenchmark(
  'forecast',
  `${(N / 1e6).toFixed(1)} M synthetic incidents over ${DAYS} days on a ${grid.nx} × ${grid.ny} grid of 150 m cells`,
  [
    { label: 'naive counts', items: N, itemsName: 'incidents', ours: () => naiveForecast(input), reference: { label: 'counts in a Map', run: plainNaive } },
    { label: 'retrospective KDE, 150 m bandwidth', items: N, itemsName: 'incidents', ours: () => kdeForecast(input, { bandwidth: 150 }), reference: { label: 'kernel added per incident', run: () => plainKde(150) } },
    {
      label: 'prospective hotspots (400 m, 8 weeks)',
      items: N,
      itemsName: 'incidents',
      ours: () => prospectiveForecast(input),
      reference: { label: 'weights added per incident', run: plainProspective },
      goal: { seconds: 5 },
    },
    { label: 'self-exciting EM, 5 iterations', items: N, itemsName: 'incidents', ours: () => fitSepp(input, { iterations: 5 }), reference: { label: 'EM over explicit pairs within 30 days', run: () => plainSepp(5) } },
    { label: 'self-exciting EM, 60 iterations (the default)', items: N, itemsName: 'incidents', ours: () => fitSepp(input, { iterations: 60 }) },
  ],
  { repeat: Number(process.env.BENCH_REPEAT ?? 2) },
);
