import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { cellIndices, cellPolygon, gridAround, projector, utmCrsFor, type GridSpec } from './grid.js';

/**
 * UTM by the Krüger series (Karney 2011, to n³; Wikipedia "Universal Transverse Mercator coordinate system"),
 * written out here so proj4 is checked against an independent derivation, not against itself. WGS 84.
 */
function kruegerUtm(lon: number, lat: number, zone: number, south: boolean): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const k0 = 0.9996;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const alpha = [n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16, (13 * n ** 2) / 48 - (3 * n ** 3) / 5, (61 * n ** 3) / 240];
  const phi = (lat * Math.PI) / 180;
  const dLambda = ((lon - (zone * 6 - 183)) * Math.PI) / 180;
  const c = (2 * Math.sqrt(n)) / (1 + n);
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - c * Math.atanh(c * Math.sin(phi)));
  const xi = Math.atan(t / Math.cos(dLambda));
  const eta = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
  let e = eta;
  let nn = xi;
  alpha.forEach((al, i) => {
    const j = 2 * (i + 1);
    e += al * Math.cos(j * xi) * Math.sinh(j * eta);
    nn += al * Math.sin(j * xi) * Math.cosh(j * eta);
  });
  return [500000 + k0 * A * e, (south ? 10_000_000 : 0) + k0 * A * nn];
}

/** Metres per degree is ~1e5, so 1e-6° is ~0.1 m: a round trip must come back well within that. */
const DEGREE_TOLERANCE = 1e-6;

describe('utmCrsFor', () => {
  it('picks the zone whose 6° band holds the longitude', () => {
    // zone = floor((lon + 180) / 6) + 1
    expect(utmCrsFor(76.9, 43.25)).toBe('+proj=utm +zone=43 +datum=WGS84 +units=m +no_defs'); // Almaty: floor(256.9 / 6) + 1 = 42 + 1
    expect(utmCrsFor(-123.1, 49.25)).toBe('+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs'); // Vancouver: floor(56.9 / 6) + 1 = 9 + 1
    expect(utmCrsFor(75, 0)).toContain('+zone=43 '); // central meridian of zone 43: 43·6 − 183 = 75
    expect(utmCrsFor(78, 10)).toContain('+zone=44 '); // a band's east edge belongs to the next zone: floor(258 / 6) + 1 = 44
  });

  it('adds +south below the equator only', () => {
    expect(utmCrsFor(18.4, -33.9)).toBe('+proj=utm +zone=34 +south +datum=WGS84 +units=m +no_defs'); // Cape Town: floor(198.4 / 6) + 1 = 34
    expect(utmCrsFor(18.4, 0)).not.toContain('+south');
    expect(utmCrsFor(-70.6, -0.0001)).toContain('+zone=19 +south'); // floor(109.4 / 6) + 1 = 19
  });

  it('clamps the antimeridian to zones 1 and 60', () => {
    expect(utmCrsFor(-180, 0)).toContain('+zone=1 '); // floor(0 / 6) + 1
    expect(utmCrsFor(180, 0)).toContain('+zone=60 '); // floor(360 / 6) + 1 = 61 → 60
    expect(utmCrsFor(179.99, 0)).toContain('+zone=60 ');
  });
});

