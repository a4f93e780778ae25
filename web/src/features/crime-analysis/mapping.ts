// The column mapping of an incidents file as the analyst edits it (plain strings, one per control), a
// first guess of it from the file's column names and first rows, and the mapping the server reads.
import type { ImportMapping, IncidentUpload } from '../../api/crime-analysis.contract';

/** Coordinate systems offered by name (the server knows these codes); anything else is a proj4 string. */
export const NAMED_CRS = ['EPSG:4326', 'EPSG:26910', 'EPSG:32643', 'EPSG:32642', 'EPSG:3857'] as const;
export type NamedCrs = (typeof NAMED_CRS)[number];
export const CUSTOM_CRS = 'custom';

/** A time read from one column, from a date column, or from year, month and day columns. */
export type TimeKind = 'timestamp' | 'date' | 'ymd';
export type PlaceKind = 'lonlat' | 'xy' | 'geometry';

export interface MappingDraft {
  timeKind: TimeKind;
  timestamp: string;
  date: string;
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  midnightUnknown: boolean;
  category: string;
  placeKind: PlaceKind;
  lon: string;
  lat: string;
  x: string;
  y: string;
  /** One of NAMED_CRS, or CUSTOM_CRS with `customCrs`. */
  crs: string;
  customCrs: string;
  externalId: string;
  district: string;
  clearedColumn: string;
  /** The values of the cleared column that mean "cleared", separated by commas. */
  clearedValues: string;
}

const blank: MappingDraft = {
  timeKind: 'timestamp',
  timestamp: '',
  date: '',
  year: '',
  month: '',
  day: '',
  hour: '',
  minute: '',
  midnightUnknown: false,
  category: '',
  placeKind: 'lonlat',
  lon: '',
  lat: '',
  x: '',
  y: '',
  crs: 'EPSG:4326',
  customCrs: '',
  externalId: '',
  district: '',
  clearedColumn: '',
  clearedValues: '',
};

/** A column name reduced to its letters and digits, lower case ("Occurred_At" → "occurredat"). */
const squash = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The first column whose squashed name is one of `names` (in the order of `names`). */
function pick(header: readonly string[], names: readonly string[]): string {
  const squashed = header.map(squash);
  for (const name of names) {
    const at = squashed.indexOf(name);
    if (at >= 0) return header[at]!;
  }
  return '';
}

const TIMESTAMP = ['datetime', 'occurredat', 'occurred', 'timestamp', 'reporteddate', 'incidentdatetime', 'occurreddatetime', 'датавремя', 'датаивремя', 'уақыты', 'күнуақыты'];
const DATE = ['date', 'occurreddate', 'incidentdate', 'reportdate', 'дата', 'датасовершения', 'күні'];
const YEAR = ['year', 'yr', 'год', 'жыл'];
const MONTH = ['month', 'mon', 'месяц', 'ай'];
const DAY = ['day', 'dd', 'день', 'число'];
const HOUR = ['hour', 'hr', 'час', 'сағат'];
const MINUTE = ['minute', 'min', 'минута', 'минут', 'минуты'];
const CATEGORY = ['category', 'type', 'crimetype', 'offense', 'offence', 'offensetype', 'offencetype', 'crime', 'категория', 'вид', 'видпреступления', 'тип', 'санат', 'түрі'];
const LON = ['lon', 'lng', 'long', 'longitude', 'долгота', 'бойлық'];
const LAT = ['lat', 'latitude', 'широта', 'ендік'];
const X = ['x', 'xcoord', 'xcoordinate', 'easting'];
const Y = ['y', 'ycoord', 'ycoordinate', 'northing'];
const DISTRICT = ['neighbourhood', 'neighborhood', 'district', 'area', 'район', 'аудан'];
const EXTERNAL_ID = ['id', 'incidentid', 'caseid', 'eventid', 'incidentnumber', 'casenumber', 'номер', 'нөмірі'];

