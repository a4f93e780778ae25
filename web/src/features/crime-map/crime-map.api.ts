import type { FeatureCollection, Geometry } from 'geojson';
import { createCache } from '../../api/cache';
import { api } from '../../api/client';
import type {
  CompstatRow,
  CrimeDataset,
  CrimeLine,
  IncidentCollection,
  IncidentPeriod,
  OutlineProperties,
  PublicDistricts,
  PublicHexagons,
  PublicMonths,
  SectorProperties,
} from '../../api/crime-map.contract';

export type SectorCollection = FeatureCollection<Geometry, SectorProperties>;
export type OutlineCollection = FeatureCollection<Geometry, OutlineProperties>;

/** The staff map's filters as the page keeps them; empty lists mean "any". */
export interface IncidentFilters {
  dataset: string;
  from: string;
  to: string;
  lines: readonly string[];
  hours: readonly number[];
  weekdays: readonly number[];
  period: IncidentPeriod;
}

/** The part of the map in view: west, south, east, north (degrees) and the zoom level. */
export interface Viewport {
  bbox: readonly [number, number, number, number];
  zoom: number;
}

// Lines, outlines and the month list change rarely: loaded once per visit, a failed load forgotten.
const { cached } = createCache();

const list = (values: readonly (string | number)[]) => (values.length ? values.join(',') : undefined);
/** Four decimals (about 10 m): a view nudged by a pixel asks the same question again. */
const bboxParam = (bbox: Viewport['bbox']) => bbox.map((v) => v.toFixed(4)).join(',');

export const crimeMapApi = {
  lines: () => cached('lines', () => api.get<CrimeLine[]>('/api/v1/crime/lines')),
  districtOutlines: () => cached('districts.geojson', () => api.get<OutlineCollection>('/api/v1/districts.geojson')),

  // ---- public ----
  months: () => cached('months', () => api.get<PublicMonths>('/api/v1/crime/public/months')),
  hexagons: (month: string, line: string | undefined, signal?: AbortSignal) =>
    api.get<PublicHexagons>('/api/v1/crime/public/hexagons', { query: { month, line }, signal }),
  districts: (month: string, line: string | undefined, signal?: AbortSignal) =>
    api.get<PublicDistricts>('/api/v1/crime/public/districts', { query: { month, line }, signal }),

  // ---- staff ----
  datasets: (signal?: AbortSignal) => api.get<CrimeDataset[]>('/api/v1/crime/datasets', { signal }),
  incidents: (filters: IncidentFilters, view: Viewport, signal?: AbortSignal) =>
    api.get<IncidentCollection>('/api/v1/crime/incidents', {
      query: {
        dataset: filters.dataset,
        from: filters.from || undefined,
        to: filters.to || undefined,
        lines: list(filters.lines),
        hours: list(filters.hours),
        weekdays: list(filters.weekdays),
        period: filters.period,
        bbox: bboxParam(view.bbox),
        zoom: view.zoom,
      },
      signal,
    }),
  compstat: (query: { dataset: string; lines: readonly string[]; from1: string; to1: string; from2: string; to2: string }, signal?: AbortSignal) =>
    api.get<CompstatRow[]>('/api/v1/crime/compstat', { query: { ...query, lines: list(query.lines) }, signal }),
  sectorOutlines: () => cached('sectors.geojson', () => api.get<SectorCollection>('/api/v1/patrol/sectors.geojson')),
  precinctOutlines: () => cached('precincts.geojson', () => api.get<OutlineCollection>('/api/v1/precincts.geojson')),
};

export const crimeMapPaths = {
  public: '/crime',
  staff: '/staff/crime/map',
} as const;