describe('projector', () => {
  it('puts the equator on the central meridian at the false origin', () => {
    // lon 75 is zone 43's central meridian: x = false easting 500 000, y = 0 on the equator
    const [x, y] = projector(utmCrsFor(75, 0)).forward(75, 0);
    expect(x).toBeCloseTo(500000, 6);
    expect(y).toBeCloseTo(0, 6);
    // the same point in the southern zone has the false northing 10 000 000
    const [xs, ys] = projector('+proj=utm +zone=43 +south +datum=WGS84 +units=m +no_defs').forward(75, 0);
    expect(xs).toBeCloseTo(500000, 6);
    expect(ys).toBeCloseTo(10_000_000, 6);
  });

  it("matches Snyder's published Transverse Mercator example (Map Projections: A Working Manual, 1987, p. 269)", () => {
    // Clarke 1866, φ = 40°30′N, λ = 73°30′W, λ0 = 75°W, k0 = 0.9996: x = 127 106.5 m, y = 4 484 124.4 m;
    // UTM adds the false easting: 127 106.5 + 500 000 = 627 106.5
    const [x, y] = projector('+proj=utm +zone=18 +ellps=clrk66 +units=m +no_defs').forward(-73.5, 40.5);
    expect(Math.abs(x - 627106.5)).toBeLessThan(0.1);
    expect(Math.abs(y - 4484124.4)).toBeLessThan(0.1);
  });

  it('agrees with the Krüger series within a metre for Vancouver, Almaty and Cape Town', () => {
    const places: [number, number, number, boolean][] = [
      [-123.1, 49.25, 10, false], // Vancouver (EPSG:32610): ≈ (492 722, 5 455 253)
      [-123, 49, 10, false], // on zone 10's central meridian: x = 500 000 exactly
      [76.9, 43.25, 43, false], // Almaty (EPSG:32643): ≈ (654 238, 4 790 330)
      [18.4, -33.9, 34, true], // Cape Town (EPSG:32734): ≈ (259 583, 6 245 888)
    ];
    for (const [lon, lat, zone, south] of places) {
      const crs = utmCrsFor(lon, lat);
      const [x, y] = projector(crs).forward(lon, lat);
      const [ex, ey] = kruegerUtm(lon, lat, zone, south);
      expect(Math.abs(x - ex), crs).toBeLessThan(1);
      expect(Math.abs(y - ey), crs).toBeLessThan(1);
    }
    const [x, y] = projector(utmCrsFor(-123.1, 49.25)).forward(-123.1, 49.25);
    expect(Math.abs(x - 492722.4)).toBeLessThan(1); // the values the series gives, pinned
    expect(Math.abs(y - 5455252.5)).toBeLessThan(1);
    expect(projector(utmCrsFor(-123, 49)).forward(-123, 49)[0]).toBeCloseTo(500000, 6);
  });

  it('comes back to the same longitude and latitude within 1e-6°', () => {
    const within = fc.record({ dLon: fc.double({ min: -3, max: 3, noNaN: true }), lat: fc.double({ min: -80, max: 84, noNaN: true }), zone: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(within, ({ dLon, lat, zone }) => {
        const lon = zone * 6 - 183 + dLon * 0.999; // stays inside the zone's band
        const p = projector(utmCrsFor(lon, lat));
        const [x, y] = p.forward(lon, lat);
        const [lon2, lat2] = p.inverse(x, y);
        expect(Math.abs(lon2 - lon)).toBeLessThan(DEGREE_TOLERANCE);
        expect(Math.abs(lat2 - lat)).toBeLessThan(DEGREE_TOLERANCE);
      }),
      { numRuns: 200 },
    );
  });
});

describe('gridAround and cellIndices', () => {
  // three points: x from 100 to 400, y from 1000 to 1300, 150 m cells
  // nx = floor((400 − 100) / 150) + 1 = 3, ny = floor((1300 − 1000) / 150) + 1 = 3; the grid spans [100, 550) × [1000, 1450)
  const xs = Float64Array.from([100, 400, 250]);
  const ys = Float64Array.from([1000, 1000, 1300]);
  const grid = gridAround('test', xs, ys, 150);

  it('anchors the grid at the lower-left point and covers the upper-right one', () => {
    expect(grid).toEqual({ crs: 'test', originX: 100, originY: 1000, size: 150, nx: 3, ny: 3 });
    // (100, 1000) → (0, 0) = 0; (400, 1000) → column (400 − 100) / 150 = 2 → 2; (250, 1300) → column 1, row 2 → 2·3 + 1 = 7
    expect(Array.from(cellIndices(grid, xs, ys))).toEqual([0, 2, 7]);
  });

  it('puts a point on a cell edge in the higher cell, and a point off the grid at -1', () => {
    const px = [250, 249.999, 250, 549.999, 99.999, 550, 100, 100];
    const py = [1000, 1000, 1150, 1449.999, 1000, 1000, 1450, 999.999];
    expect(Array.from(cellIndices(grid, Float64Array.from(px), Float64Array.from(py)))).toEqual([
      1, // x = 250 is the edge between columns 0 and 1: floor(150 / 150) = 1
      0, // just left of it: floor(149.999 / 150) = 0
      4, // on both edges: column 1, row floor(150 / 150) = 1 → 1·3 + 1
      8, // the last cell's far corner, just inside: column 2, row 2 → 2·3 + 2
      -1, // left of the origin: column floor(−0.001 / 150) = −1
      -1, // x = 550: column floor(450 / 150) = 3 = nx
      -1, // y = 1450: row 3 = ny
      -1, // below the origin
    ]);
  });

  it('holds every point it was built from, each inside its own cell', () => {
    const point = fc.tuple(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), fc.double({ min: 100, max: 5000, noNaN: true }), (points, size) => {
        const px = Float64Array.from(points, (p) => p[0]);
        const py = Float64Array.from(points, (p) => p[1]);
        const g = gridAround('test', px, py, size);
        const cells = cellIndices(g, px, py);
        cells.forEach((cell, i) => {
          expect(cell).toBeGreaterThanOrEqual(0);
          expect(cell).toBeLessThan(g.nx * g.ny);
          const [lowerLeft, , upperRight] = cellPolygon(g, cell, (x, y) => [x, y]);
          expect(px[i]!).toBeGreaterThanOrEqual(lowerLeft![0] - 1e-6);
          expect(px[i]!).toBeLessThan(upperRight![0] + 1e-6);
          expect(py[i]!).toBeGreaterThanOrEqual(lowerLeft![1] - 1e-6);
          expect(py[i]!).toBeLessThan(upperRight![1] + 1e-6);
        });
      }),
    );
  });

  it('gives an empty grid for no points, where every point is off the grid', () => {
    const empty = gridAround('test', new Float64Array(0), new Float64Array(0), 150);
    expect(empty).toEqual({ crs: 'test', originX: 0, originY: 0, size: 150, nx: 0, ny: 0 });
    expect(Array.from(cellIndices(empty, Float64Array.from([0]), Float64Array.from([0])))).toEqual([-1]);
  });

  it('refuses a cell size that is not positive', () => {
    for (const size of [0, -150, Number.NaN]) expect(() => gridAround('test', xs, ys, size)).toThrow(RangeError);
  });

  it('refuses a grid whose cell indices would not fit in 32 bits', () => {
    const far = Float64Array.from([0, 1e7]);
    // 1e7 m at 150 m: floor(1e7 / 150) + 1 = 66 667 cells a side, 66 667² ≈ 4.4e9 > 2³¹ − 1
    expect(() => gridAround('test', far, far, 150)).toThrow(/too large/);
    // at 1 km: 10 001² ≈ 1.0e8 cells, fine
    expect(gridAround('test', far, far, 1000).nx).toBe(10001);
  });
});

