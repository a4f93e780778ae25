// A plan as files for the duty desk: CSV (one row per crew stop) and GeoJSON (the sectors with their
// crews, and the stops as points).
import type { PlanResult } from './plans.schema.js';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per crew stop, in crew and visit order; UTF-8 with a BOM so spreadsheet programs read Cyrillic. */
export function planCsv(result: PlanResult): string {
  const districtOf = new Map(result.sectors.map((s) => [s.id, s.districtId]));
  const header = ['sector', 'district', 'crew', 'kind', 'order', 'lat', 'lon', 'risk', 'minutes', 'cell'];
  const lines = [header.join(',')];
  for (const crew of result.crews) {
    for (const stop of crew.stops) {
      lines.push(
        [crew.sectorCode, districtOf.get(crew.sectorId) ?? '', crew.id, crew.kind, stop.order, round(stop.lat, 6), round(stop.lon, 6), Number(stop.risk.toPrecision(6)), stop.minutes, stop.cell]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sectors (polygons) with their crews per kind and the risk covered, then every stop as a point. */
export function planGeoJson(result: PlanResult, geometries: Map<string, string>) {
  const sectors = result.sectors.map((s) => ({
    type: 'Feature' as const,
    properties: {
      feature: 'sector',
      id: s.id,
      code: s.code,
      districtId: s.districtId,
      car: s.car,
      foot: s.foot,
      posts: s.posts,
      stops: s.stops,
      risk: s.risk,
      covered: s.covered,
      share: s.share,
      synthetic: result.synthetic,
    },
    geometry: JSON.parse(geometries.get(s.id) ?? 'null') as unknown,
  }));
  const stops = result.crews.flatMap((crew) =>
    crew.stops.map((stop) => ({
      type: 'Feature' as const,
      properties: { feature: 'stop', crew: crew.id, kind: crew.kind, sector: crew.sectorCode, routeCode: crew.routeCode, order: stop.order, cell: stop.cell, risk: stop.risk, minutes: stop.minutes },
      geometry: { type: 'Point' as const, coordinates: [round(stop.lon, 6), round(stop.lat, 6)] },
    })),
  );
  return {
    type: 'FeatureCollection' as const,
    properties: { shift: result.shift.code, date: result.date, forecastRunId: result.forecast.runId, synthetic: result.synthetic, coverage: result.coverage },
    features: [...sectors, ...stops],
  };
}
