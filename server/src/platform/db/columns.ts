import { customType } from 'drizzle-orm/pg-core';

/** A PostGIS geometry column stored in WGS 84; read and written as GeoJSON text through SQL functions. */
export const multiPolygon = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(MultiPolygon,4326)';
  },
});

export const point = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(Point,4326)';
  },
});

/** Multilingual text: Russian is the default and always present. */
export interface LocalizedText {
  ru: string;
  kk: string;
  en: string;
}

/** Any geometry in WGS 84 (e.g. a patrol route: a line for car and foot routes, a point for a post). */
export const geometry = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(Geometry,4326)';
  },
});
