// From crews per sector to each crew's stops (п.6: patrols follow the crime map). A sector's hottest cells
// are dealt in rank order, round-robin, to its mobile crews that still have stops left — so every crew
// gets some of the hottest cells rather than the first car taking them all — and each crew's cells are
// then put in the order of a nearest-neighbour walk from its hottest one. Posts stay at their stationary
// route's point and watch the cell they stand in.
import { STOP_MINUTES, type PlanCrew, type PlanStop } from './plans.schema.js';

export interface RiskCell {
  cell: number;
  /** Centre in the forecast grid's metres (for distances) and in WGS 84. */
  x: number;
  y: number;
  lon: number;
  lat: number;
  risk: number;
}

export interface PostPoint {
  routeCode: string;
  lon: number;
  lat: number;
  /** The grid cell the post stands in, if it is on the grid. */
  cell: number | null;
}

export interface SectorCrewInput {
  sectorId: string;
  sectorCode: string;
  car: number;
  foot: number;
  posts: PostPoint[];
  cells: RiskCell[];
  stopsPerCar: number;
  stopsPerFoot: number;
  stopsPerPost: number;
  /** What a post's stop says for its time (the shift's length). */
  postMinutes: string;
}

const byRank = (a: RiskCell, b: RiskCell) => b.risk - a.risk || a.cell - b.cell;

/** The cells in the order of a walk that starts at the first and always goes to the nearest unvisited. */
export function nearestNeighbourWalk(cells: readonly RiskCell[]): RiskCell[] {
  if (cells.length <= 2) return [...cells];
  const left = cells.slice(1);
  const walk = [cells[0]!];
  while (left.length > 0) {
    const here = walk[walk.length - 1]!;
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < left.length; i++) {
      const d = (left[i]!.x - here.x) ** 2 + (left[i]!.y - here.y) ** 2;
      if (d < bestDistance - 1e-9 || (Math.abs(d - bestDistance) <= 1e-9 && byRank(left[i]!, left[best]!) < 0)) {
        best = i;
        bestDistance = d;
      }
    }
    walk.push(left.splice(best, 1)[0]!);
  }
  return walk;
}

function stopOf(cell: RiskCell, order: number): PlanStop {
  return { order, cell: cell.cell, lon: cell.lon, lat: cell.lat, risk: cell.risk, minutes: STOP_MINUTES };
}

/** The crews of one sector with their stops: cars `S-001/C1…`, foot `S-001/F1…`, posts `S-001/P1…`. */
export function sectorCrews(input: SectorCrewInput): PlanCrew[] {
  const riskOf = new Map(input.cells.map((c) => [c.cell, c]));
  const crews: PlanCrew[] = [];
  const watched = new Set<number>();
  input.posts.forEach((post, i) => {
    const cell = post.cell !== null ? riskOf.get(post.cell) : undefined;
    if (cell && input.stopsPerPost > 0) watched.add(cell.cell);
    const stops: PlanStop[] = input.stopsPerPost > 0 ? [{ order: 1, cell: cell?.cell ?? null, lon: post.lon, lat: post.lat, risk: cell?.risk ?? 0, minutes: input.postMinutes }] : [];
    crews.push({ id: `${input.sectorCode}/P${i + 1}`, sectorId: input.sectorId, sectorCode: input.sectorCode, kind: 'post', routeCode: post.routeCode, risk: stops[0]?.risk ?? 0, stops });
  });
  const mobile = [
    ...Array.from({ length: input.car }, (_, i) => ({ id: `${input.sectorCode}/C${i + 1}`, kind: 'car' as const, capacity: input.stopsPerCar, cells: [] as RiskCell[] })),
    ...Array.from({ length: input.foot }, (_, i) => ({ id: `${input.sectorCode}/F${i + 1}`, kind: 'foot' as const, capacity: input.stopsPerFoot, cells: [] as RiskCell[] })),
  ];
  const hottest = mobile.length > 0 ? input.cells.filter((c) => c.risk > 0 && !watched.has(c.cell)).sort(byRank) : [];
  let next = 0;
  for (const cell of hottest) {
    let tries = 0;
    while (tries < mobile.length && mobile[next]!.cells.length >= mobile[next]!.capacity) {
      next = (next + 1) % mobile.length;
      tries++;
    }
    if (tries === mobile.length) break; // every crew is full
    mobile[next]!.cells.push(cell);
    next = (next + 1) % mobile.length;
  }
  for (const crew of mobile) {
    const stops = nearestNeighbourWalk(crew.cells).map((c, i) => stopOf(c, i + 1));
    crews.push({ id: crew.id, sectorId: input.sectorId, sectorCode: input.sectorCode, kind: crew.kind, routeCode: null, risk: stops.reduce((a, s) => a + s.risk, 0), stops });
  }
  // cars, then foot, then posts
  const order = { car: 0, foot: 1, post: 2 } as const;
  return crews.sort((a, b) => order[a.kind] - order[b.kind]);
}