/**
 * The coordinate system X/Y most likely use, from the first located row: degrees, metres in UTM
 * (Vancouver's 10N or Almaty's 43N by how far north they are), or web Mercator.
 */
function guessCrs(upload: IncidentUpload, x: string, y: string): NamedCrs {
  const xi = upload.header.indexOf(x);
  const yi = upload.header.indexOf(y);
  for (const row of upload.sample) {
    const xv = Number((row[xi] ?? '').replace(',', '.'));
    const yv = Number((row[yi] ?? '').replace(',', '.'));
    if (!Number.isFinite(xv) || !Number.isFinite(yv) || (xv === 0 && yv === 0) || row[xi]?.trim() === '' || row[yi]?.trim() === '') continue;
    if (Math.abs(xv) <= 180 && Math.abs(yv) <= 90) return 'EPSG:4326';
    if (Math.abs(xv) > 1_000_000) return 'EPSG:3857';
    if (xv > 100_000 && xv < 900_000) {
      if (yv > 5_200_000 && yv < 5_700_000) return 'EPSG:26910';
      if (yv > 4_500_000 && yv < 5_000_000) return 'EPSG:32643';
    }
    break;
  }
  return 'EPSG:32643';
}

/** A first mapping from the file's column names (YEAR…MINUTE, X/Y, TYPE, lat/lon, date, category…). */
export function guessMapping(upload: IncidentUpload): MappingDraft {
  const { header } = upload;
  const draft: MappingDraft = { ...blank };
  if (upload.format === 'geojson') draft.placeKind = 'geometry';

  const timestamp = pick(header, TIMESTAMP);
  const date = pick(header, DATE);
  const [year, month, day] = [pick(header, YEAR), pick(header, MONTH), pick(header, DAY)];
  if (timestamp) {
    draft.timeKind = 'timestamp';
    draft.timestamp = timestamp;
  } else if (year && month && day) {
    Object.assign(draft, { timeKind: 'ymd', year, month, day });
  } else if (date) {
    Object.assign(draft, { timeKind: 'date', date });
  }
  if (draft.timeKind !== 'timestamp') {
    draft.hour = pick(header, HOUR);
    draft.minute = pick(header, MINUTE);
  }
  // Registers stamp an unknown time as 00:00; a file that records the time of day most likely does too.
  draft.midnightUnknown = draft.timeKind === 'timestamp' ? Boolean(draft.timestamp) : Boolean(draft.hour);

  draft.category = pick(header, CATEGORY);
  draft.district = pick(header, DISTRICT);
  draft.externalId = pick(header, EXTERNAL_ID);

  if (upload.format === 'csv') {
    const [lon, lat, x, y] = [pick(header, LON), pick(header, LAT), pick(header, X), pick(header, Y)];
    if (lon && lat) Object.assign(draft, { placeKind: 'lonlat', lon, lat });
    else if (x && y) Object.assign(draft, { placeKind: 'xy', x, y, crs: guessCrs(upload, x, y) });
  }
  return draft;
}