describe('cellPolygon', () => {
  const grid: GridSpec = { crs: 'test', originX: 100, originY: 1000, size: 150, nx: 3, ny: 2 };

  it('walks the corners counter-clockwise from the lower-left and closes the ring', () => {
    // cell 5 = row 1, column 2: x0 = 100 + 2·150 = 400, y0 = 1000 + 1·150 = 1150
    const ring = cellPolygon(grid, 5, (x, y) => [x, y]);
    expect(ring).toEqual([
      [400, 1150],
      [550, 1150],
      [550, 1300],
      [400, 1300],
      [400, 1150],
    ]);
    // shoelace: twice the signed area is positive for a counter-clockwise ring, = 2·150² here
    let twiceArea = 0;
    for (let i = 0; i < ring.length - 1; i++) twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    expect(twiceArea).toBe(2 * 150 * 150);
  });

  it('gives longitude/latitude corners that project back onto the cell', () => {
    const crs = utmCrsFor(76.9, 43.25);
    const p = projector(crs);
    const [x, y] = p.forward(76.9, 43.25);
    const g: GridSpec = { crs, originX: x, originY: y, size: 150, nx: 4, ny: 4 };
    const ring = cellPolygon(g, 6, p.inverse); // row 1, column 2
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    const corners = [
      [x + 300, y + 150],
      [x + 450, y + 150],
      [x + 450, y + 300],
      [x + 300, y + 300],
    ];
    corners.forEach(([cx, cy], i) => {
      const [bx, by] = p.forward(...ring[i]!);
      expect(Math.abs(bx - cx!)).toBeLessThan(1e-3);
      expect(Math.abs(by - cy!)).toBeLessThan(1e-3);
    });
    // the lower-left corner is the grid origin moved 300 m east, 150 m north: about 0.0037° and 0.00135° at 43°N
    expect(ring[0]![0]).toBeGreaterThan(76.9);
    expect(ring[0]![1]).toBeGreaterThan(43.25);
  });
});
