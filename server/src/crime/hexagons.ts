// The public crime map's privacy rule: counts on an H3 hexagon grid where no published cell holds fewer
// than k incidents. Each incident is counted once, in the finest hexagon that reaches k: a hexagon below
// k gives its incidents to its parent, whose published count is only what its small children gave it
// (never a total that could be differenced against its children); what still falls short at the
// coarsest level is not published, only summed as "not shown".
import { cellToBoundary, cellToParent, getResolution, latLngToCell } from 'h3-js';

export interface HexagonOptions {
  /** The smallest count a published cell may show (default 5). */
  k: number;
  /** H3 resolutions to publish at, finest first (default 8 ≈ 0.7 km², then 7 ≈ 5 km², 6 ≈ 36 km²). */
  finest?: number;
  coarsest?: number;
}

export interface HexCount {
  h3: string;
  resolution: number;
  count: number;
}

export interface HexAggregate {
  cells: HexCount[];
  /** Incidents in no published cell (their hexagon fell short of k even at the coarsest level). */
  notShown: number;
  total: number;
}

export function aggregateHexagons(points: { lat: number; lon: number }[], options: HexagonOptions): HexAggregate {
  const k = Math.max(1, Math.floor(options.k));
  const finest = options.finest ?? 8;
  const coarsest = options.coarsest ?? 6;
  if (coarsest > finest) throw new RangeError('the coarsest resolution must not be finer than the finest');
  let pending = new Map<string, number>();
  for (const p of points) {
    const cell = latLngToCell(p.lat, p.lon, finest);
    pending.set(cell, (pending.get(cell) ?? 0) + 1);
  }
  const cells: HexCount[] = [];
  for (let resolution = finest; resolution >= coarsest; resolution--) {
    const next = new Map<string, number>();
    for (const [cell, count] of pending) {
      if (count >= k) cells.push({ h3: cell, resolution, count });
      else if (resolution > coarsest) {
        const parent = cellToParent(cell, resolution - 1);
        next.set(parent, (next.get(parent) ?? 0) + count);
      } else next.set(cell, (next.get(cell) ?? 0) + count);
    }
    pending = next;
    if (resolution === coarsest) break;
  }
  let notShown = 0;
  for (const count of pending.values()) notShown += count;
  cells.sort((a, b) => b.resolution - a.resolution || (a.h3 < b.h3 ? -1 : 1));
  return { cells, notShown, total: points.length };
}

/** A published cell as a GeoJSON polygon (coarser cells first, so finer ones draw on top). */
export function hexFeature(cell: HexCount): { type: 'Feature'; properties: { h3: string; resolution: number; count: number }; geometry: { type: 'Polygon'; coordinates: number[][][] } } {
  const ring = cellToBoundary(cell.h3, true); // GeoJSON order (lon, lat), ring already closed
  return { type: 'Feature', properties: { h3: cell.h3, resolution: getResolution(cell.h3), count: cell.count }, geometry: { type: 'Polygon', coordinates: [ring] } };
}
