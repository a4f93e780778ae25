// The crime map's API as the server defines it (STYLE §2). Lines, datasets and the staff map's query
// come from the server's Zod schemas; the GeoJSON and CompStat answers have no response schema of
// their own (the routes send what the service returns), so their types are the service's return
// types — type-only imports, erased from the bundle.
import type { Feature, Point, Polygon } from 'geojson';
import type { z } from 'zod';
import type * as s from '../../../server/src/crime/crime.schema';
import type * as service from '../../../server/src/crime/crime.service';
import type { LocalizedText } from './types';

/** A line incidents are counted under (programmes of the report, п.3). */
export type CrimeLine = z.infer<typeof s.lineSchema>;
export type CrimeDataset = z.infer<typeof s.datasetSchema>;

// ---- public map ------------------------------------------------------------------------------

/** `GET /api/v1/crime/public/months`: months with incidents in public datasets, newest first, and k. */
export type PublicMonths = Awaited<ReturnType<typeof service.publicMonths>>;
export type PublicMonth = PublicMonths['months'][number];

/**
 * `GET /api/v1/crime/public/hexagons?month=&line=`: H3 hexagons, none under k; lines against the
 * person answer 400 (they are shown per district only).
 */
export type PublicHexagons = Awaited<ReturnType<typeof service.publicHexagons>>;
export type HexagonProperties = PublicHexagons['features'][number]['properties'];
export type HexagonFeature = Feature<Polygon, HexagonProperties>;

/** `GET /api/v1/crime/public/districts?month=&line=`: per district; `count` is null when under k. */
export type PublicDistricts = Awaited<ReturnType<typeof service.publicDistricts>>;
export type PublicDistrictCount = PublicDistricts['districts'][number];

/** The query both public map routes take. */
export type PublicMapQuery = z.input<typeof s.publicMapQuery>;

// ---- staff map -------------------------------------------------------------------------------

/** The staff map's filters as the web sends them (lists comma-separated, bbox "w,s,e,n"). */
export type IncidentQuery = z.input<typeof s.incidentQuery>;
export type IncidentPeriod = NonNullable<IncidentQuery['period']>;

type StaffIncidents = Awaited<ReturnType<typeof service.staffIncidents>>;
/** An exact incident (`count` 1) or, when zoomed out, a cluster (`id` null, its `count` and centre). */
export type IncidentProperties = StaffIncidents['features'][number]['properties'];
export type IncidentFeature = Feature<Point, IncidentProperties>;

/** `GET /api/v1/crime/incidents`: points or clusters in the view, with the total that matched. */
export interface IncidentCollection {
  type: 'FeatureCollection';
  total: number;
  /** Clusters rather than points (zoomed out, more than 2 000 incidents). */
  clustered: boolean;
  /** Only the latest 5 000 points are sent. */
  truncated: boolean;
  features: IncidentFeature[];
}

/** `GET /api/v1/crime/compstat`: incidents per district and line in two periods. */
export type CompstatQuery = z.input<typeof s.compstatQuery>;
export type CompstatRow = Awaited<ReturnType<typeof service.compstat>>[number];

// ---- outlines --------------------------------------------------------------------------------

/** The properties of one feature of `/api/v1/patrol/sectors.geojson` (п.6: 102 sectors). */
export interface SectorProperties {
  id: string;
  code: string;
  districtId: string;
  name: LocalizedText;
  routes: { car: number; foot: number; stationary: number };
  synthetic: boolean;
}

/** What the crime map reads of `/api/v1/precincts.geojson` and `/api/v1/districts.geojson`. */
export interface OutlineProperties {
  id: string;
  code: string;
  name: LocalizedText;
}
