import fc from 'fast-check';
import { cellToChildren, cellToLatLng, cellToParent, getResolution, isValidCell, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';

import { aggregateHexagons, hexFeature, type HexAggregate } from './hexagons.js';

const ALMATY = { lat: 43.238, lon: 76.945 };

/** `n` points at the centre of an H3 cell (all in that cell at its resolution and every coarser one). */
function pointsIn(cell: string, n: number): { lat: number; lon: number }[] {
  const [lat, lon] = cellToLatLng(cell);
  return Array.from({ length: n }, () => ({ lat, lon }));
}

/** The published cells never fall under k, and every incident is counted once: published + not shown = total. */
function expectSuppressed(result: HexAggregate, k: number, n: number) {
  for (const cell of result.cells) {
    expect(cell.count).toBeGreaterThanOrEqual(k);
    expect(isValidCell(cell.h3)).toBe(true);
    expect(getResolution(cell.h3)).toBe(cell.resolution);
  }
  expect(new Set(result.cells.map((c) => c.h3)).size).toBe(result.cells.length);
  expect(result.cells.reduce((sum, c) => sum + c.count, 0) + result.notShown).toBe(n);
  expect(result.total).toBe(n);
}

describe('aggregateHexagons', () => {
  const res8 = latLngToCell(ALMATY.lat, ALMATY.lon, 8);

  it('publishes a fine cell that reaches k at the finest resolution, with its exact count', () => {
    const result = aggregateHexagons(pointsIn(res8, 7), { k: 5 });
    expect(result).toEqual({ cells: [{ h3: res8, resolution: 8, count: 7 }], notShown: 0, total: 7 });
  });

  it('rolls a sparse cluster up to the parent where it reaches k (and not further)', () => {
    const parent = cellToParent(res8, 7);
    const children = cellToChildren(parent, 8).slice(0, 5);
    const points = children.flatMap((child) => pointsIn(child, 1));
    const result = aggregateHexagons(points, { k: 5 });
    expect(result.cells).toEqual([{ h3: parent, resolution: 7, count: 5 }]);
    expect(result.notShown).toBe(0);
    expectSuppressed(result, 5, 5);
  });

  it("gives a parent only its small children's incidents, never a total that could be differenced", () => {
    const parent = cellToParent(res8, 7);
    const [dense, ...rest] = cellToChildren(parent, 8);
    const sparse = rest.slice(0, 3);
    // dense: 9 (published at 8); three sparse children with 2 each: 6 ≥ 5 go to the parent.
    const points = [...pointsIn(dense!, 9), ...sparse.flatMap((c) => pointsIn(c, 2))];
    const result = aggregateHexagons(points, { k: 5 });
    expect(result.cells).toEqual([
      { h3: dense, resolution: 8, count: 9 },
      { h3: parent, resolution: 7, count: 6 },
    ]);
    expectSuppressed(result, 5, 15);
  });

  it('does not show what falls short of k even at the coarsest resolution, such as a single far incident', () => {
    const far = { lat: 42.9, lon: 74.6 }; // Bishkek, 200 km away
    const result = aggregateHexagons([...pointsIn(res8, 6), far], { k: 5 });
    expect(result.cells).toEqual([{ h3: res8, resolution: 8, count: 6 }]);
    expect(result.notShown).toBe(1);
    expectSuppressed(result, 5, 7);
  });

  it('shows nothing of a city with fewer than k incidents', () => {
    const result = aggregateHexagons(pointsIn(res8, 4), { k: 5 });
    expect(result).toEqual({ cells: [], notShown: 4, total: 4 });
    expect(aggregateHexagons([], { k: 5 })).toEqual({ cells: [], notShown: 0, total: 0 });
  });

  it('honours the resolutions asked for and refuses a coarsest finer than the finest', () => {
    const [lat, lon] = cellToLatLng(res8);
    const result = aggregateHexagons(pointsIn(res8, 5), { k: 5, finest: 9, coarsest: 9 });
    expect(result.cells).toEqual([{ h3: latLngToCell(lat, lon, 9), resolution: 9, count: 5 }]);
    expect(() => aggregateHexagons([], { k: 5, finest: 6, coarsest: 8 })).toThrow(RangeError);
  });

  it('never publishes a cell under k, and counts each incident once (random points over a city)', () => {
    const point = fc.record({ lat: fc.double({ min: ALMATY.lat - 0.15, max: ALMATY.lat + 0.15, noNaN: true }), lon: fc.double({ min: ALMATY.lon - 0.2, max: ALMATY.lon + 0.2, noNaN: true }) });
    // Clusters make the interesting cases (cells at k, parents collecting small children) likely.
    const cluster = fc.tuple(point, fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.0005, max: 0.02, noNaN: true }), fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 30, maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(point, { maxLength: 200 }), fc.array(cluster, { maxLength: 8 }), fc.integer({ min: 2, max: 12 }), (scattered, clusters, k) => {
        const points = [...scattered, ...clusters.flatMap(([centre, n, spread, offsets]) => offsets.slice(0, n).map(([dy, dx]) => ({ lat: centre.lat + dy * spread, lon: centre.lon + dx * spread })))];
        const result = aggregateHexagons(points, { k });
        expectSuppressed(result, k, points.length);
        for (const cell of result.cells) expect(cell.resolution === 6 || cell.resolution === 7 || cell.resolution === 8).toBe(true);
        // Each incident is counted in the first published cell up its chain of H3 ancestors (its
        // resolution-8 cell, that cell's parent, its grandparent) or, when there is none, not shown:
        // a published parent never includes incidents of a published child.
        const published = new Map(result.cells.map((c) => [c.h3, 0]));
        let hidden = 0;
        for (const p of points) {
          const fine = latLngToCell(p.lat, p.lon, 8);
          const home = [fine, cellToParent(fine, 7), cellToParent(fine, 6)].find((c) => published.has(c));
          if (home) published.set(home, published.get(home)! + 1);
          else hidden++;
        }
        for (const cell of result.cells) expect(cell.count).toBe(published.get(cell.h3));
        expect(result.notShown).toBe(hidden);
        // The same points in another order give the same answer.
        expect(aggregateHexagons([...points].reverse(), { k })).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });
});

describe('hexFeature', () => {
  it('draws a published cell as a closed GeoJSON polygon (lon, lat) with only h3, resolution and count', () => {
    const cell = latLngToCell(ALMATY.lat, ALMATY.lon, 8);
    const feature = hexFeature({ h3: cell, resolution: 8, count: 12 });
    expect(feature.properties).toEqual({ h3: cell, resolution: 8, count: 12 });
    const ring = feature.geometry.coordinates[0]!;
    // six corners and the first again to close the ring, no corner twice in a row
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(new Set(ring.map((p) => p.join())).size).toBe(6);
    for (const [lon, lat] of ring) {
      expect(Math.abs(lon! - ALMATY.lon)).toBeLessThan(0.02);
      expect(Math.abs(lat! - ALMATY.lat)).toBeLessThan(0.02);
    }
  });
});
