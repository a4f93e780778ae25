import { describe, expect, it } from 'vitest';
import { nearestNeighbourWalk, sectorCrews, type RiskCell } from './plans.crews.js';

/** A cell on a 100 m grid at column x, row y with the given risk (lon/lat are the metres, for reading). */
const cell = (id: number, x: number, y: number, risk: number): RiskCell => ({ cell: id, x: x * 100, y: y * 100, lon: x, lat: y, risk });

describe('nearestNeighbourWalk', () => {
  it('starts at the first cell and always goes to the nearest one left', () => {
    const cells = [cell(1, 0, 0, 9), cell(2, 10, 0, 8), cell(3, 1, 0, 7), cell(4, 5, 0, 6)];
    expect(nearestNeighbourWalk(cells).map((c) => c.cell)).toEqual([1, 3, 4, 2]);
  });
  it('keeps short lists as they are', () => {
    expect(nearestNeighbourWalk([])).toEqual([]);
    expect(nearestNeighbourWalk([cell(1, 0, 0, 1), cell(2, 9, 9, 2)]).map((c) => c.cell)).toEqual([1, 2]);
  });
});

describe('sectorCrews', () => {
  const cells = Array.from({ length: 12 }, (_, i) => cell(100 + i, i, 0, 12 - i)); // hottest first along a line
  const base = { sectorId: 's-007', sectorCode: 'S-007', stopsPerCar: 4, stopsPerFoot: 2, stopsPerPost: 1, postMinutes: '720' };

  it('deals the hottest cells round-robin to crews with stops left, each crew then walking from its hottest', () => {
    const crews = sectorCrews({ ...base, car: 2, foot: 1, posts: [], cells });
    expect(crews.map((c) => c.id)).toEqual(['S-007/C1', 'S-007/C2', 'S-007/F1']);
    // rank 1 → C1, 2 → C2, 3 → F1, 4 → C1, 5 → C2, 6 → F1, 7 → C1 … (F1 is full after 2)
    const cellsOf = (id: string) => crews.find((c) => c.id === id)!.stops.map((s) => s.cell);
    expect(cellsOf('S-007/F1')).toEqual([102, 105]);
    expect(new Set(cellsOf('S-007/C1'))).toEqual(new Set([100, 103, 106, 108]));
    expect(new Set(cellsOf('S-007/C2'))).toEqual(new Set([101, 104, 107, 109]));
    for (const crew of crews) {
      expect(crew.stops[0]!.risk).toBe(Math.max(...crew.stops.map((s) => s.risk)));
      expect(crew.stops.map((s) => s.order)).toEqual(crew.stops.map((_, i) => i + 1));
      expect(crew.stops.every((s) => s.minutes === '10–15')).toBe(true);
      expect(crew.risk).toBeCloseTo(crew.stops.reduce((a, s) => a + s.risk, 0), 12);
    }
    // 4 + 4 + 2 stops: the 10 hottest cells, none twice
    const all = crews.flatMap((c) => c.stops.map((s) => s.cell ?? -1));
    expect(new Set(all).size).toBe(10);
    expect(Math.max(...all)).toBe(109);
  });

  it('keeps a post at its point watching its own cell, which mobile crews then skip', () => {
    const crews = sectorCrews({ ...base, car: 1, foot: 0, posts: [{ routeCode: 'S-007-S01', lon: 76.9, lat: 43.2, cell: 100 }], cells });
    const post = crews.find((c) => c.kind === 'post')!;
    expect(post).toMatchObject({ id: 'S-007/P1', routeCode: 'S-007-S01', risk: 12 });
    expect(post.stops).toEqual([{ order: 1, cell: 100, lon: 76.9, lat: 43.2, risk: 12, minutes: '720' }]);
    expect(crews.find((c) => c.id === 'S-007/C1')!.stops.map((s) => s.cell)).toEqual([101, 102, 103, 104]);
  });

  it('a post off the forecast’s cells stands with no risk; a sector with fewer cells than stops gives what it has', () => {
    const crews = sectorCrews({ ...base, car: 1, foot: 1, posts: [{ routeCode: 'S-007-S01', lon: 76.9, lat: 43.2, cell: null }], cells: cells.slice(0, 3) });
    expect(crews.find((c) => c.kind === 'post')!.stops[0]).toMatchObject({ cell: null, risk: 0 });
    expect(crews.find((c) => c.kind === 'car')!.stops.map((s) => s.cell)).toEqual([100, 102]);
    expect(crews.find((c) => c.kind === 'foot')!.stops.map((s) => s.cell)).toEqual([101]);
  });
});
