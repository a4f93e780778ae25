import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';

import { AppError } from '../platform/errors.js';
import { checkMapping, mappedColumns, rowReader } from './crime.import.js';
import type { ImportMapping } from './crime.tables.js';

type Row = Record<string, string>;

/** Reads one row (a record of column → text) with a mapping, as the import does. */
function readRow(mapping: ImportMapping, row: Row, timeZone = 'Asia/Almaty', geometry?: unknown) {
  return rowReader(mapping, Object.keys(row), timeZone)((name) => row[name], geometry);
}

function accepted(result: ReturnType<typeof readRow>) {
  if ('reason' in result) throw new Error(`rejected: ${result.reason} (${result.detail})`);
  return result;
}

function rejection(result: ReturnType<typeof readRow>) {
  if (!('reason' in result)) throw new Error(`accepted: ${JSON.stringify(result)}`);
  return result.reason;
}

/** The Vancouver GeoDASH layout: date and time in parts, UTM metres, 00:00 meaning "time unknown". */
const vancouver: ImportMapping = {
  format: 'csv',
  time: { kind: 'parts', year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HOUR', minute: 'MINUTE' },
  midnightUnknown: true,
  category: 'TYPE',
  place: { kind: 'xy', x: 'X', y: 'Y', crs: 'EPSG:26910' },
  district: 'NEIGHBOURHOOD',
};
const vancouverRow: Row = { TYPE: 'Break and Enter Commercial', YEAR: '2020', MONTH: '6', DAY: '19', HOUR: '3', MINUTE: '40', HUNDRED_BLOCK: '10XX ALBERNI ST', NEIGHBOURHOOD: 'West End', X: '491059.4824', Y: '5459122.4178' };

/** A register export: one timestamp column and longitude/latitude in degrees. */
const register: ImportMapping = { format: 'csv', time: { kind: 'timestamp', column: 'at' }, category: 'type', place: { kind: 'lonlat', lon: 'lon', lat: 'lat' }, externalId: 'id' };
const registerRow: Row = { id: 'KUI-1', at: '2025-06-01 12:30', type: 'Кража', lon: '76.9286', lat: '43.2567' };

describe('rowReader: places', () => {
  it('reads longitude and latitude in degrees (a decimal comma too)', () => {
    expect(accepted(readRow(register, registerRow))).toMatchObject({ lon: 76.9286, lat: 43.2567 });
    expect(accepted(readRow(register, { ...registerRow, lon: '76,9286', lat: ' 43,2567 ' }))).toMatchObject({ lon: 76.9286, lat: 43.2567 });
  });

  it('converts Vancouver X/Y in NAD83 / UTM 10N (EPSG:26910) to degrees, as proj4 does on its own', () => {
    const row = accepted(readRow(vancouver, vancouverRow, 'America/Vancouver'));
    // The same projection written out independently (GRS80 ellipsoid, zero datum shift to WGS 84).
    const [lon, lat] = proj4('+proj=utm +zone=10 +ellps=GRS80 +towgs84=0,0,0 +units=m +no_defs', '+proj=longlat +ellps=WGS84 +no_defs', [491059.4824, 5459122.4178]);
    expect(row.lon).toBeCloseTo(lon, 9);
    expect(row.lat).toBeCloseTo(lat, 9);
    // 10XX Alberni St, downtown Vancouver (the file's first row): about -123.124, 49.284
    expect(Math.abs(row.lon - -123.124)).toBeLessThan(0.005);
    expect(Math.abs(row.lat - 49.284)).toBeLessThan(0.005);
  });

  it('accepts a full proj4 definition as the CRS', () => {
    const mapping: ImportMapping = { ...vancouver, place: { kind: 'xy', x: 'X', y: 'Y', crs: '+proj=utm +zone=10 +datum=NAD83 +units=m +no_defs' } };
    const row = accepted(readRow(mapping, vancouverRow, 'America/Vancouver'));
    expect(row.lon).toBeCloseTo(accepted(readRow(vancouver, vancouverRow, 'America/Vancouver')).lon, 9);
  });

  it('rejects 0/0 and empty coordinates as no_place, never putting an incident at 0, 0', () => {
    expect(rejection(readRow(vancouver, { ...vancouverRow, X: '0.0', Y: '0.0' }))).toBe('no_place');
    expect(rejection(readRow(vancouver, { ...vancouverRow, X: '', Y: '' }))).toBe('no_place');
    expect(rejection(readRow(vancouver, { ...vancouverRow, Y: ' ' }))).toBe('no_place');
    expect(rejection(readRow(register, { ...registerRow, lon: '0', lat: '0' }))).toBe('no_place');
    expect(rejection(readRow(register, { ...registerRow, lat: '' }))).toBe('no_place');
  });

  it('rejects coordinates that are not numbers or not on Earth as bad_place', () => {
    expect(rejection(readRow(vancouver, { ...vancouverRow, X: 'n/a' }))).toBe('bad_place');
    expect(rejection(readRow(register, { ...registerRow, lon: 'abc' }))).toBe('bad_place');
    expect(rejection(readRow(register, { ...registerRow, lon: '200', lat: '43' }))).toBe('bad_place');
    expect(rejection(readRow(register, { ...registerRow, lon: '76.9', lat: '-91' }))).toBe('bad_place');
  });

  it('reads a GeoJSON point, and rejects a missing geometry (no_place) or one that is not a point (bad_place)', () => {
    const geo: ImportMapping = { format: 'geojson', time: { kind: 'timestamp', column: 'at' }, category: 'type', place: { kind: 'geometry' } };
    const props: Row = { at: '2025-06-01 12:30', type: 'Кража' };
    expect(accepted(readRow(geo, props, 'Asia/Almaty', { type: 'Point', coordinates: [76.95, 43.24] }))).toMatchObject({ lon: 76.95, lat: 43.24 });
    expect(rejection(readRow(geo, props, 'Asia/Almaty', null))).toBe('no_place');
    expect(rejection(readRow(geo, props, 'Asia/Almaty', { type: 'Polygon', coordinates: [[[76.9, 43.2], [77, 43.2], [77, 43.3], [76.9, 43.2]]] }))).toBe('bad_place');
    expect(rejection(readRow(geo, props, 'Asia/Almaty', { type: 'Point', coordinates: [0, 0] }))).toBe('no_place');
  });
});

describe('rowReader: times', () => {
  const at = (value: string, timeZone = 'Asia/Almaty') => accepted(readRow(register, { ...registerRow, at: value }, timeZone));
  const iso = (ms: number) => new Date(ms).toISOString();

  it('reads an ISO timestamp without an offset as local time of the dataset', () => {
    expect(iso(at('2025-06-01 12:30').occurredAt)).toBe('2025-06-01T07:30:00.000Z');
    expect(iso(at('2025-06-01T12:30:15').occurredAt)).toBe('2025-06-01T07:30:15.000Z');
    expect(iso(at('2020-07-15 12:00', 'America/Vancouver').occurredAt)).toBe('2020-07-15T19:00:00.000Z');
    expect(at('2025-06-01 12:30').timeKnown).toBe(true);
  });

  it('reads an ISO timestamp with an offset (or Z) as that instant, whatever the zone', () => {
    expect(iso(at('2025-06-01T12:30:00+06:00').occurredAt)).toBe('2025-06-01T06:30:00.000Z');
    expect(iso(at('2025-06-01T12:30+0600', 'America/Vancouver').occurredAt)).toBe('2025-06-01T06:30:00.000Z');
    expect(iso(at('2025-06-01T12:30:00Z').occurredAt)).toBe('2025-06-01T12:30:00.000Z');
    expect(iso(at('2025-06-01 12:30-03:00').occurredAt)).toBe('2025-06-01T15:30:00.000Z');
  });

  it('keeps a fraction of a second to the millisecond, with or without an offset', () => {
    expect(iso(at('2025-06-01T12:30:15.250').occurredAt)).toBe('2025-06-01T07:30:15.250Z');
    expect(iso(at('2025-06-01 12:30:15,5').occurredAt)).toBe('2025-06-01T07:30:15.500Z');
    expect(iso(at('2025-06-01T12:30:15.123456789Z').occurredAt)).toBe('2025-06-01T12:30:15.123Z');
    expect(iso(at('2025-06-01T12:30:15.9+05:00').occurredAt)).toBe('2025-06-01T07:30:15.900Z');
    for (const value of ['2025-06-01T12:30.5', '2025-06-01T12:30:15.', '2025-06-01T12:30:60']) expect(rejection(readRow(register, { ...registerRow, at: value })), value).toBe('bad_time');
  });

  it('reads DD.MM.YYYY HH:MM (and a date alone, whose time is then unknown)', () => {
    expect(iso(at('01.06.2025 12:30').occurredAt)).toBe('2025-06-01T07:30:00.000Z');
    expect(iso(at('31.12.2025 23:59:59').occurredAt)).toBe('2025-12-31T18:59:59.000Z');
    const dateOnly = at('01.06.2025');
    expect(iso(dateOnly.occurredAt)).toBe('2025-05-31T19:00:00.000Z');
    expect(dateOnly.timeKnown).toBe(false);
    expect(at('2025-06-01').timeKnown).toBe(false);
  });

  it('rejects dates that do not exist and forms it cannot read as bad_time, an empty time as no_time', () => {
    for (const value of ['2025-02-30 10:00', '30.02.2025 10:00', '2025-13-01 10:00', '2025-06-01 24:00', '2025-06-01 12:60', '2023-02-29', '1 June 2025', '06/01/2025 12:30']) {
      expect(rejection(readRow(register, { ...registerRow, at: value })), value).toBe('bad_time');
    }
    expect(accepted(readRow(register, { ...registerRow, at: '2024-02-29 10:00' })).timeKnown).toBe(true); // a leap day
    expect(rejection(readRow(register, { ...registerRow, at: '2024-02-29 10:00', type: '' }))).toBe('no_category');
    expect(rejection(readRow(register, { ...registerRow, at: '  ' }))).toBe('no_time');
  });

  it('reads a time in parts; Feb 30 and an hour of 25 are bad_time, a missing year no_time', () => {
    const row = accepted(readRow(vancouver, vancouverRow, 'America/Vancouver'));
    expect(iso(row.occurredAt)).toBe('2020-06-19T10:40:00.000Z'); // 03:40 PDT
    expect(row.timeKnown).toBe(true);
    expect(rejection(readRow(vancouver, { ...vancouverRow, MONTH: '2', DAY: '30' }, 'America/Vancouver'))).toBe('bad_time');
    expect(rejection(readRow(vancouver, { ...vancouverRow, HOUR: '25' }, 'America/Vancouver'))).toBe('bad_time');
    expect(rejection(readRow(vancouver, { ...vancouverRow, MONTH: 'June' }, 'America/Vancouver'))).toBe('bad_time');
    expect(rejection(readRow(vancouver, { ...vancouverRow, YEAR: '' }, 'America/Vancouver'))).toBe('no_time');
  });

  it('keeps 00:00 as an unknown time only when the mapping says the source uses it so', () => {
    const midnight = { ...vancouverRow, HOUR: '0', MINUTE: '0' };
    const unknown = accepted(readRow(vancouver, midnight, 'America/Vancouver'));
    expect(unknown.timeKnown).toBe(false);
    expect(iso(unknown.occurredAt)).toBe('2020-06-19T07:00:00.000Z'); // the local date is kept
    expect(accepted(readRow({ ...vancouver, midnightUnknown: false }, midnight, 'America/Vancouver')).timeKnown).toBe(true);
    expect(accepted(readRow(vancouver, { ...vancouverRow, HOUR: '0', MINUTE: '5' }, 'America/Vancouver')).timeKnown).toBe(true);
    expect(accepted(readRow(vancouver, { ...vancouverRow, HOUR: '', MINUTE: '' }, 'America/Vancouver')).timeKnown).toBe(false);
    expect(accepted(readRow({ ...register, midnightUnknown: true }, { ...registerRow, at: '2025-06-01 00:00' })).timeKnown).toBe(false);
  });
});

describe('rowReader: category, district and identity', () => {
  it('rejects an empty category as no_category', () => {
    expect(rejection(readRow(vancouver, { ...vancouverRow, TYPE: '' }))).toBe('no_category');
    expect(rejection(readRow(vancouver, { ...vancouverRow, TYPE: '   ' }))).toBe('no_category');
  });

  it('keeps the source category and district as written (trimmed)', () => {
    expect(accepted(readRow(vancouver, { ...vancouverRow, TYPE: ' Mischief ', NEIGHBOURHOOD: '' }))).toMatchObject({ category: 'Mischief', district: null });
    expect(accepted(readRow(vancouver, vancouverRow))).toMatchObject({ category: 'Break and Enter Commercial', district: 'West End' });
  });

  it("uses the source's id when the mapping names one", () => {
    expect(accepted(readRow(register, registerRow)).externalId).toBe('KUI-1');
  });

  it('without a source id, gives the same row the same id every time, and a different row another', () => {
    const first = accepted(readRow(vancouver, vancouverRow)).externalId;
    expect(first).toMatch(/^h:[\w-]{22}$/);
    expect(accepted(readRow(vancouver, { ...vancouverRow })).externalId).toBe(first);
    // a column the mapping does not read does not change the identity, nor does a place moved by 0.1 mm (ids round to 1e-7°)
    expect(accepted(readRow(vancouver, { ...vancouverRow, X: '491059.4825' })).externalId).toBe(first);
    expect(accepted(readRow(vancouver, { ...vancouverRow, HUNDRED_BLOCK: 'elsewhere' })).externalId).toBe(first);
    const others: Row[] = [{ MINUTE: '41' }, { TYPE: 'Mischief' }, { X: '491059.5824' }, { NEIGHBOURHOOD: 'Downtown' }, { DAY: '20' }];
    const ids = others.map((change) => accepted(readRow(vancouver, { ...vancouverRow, ...change })).externalId);
    expect(new Set([first, ...ids]).size).toBe(others.length + 1);
  });

  it('reads a cleared flag from the values the mapping lists', () => {
    const mapping: ImportMapping = { ...register, cleared: { column: 'status', values: ['раскрыто', 'cleared'] } };
    expect(accepted(readRow(mapping, { ...registerRow, status: 'раскрыто' })).cleared).toBe(true);
    expect(accepted(readRow(mapping, { ...registerRow, status: 'в работе' })).cleared).toBe(false);
    expect(accepted(readRow(mapping, { ...registerRow, status: '' })).cleared).toBeNull();
  });
});

describe('checkMapping', () => {
  const header = ['TYPE', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'HUNDRED_BLOCK', 'NEIGHBOURHOOD', 'X', 'Y'];
  const failure = (mapping: ImportMapping, columns = header) => {
    try {
      checkMapping(mapping, columns);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return { code: (error as AppError).code, field: (error as AppError).field, message: (error as AppError).message };
    }
    throw new Error('the mapping was accepted');
  };

  it('accepts a mapping whose columns are all in the file', () => {
    expect(() => checkMapping(vancouver, header)).not.toThrow();
  });

  it('names the mapping field of a column the file does not have', () => {
    expect(failure({ ...vancouver, category: 'CATEGORY' })).toMatchObject({ code: 'validation', field: 'mapping.category' });
    expect(failure({ ...vancouver, category: 'CATEGORY' }).message).toContain('"CATEGORY"');
    expect(failure({ ...vancouver, place: { kind: 'xy', x: 'X', y: 'LAT', crs: 'EPSG:26910' } }).field).toBe('mapping.place.y');
    expect(failure({ ...vancouver, time: { kind: 'parts', year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HH' } }).field).toBe('mapping.time.hour');
    expect(failure({ ...vancouver, district: 'AREA' }).field).toBe('mapping.district');
    expect(failure(register).field).toBe('mapping.time.column');
  });

  it('refuses a time in parts without a date, and an unknown coordinate system', () => {
    expect(failure({ ...vancouver, time: { kind: 'parts', year: 'YEAR', hour: 'HOUR' } }).field).toBe('mapping.time');
    expect(failure({ ...vancouver, place: { kind: 'xy', x: 'X', y: 'Y', crs: 'EPSG:99999' } }).field).toBe('mapping.place.crs');
  });

  it('refuses a GeoJSON mapping that does not take places from the geometry', () => {
    expect(failure({ ...register, format: 'geojson' }, []).field).toBe('mapping.place.kind');
  });

  it('lists every column a mapping reads with its field', () => {
    expect(mappedColumns(vancouver)).toEqual([
      { field: 'mapping.time.year', column: 'YEAR' },
      { field: 'mapping.time.month', column: 'MONTH' },
      { field: 'mapping.time.day', column: 'DAY' },
      { field: 'mapping.time.hour', column: 'HOUR' },
      { field: 'mapping.time.minute', column: 'MINUTE' },
      { field: 'mapping.category', column: 'TYPE' },
      { field: 'mapping.place.x', column: 'X' },
      { field: 'mapping.place.y', column: 'Y' },
      { field: 'mapping.district', column: 'NEIGHBOURHOOD' },
    ]);
  });
});
