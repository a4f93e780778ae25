// The forecast grid: square cells of a fixed size in metres, in a projected coordinate system chosen
// for the data (the UTM zone of its centre), anchored at the lower-left of the located incidents. A cell
// is addressed by its column and row, or by one index `row * nx + column`.
import proj4 from 'proj4';

export interface GridSpec {
  /** proj4 definition of the metric CRS the grid is drawn in. */
  crs: string;
  /** Lower-left corner of cell (0, 0), in the CRS's metres. */
  originX: number;
  originY: number;
  /** Cell side in metres (default 150). */
  size: number;
  nx: number;
  ny: number;
}

/** The UTM zone (WGS 84) whose central meridian is nearest the point: distortion under 0.1 % within it. */
export function utmCrsFor(lon: number, lat: number): string {
  const zone = Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
  return `+proj=utm +zone=${zone}${lat < 0 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
}

/** A projector from WGS 84 longitude/latitude to the grid's metres and back. */
export function projector(crs: string): { forward(lon: number, lat: number): [number, number]; inverse(x: number, y: number): [number, number] } {
  const converter = proj4('EPSG:4326', crs);
  return {
    forward: (lon, lat) => converter.forward([lon, lat]) as [number, number],
    inverse: (x, y) => converter.inverse([x, y]) as [number, number],
  };
}

/** The smallest grid of `size`-metre cells that holds every point (x, y in metres). */
export function gridAround(crs: string, xs: Float64Array, ys: Float64Array, size: number): GridSpec {
  if (!(size > 0)) throw new RangeError(`cell size must be positive, got ${size}`);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (xs.length === 0) return { crs, originX: 0, originY: 0, size, nx: 0, ny: 0 };
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  // cell indices are Int32: a larger grid (a stray point far away, say) would wrap them into wrong cells
  if (!(nx * ny <= 2 ** 31 - 1)) throw new RangeError(`a grid of ${nx} × ${ny} cells of ${size} m is too large; is a point far off?`);
  return { crs, originX: minX, originY: minY, size, nx, ny };
}

/** The cell index of each point, or -1 for a point off the grid. */
export function cellIndices(grid: GridSpec, xs: Float64Array, ys: Float64Array): Int32Array {
  const out = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const cx = Math.floor((xs[i]! - grid.originX) / grid.size);
    const cy = Math.floor((ys[i]! - grid.originY) / grid.size);
    out[i] = cx >= 0 && cy >= 0 && cx < grid.nx && cy < grid.ny ? cy * grid.nx + cx : -1;
  }
  return out;
}

/** The cell's corners in WGS 84, counter-clockwise from the lower-left (for maps and GeoJSON). */
export function cellPolygon(grid: GridSpec, cell: number, inverse: (x: number, y: number) => [number, number]): [number, number][] {
  const cx = cell % grid.nx;
  const cy = Math.floor(cell / grid.nx);
  const x0 = grid.originX + cx * grid.size;
  const y0 = grid.originY + cy * grid.size;
  const ring: [number, number][] = [
    inverse(x0, y0),
    inverse(x0 + grid.size, y0),
    inverse(x0 + grid.size, y0 + grid.size),
    inverse(x0, y0 + grid.size),
  ];
  ring.push(ring[0]!);
  return ring;
}