/** The editable form of a saved mapping. */
export function draftOf(mapping: ImportMapping): MappingDraft {
  const draft: MappingDraft = { ...blank, midnightUnknown: mapping.midnightUnknown ?? false, category: mapping.category };
  if (mapping.time.kind === 'timestamp') Object.assign(draft, { timeKind: 'timestamp', timestamp: mapping.time.column });
  else {
    const { date = '', year = '', month = '', day = '', hour = '', minute = '' } = mapping.time;
    Object.assign(draft, { timeKind: date ? 'date' : 'ymd', date, year, month, day, hour, minute });
  }
  if (mapping.place.kind === 'lonlat') Object.assign(draft, { placeKind: 'lonlat', lon: mapping.place.lon, lat: mapping.place.lat });
  else if (mapping.place.kind === 'xy') {
    const named = (NAMED_CRS as readonly string[]).includes(mapping.place.crs.toUpperCase());
    Object.assign(draft, {
      placeKind: 'xy',
      x: mapping.place.x,
      y: mapping.place.y,
      crs: named ? mapping.place.crs.toUpperCase() : CUSTOM_CRS,
      customCrs: named ? '' : mapping.place.crs,
    });
  } else draft.placeKind = 'geometry';
  draft.externalId = mapping.externalId ?? '';
  draft.district = mapping.district ?? '';
  if (mapping.cleared) Object.assign(draft, { clearedColumn: mapping.cleared.column, clearedValues: mapping.cleared.values.join(', ') });
  return draft;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
type Delimiter = (typeof DELIMITERS)[number];
const isDelimiter = (value: string | null): value is Delimiter => (DELIMITERS as readonly string[]).includes(value ?? '');

/** Messages the form shows under a field it finds missing; keys are the server's field names. */
export type MissingMessage = 'column' | 'crs' | 'clearedValues';

/**
 * The mapping to send, or the fields still missing (keyed by the field names the server uses, so its
 * own answers land under the same controls).
 */
export function mappingOf(draft: MappingDraft, upload: IncidentUpload): { mapping: ImportMapping | null; missing: Partial<Record<string, MissingMessage>> } {
  const missing: Partial<Record<string, MissingMessage>> = {};
  const need = (field: string, value: string, message: MissingMessage = 'column') => {
    if (!value.trim()) missing[field] = message;
    return value.trim();
  };
  const optional = (value: string) => value.trim() || undefined;

  let time: ImportMapping['time'];
  if (draft.timeKind === 'timestamp') time = { kind: 'timestamp', column: need('mapping.time.column', draft.timestamp) };
  else {
    const parts =
      draft.timeKind === 'date'
        ? { date: need('mapping.time.date', draft.date) }
        : { year: need('mapping.time.year', draft.year), month: need('mapping.time.month', draft.month), day: need('mapping.time.day', draft.day) };
    time = { kind: 'parts', ...parts, ...(optional(draft.hour) ? { hour: optional(draft.hour) } : {}), ...(optional(draft.minute) ? { minute: optional(draft.minute) } : {}) };
  }

  let place: ImportMapping['place'];
  if (draft.placeKind === 'geometry') place = { kind: 'geometry' };
  else if (draft.placeKind === 'lonlat') place = { kind: 'lonlat', lon: need('mapping.place.lon', draft.lon), lat: need('mapping.place.lat', draft.lat) };
  else {
    const crs = draft.crs === CUSTOM_CRS ? need('mapping.place.crs', draft.customCrs, 'crs') : draft.crs;
    place = { kind: 'xy', x: need('mapping.place.x', draft.x), y: need('mapping.place.y', draft.y), crs };
  }

  const category = need('mapping.category', draft.category);
  let cleared: ImportMapping['cleared'];
  if (draft.clearedColumn.trim()) {
    const values = draft.clearedValues
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length === 0) missing['mapping.cleared.values'] = 'clearedValues';
    cleared = { column: draft.clearedColumn.trim(), values };
  }

  if (Object.keys(missing).length > 0) return { mapping: null, missing };
  const mapping: ImportMapping = {
    format: upload.format,
    ...(upload.format === 'csv' && isDelimiter(upload.delimiter) ? { delimiter: upload.delimiter } : {}),
    time,
    midnightUnknown: draft.midnightUnknown,
    category,
    place,
    ...(optional(draft.externalId) ? { externalId: optional(draft.externalId) } : {}),
    ...(optional(draft.district) ? { district: optional(draft.district) } : {}),
    ...(cleared ? { cleared } : {}),
  };
  return { mapping, missing };
}

/** Every field of the mapping form, as the server names them (for `useFormErrors`). */
export const MAPPING_FIELDS = [
  'datasetId',
  'saveMappingAs',
  'mapping.format',
  'mapping.time',
  'mapping.category',
  'mapping.place',
  'mapping.externalId',
  'mapping.district',
  'mapping.cleared',
] as const;
