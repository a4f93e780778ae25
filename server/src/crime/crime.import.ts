// Imports incidents from a CSV (streamed: a million rows never sit in memory) or a GeoJSON file, with
// the column mapping the analyst chose. Each row either becomes an incident or is rejected with a reason
// that is counted and exemplified; nothing is put at 0,0 or at midnight by default. Rows are written in
// batches with one `insert … select from unnest(…)` each, keyed on the source's id (or a hash of the row),
// so importing the same file again inserts nothing and changes nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import proj4 from 'proj4';
import { queryRows, type DbOrTx } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import type { ImportMapping } from './crime.tables.js';
import { guessLine } from './crime.lines.js';
import { zonedToUtc } from './zoned-time.js';

export type RejectReason = 'no_place' | 'bad_place' | 'no_time' | 'bad_time' | 'no_category' | 'duplicate_in_file';

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectsByReason: Partial<Record<RejectReason, number>>;
  rejectExamples: { row: number; reason: RejectReason; detail: string }[];
}

export interface ImportProgress {
  (fraction: number, counts: ImportCounts): void;
}

const BATCH = 10_000;
const EXAMPLES_PER_REASON = 20;
/** Known CRS names the analyst may pick besides a full proj4 string. */
export const NAMED_CRS: Record<string, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:26910': '+proj=utm +zone=10 +datum=NAD83 +units=m +no_defs',
  'EPSG:32643': '+proj=utm +zone=43 +datum=WGS84 +units=m +no_defs',
  'EPSG:32642': '+proj=utm +zone=42 +datum=WGS84 +units=m +no_defs',
  'EPSG:32610': '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs',
  'EPSG:3857': '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** The columns a mapping reads, each with the mapping field that names it (for a 400 that says which). */
export function mappedColumns(mapping: ImportMapping): { field: string; column: string }[] {
  const out: { field: string; column: string }[] = [];
  const add = (field: string, column: string | undefined) => {
    if (column) out.push({ field, column });
  };
  if (mapping.time.kind === 'timestamp') add('mapping.time.column', mapping.time.column);
  else for (const part of ['date', 'year', 'month', 'day', 'hour', 'minute'] as const) add(`mapping.time.${part}`, mapping.time[part]);
  add('mapping.category', mapping.category);
  if (mapping.place.kind === 'lonlat') {
    add('mapping.place.lon', mapping.place.lon);
    add('mapping.place.lat', mapping.place.lat);
  } else if (mapping.place.kind === 'xy') {
    add('mapping.place.x', mapping.place.x);
    add('mapping.place.y', mapping.place.y);
  }
  add('mapping.externalId', mapping.externalId);
  add('mapping.district', mapping.district);
  add('mapping.cleared.column', mapping.cleared?.column);
  return out;
}

/** Refuses a mapping that names a column the file does not have, or cannot read a time or a CRS. */
export function checkMapping(mapping: ImportMapping, header: string[]): void {
  if (mapping.format === 'csv') {
    for (const { field, column } of mappedColumns(mapping)) {
      if (!header.includes(column)) throw new AppError('validation', `column "${column}" is not in the file (its columns: ${header.join(', ')})`, field);
    }
  }
  if (mapping.time.kind === 'parts' && !mapping.time.date && !(mapping.time.year && mapping.time.month && mapping.time.day)) {
    throw new AppError('validation', 'a time made of parts needs a date column, or year, month and day columns', 'mapping.time');
  }
  if (mapping.place.kind === 'xy') crsConverter(mapping.place.crs);
  if (mapping.format === 'geojson' && mapping.place.kind !== 'geometry') throw new AppError('validation', 'GeoJSON places come from each feature\'s geometry: use place.kind "geometry"', 'mapping.place.kind');
}

function crsConverter(crs: string): proj4.Converter {
  const definition = NAMED_CRS[crs.toUpperCase()] ?? crs;
  try {
    return proj4(definition, 'EPSG:4326');
  } catch {
    throw new AppError('validation', `unknown coordinate system "${crs}": give an EPSG code (${Object.keys(NAMED_CRS).join(', ')}) or a proj4 definition`, 'mapping.place.crs');
  }
}

interface Parsed {
  externalId: string;
  category: string;
  occurredAt: number;
  timeKnown: boolean;
  lon: number;
  lat: number;
  district: string | null;
  cleared: boolean | null;
}

type RowResult = Parsed | { reason: RejectReason; detail: string };

/** Builds the per-row reader of a mapping against a header (CSV) or feature properties (GeoJSON). */
export function rowReader(mapping: ImportMapping, header: string[], timeZone: string): (cells: (name: string) => string | undefined, geometry?: unknown) => RowResult {
  const converter = mapping.place.kind === 'xy' ? crsConverter(mapping.place.crs) : null;
  const time = mapping.time;
  const toNumber = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v.trim().replace(',', '.')));
  void header;
  return (cell, geometry) => {
    // place
    let lon: number;
    let lat: number;
    if (mapping.place.kind === 'geometry') {
      const g = geometry as { type?: string; coordinates?: unknown } | null | undefined;
      if (!g) return { reason: 'no_place', detail: 'the feature has no geometry' };
      if (g.type !== 'Point' || !Array.isArray(g.coordinates)) return { reason: 'bad_place', detail: `geometry ${String(g.type)} is not a Point` };
      lon = Number(g.coordinates[0]);
      lat = Number(g.coordinates[1]);
    } else if (mapping.place.kind === 'lonlat') {
      const rawLon = cell(mapping.place.lon);
      const rawLat = cell(mapping.place.lat);
      lon = toNumber(rawLon);
      lat = toNumber(rawLat);
      if ((rawLon ?? '').trim() === '' || (rawLat ?? '').trim() === '' || (lon === 0 && lat === 0)) return { reason: 'no_place', detail: `lon "${rawLon ?? ''}", lat "${rawLat ?? ''}"` };
    } else {
      const rawX = cell(mapping.place.x);
      const rawY = cell(mapping.place.y);
      const x = toNumber(rawX);
      const y = toNumber(rawY);
      if ((rawX ?? '').trim() === '' || (rawY ?? '').trim() === '' || (x === 0 && y === 0)) return { reason: 'no_place', detail: `x "${rawX ?? ''}", y "${rawY ?? ''}"` };
      if (!Number.isFinite(x) || !Number.isFinite(y)) return { reason: 'bad_place', detail: `x "${rawX}", y "${rawY}" are not numbers` };
      [lon, lat] = converter!.forward([x, y]) as [number, number];
    }
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return { reason: 'bad_place', detail: `${lon}, ${lat} is not a place on Earth` };
    if (lon === 0 && lat === 0) return { reason: 'no_place', detail: '0, 0' };
    // time
    let occurredAt: number;
    let timeKnown = true;
    if (time.kind === 'timestamp') {
      const raw = (cell(time.column) ?? '').trim();
      if (raw === '') return { reason: 'no_time', detail: `${time.column} is empty` };
      // YYYY-MM-DD[ HH:MM[:SS[.fff]]][zone] or DD.MM.YYYY[ HH:MM[:SS]]; a fraction of a second is kept to the millisecond
      const m =
        /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw) ??
        /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?()()$/.exec(raw);
      if (!m) return { reason: 'bad_time', detail: `"${raw}" is not a date and time (use YYYY-MM-DD HH:MM or DD.MM.YYYY HH:MM)` };
      const dotted = raw.includes('.') && !raw.includes('-');
      const [year, month, day] = dotted ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2]), Number(m[3])];
      const hour = m[4] === undefined ? 0 : Number(m[4]);
      const minute = m[5] === undefined ? 0 : Number(m[5]);
      const second = m[6] === undefined ? 0 : Number(m[6]);
      const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
      if (!validDate(year, month, day, hour, minute) || second > 59) return { reason: 'bad_time', detail: `"${raw}" is not a real date and time` };
      const zone = m[8];
      if (zone) {
        const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
        occurredAt = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
      } else occurredAt = zonedToUtc(timeZone, year, month, day, hour, minute, second) + millis;
      if (m[4] === undefined || (mapping.midnightUnknown && hour === 0 && minute === 0)) timeKnown = false;
    } else {
      let year: number;
      let month: number;
      let day: number;
      if (time.date) {
        const raw = (cell(time.date) ?? '').trim();
        if (raw === '') return { reason: 'no_time', detail: `${time.date} is empty` };
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
        if (!m) return { reason: 'bad_time', detail: `"${raw}" is not a date` };
        [year, month, day] = raw.includes('-') ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[3]), Number(m[2]), Number(m[1])];
      } else {
        const raws = [cell(time.year!), cell(time.month!), cell(time.day!)].map((v) => (v ?? '').trim());
        if (raws.some((v) => v === '')) return { reason: 'no_time', detail: `year/month/day "${raws.join('/')}"` };
        [year, month, day] = raws.map(Number) as [number, number, number];
      }
      const rawHour = time.hour ? (cell(time.hour) ?? '').trim() : '';
      const rawMinute = time.minute ? (cell(time.minute) ?? '').trim() : '';
      const hour = rawHour === '' ? 0 : Number(rawHour);
      const minute = rawMinute === '' ? 0 : Number(rawMinute);
      if (!validDate(year, month, day, hour, minute)) return { reason: 'bad_time', detail: `${year}-${month}-${day} ${rawHour}:${rawMinute} is not a real date and time` };
      occurredAt = zonedToUtc(timeZone, year, month, day, hour, minute);
      if (rawHour === '' || (mapping.midnightUnknown && hour === 0 && minute === 0)) timeKnown = false;
    }
    // category
    const category = (cell(mapping.category) ?? '').trim();
    if (category === '') return { reason: 'no_category', detail: `${mapping.category} is empty` };
    const district = mapping.district ? (cell(mapping.district) ?? '').trim() || null : null;
    let cleared: boolean | null = null;
    if (mapping.cleared) {
      const raw = (cell(mapping.cleared.column) ?? '').trim();
      cleared = raw === '' ? null : mapping.cleared.values.includes(raw);
    }
    const sourceId = mapping.externalId ? (cell(mapping.externalId) ?? '').trim() : '';
    const externalId = sourceId || `h:${rowHash(category, occurredAt, lon, lat, district, cell)}`;
    return { externalId, category, occurredAt, timeKnown, lon, lat, district, cleared };
  };
}

function validDate(year: number, month: number, day: number, hour: number, minute: number): boolean {
  if (![year, month, day, hour, minute].every(Number.isInteger)) return false;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Without a source id, a row is known by what it says: the same row in a later file is the same incident.
function rowHash(category: string, at: number, lon: number, lat: number, district: string | null, _cell: (name: string) => string | undefined): string {
  return createHash('sha1').update(`${category}|${at}|${lon.toFixed(7)}|${lat.toFixed(7)}|${district ?? ''}`).digest('base64url').slice(0, 22);
}

/** Reads the first line of a CSV: its columns, in order. */
export async function readCsvHeader(filePath: string, delimiter?: string): Promise<{ header: string[]; sample: string[][]; delimiter: string }> {
  const head = await new Promise<string>((resolve, reject) => {
    const stream = fs.createReadStream(filePath, { start: 0, end: 64 * 1024 - 1, encoding: 'utf8' });
    let text = '';
    stream.on('data', (chunk) => (text += chunk));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
  const lines = head.replace(/^\ufeff/, '').split(/\r?\n/);
  const first = lines[0] ?? '';
  const chosen = delimiter ?? ((first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : first.includes('\t') && !first.includes(',') ? '\t' : ',');
  const complete = lines.slice(0, Math.min(lines.length - 1, 6)).join('\n');
  const { parse: parseSync } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parseSync(complete, { delimiter: chosen, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    throw new AppError('unprocessable', `the CSV cannot be read: ${(error as Error).message}`, 'file');
  }
  const [header, ...sample] = records;
  if (!header || header.length < 2) throw new AppError('unprocessable', 'the file has no header row of columns', 'file');
  return { header: header.map((h) => h.trim()), sample, delimiter: chosen };
}

interface Batch {
  externalIds: string[];
  categories: string[];
  times: string[];
  timeKnown: boolean[];
  lons: number[];
  lats: number[];
  districts: (string | null)[];
  cleared: (boolean | null)[];
}

const emptyBatch = (): Batch => ({ externalIds: [], categories: [], times: [], timeKnown: [], lons: [], lats: [], districts: [], cleared: [] });

/** Adds source categories the dataset's table does not have yet, each with a suggested line. */
async function addCategories(db: DbOrTx, datasetId: string, names: string[], knownCategories: Set<string>): Promise<void> {
  if (names.length === 0) return;
  await db.execute(sql`
    insert into crime_category_map (dataset_id, source_category, line_code)
    select ${datasetId}, c, l from unnest(${sql.param(names)}::text[], ${sql.param(names.map(guessLine))}::text[]) as u(c, l)
    on conflict do nothing`);
  for (const c of names) knownCategories.add(c);
}

/**
 * Writes one batch: unseen source categories join the dataset's category map (with a suggested line),
 * then every row is inserted, or updated when the same source id now says something else.
 */
async function writeBatch(db: DbOrTx, datasetId: string, importId: string | null, batch: Batch, counts: ImportCounts, knownCategories: Set<string>, synthetic = false): Promise<void> {
  if (batch.externalIds.length === 0) return;
  const fresh = [...new Set(batch.categories)].filter((c) => !knownCategories.has(c));
  await addCategories(db, datasetId, fresh, knownCategories);
  // The counts come back as one row, not one row per incident.
  const [result] = await queryRows<{ inserted: number; written: number }>(
    db,
    sql`
      with written as (
      insert into incidents (dataset_id, external_id, source_category, line_code, occurred_at, time_known, location, source_district, cleared, import_id, synthetic)
      select ${datasetId}, u.e, u.c, m.line_code, u.o, u.k, ST_SetSRID(ST_MakePoint(u.x, u.y), 4326), u.d, u.l, ${importId}::uuid, ${synthetic}
      from unnest(${sql.param(batch.externalIds)}::text[], ${sql.param(batch.categories)}::text[], ${sql.param(batch.times)}::timestamptz[], ${sql.param(batch.timeKnown)}::boolean[],
                  ${sql.param(batch.lons)}::float8[], ${sql.param(batch.lats)}::float8[], ${sql.param(batch.districts)}::text[], ${sql.param(batch.cleared)}::boolean[]) as u(e, c, o, k, x, y, d, l)
      left join crime_category_map m on m.dataset_id = ${datasetId} and m.source_category = u.c
      on conflict (dataset_id, external_id) do update set
        source_category = excluded.source_category, line_code = excluded.line_code, occurred_at = excluded.occurred_at,
        time_known = excluded.time_known, location = excluded.location, source_district = excluded.source_district,
        cleared = excluded.cleared, import_id = excluded.import_id
      where (incidents.source_category, incidents.occurred_at, incidents.time_known, incidents.source_district, incidents.cleared)
              is distinct from (excluded.source_category, excluded.occurred_at, excluded.time_known, excluded.source_district, excluded.cleared)
         or not ST_Equals(incidents.location, excluded.location)
      returning (xmax = 0) as inserted)
      select (count(*) filter (where inserted))::int as inserted, count(*)::int as written from written`,
  );
  const inserted = result?.inserted ?? 0;
  const written = result?.written ?? 0;
  counts.inserted += inserted;
  counts.updated += written - inserted;
  counts.unchanged += batch.externalIds.length - written;
}

/** Writes incidents made in code (the demo's synthetic register), through the same path as an import. */
export async function insertIncidents(db: DbOrTx, datasetId: string, rows: Omit<Parsed, 'cleared'>[], options: { synthetic: boolean }): Promise<ImportCounts> {
  const counts: ImportCounts = { rowsRead: rows.length, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejectsByReason: {}, rejectExamples: [] };
  const known = new Set<string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = emptyBatch();
    for (const r of rows.slice(i, i + BATCH)) {
      batch.externalIds.push(r.externalId);
      batch.categories.push(r.category);
      batch.times.push(new Date(r.occurredAt).toISOString());
      batch.timeKnown.push(r.timeKnown);
      batch.lons.push(r.lon);
      batch.lats.push(r.lat);
      batch.districts.push(r.district);
      batch.cleared.push(null);
    }
    await writeBatch(db, datasetId, null, batch, counts, known, options.synthetic);
  }
  return counts;
}

export interface ImportSource {
  filePath: string;
  fileBytes: number;
  datasetId: string;
  importId: string;
  mapping: ImportMapping;
  timeZone: string;
}

/** Runs the import, reporting progress by the share of the file read. */
export async function runIncidentImport(db: DbOrTx, source: ImportSource, onProgress: ImportProgress): Promise<ImportCounts> {
  const counts: ImportCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejectsByReason: {}, rejectExamples: [] };
  const knownCategories = new Set(
    (await queryRows<{ c: string }>(db, sql`select source_category as c from crime_category_map where dataset_id = ${source.datasetId}`)).map((r) => r.c),
  );
  const seen = new Set<string>();
  const examples = new Map<RejectReason, number>();
  let batch = emptyBatch();
  const reject = (row: number, reason: RejectReason, detail: string) => {
    counts.rejected++;
    counts.rejectsByReason[reason] = (counts.rejectsByReason[reason] ?? 0) + 1;
    const shown = examples.get(reason) ?? 0;
    if (shown < EXAMPLES_PER_REASON) {
      examples.set(reason, shown + 1);
      counts.rejectExamples.push({ row, reason, detail: detail.slice(0, 200) });
    }
  };
  // Categories met only on rejected rows still join the table, so the analyst sees every category.
  const rejectedCategories = new Set<string>();
  const accept = (row: number, result: RowResult, category: () => string | undefined) => {
    if ('reason' in result) {
      const name = category()?.trim();
      if (name && !knownCategories.has(name)) rejectedCategories.add(name);
      return reject(row, result.reason, result.detail);
    }
    if (seen.has(result.externalId)) return reject(row, 'duplicate_in_file', `id ${result.externalId} appears earlier in the file`);
    seen.add(result.externalId);
    batch.externalIds.push(result.externalId);
    batch.categories.push(result.category);
    batch.times.push(new Date(result.occurredAt).toISOString());
    batch.timeKnown.push(result.timeKnown);
    batch.lons.push(result.lon);
    batch.lats.push(result.lat);
    batch.districts.push(result.district);
    batch.cleared.push(result.cleared);
  };
  // One batch is written while the next is parsed: the database and the parser work at the same time.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const full = batch;
    batch = emptyBatch();
    await writing;
    writing = writeBatch(db, source.datasetId, source.importId, full, counts, knownCategories);
    writing.catch(() => undefined); // awaited at the next flush or at the end
  };
  const finish = async () => {
    await flush();
    await writing;
    await addCategories(db, source.datasetId, [...rejectedCategories].filter((c) => !knownCategories.has(c)), knownCategories);
  };

  if (source.mapping.format === 'geojson') {
    const text = await fs.promises.readFile(source.filePath, 'utf8');
    let doc: { type?: string; features?: { properties?: Record<string, unknown>; geometry?: unknown }[] };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch (error) {
      throw new AppError('unprocessable', `the file is not JSON: ${(error as Error).message}`, 'file');
    }
    if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) throw new AppError('unprocessable', 'the file is not a GeoJSON FeatureCollection', 'file');
    const read = rowReader(source.mapping, [], source.timeZone);
    for (const [i, feature] of doc.features.entries()) {
      const props = feature.properties ?? {};
      counts.rowsRead++;
      const prop = (name: string) => (props[name] === undefined || props[name] === null ? undefined : String(props[name]));
      accept(i + 1, read(prop, feature.geometry), () => prop(source.mapping.category));
      if (batch.externalIds.length >= BATCH) {
        await flush();
        onProgress(counts.rowsRead / doc.features.length, counts);
      }
    }
    await finish();
    onProgress(1, counts);
    return counts;
  }

  const { header, delimiter } = await readCsvHeader(source.filePath, source.mapping.delimiter);
  checkMapping(source.mapping, header);
  const index = new Map(header.map((h, i) => [h, i]));
  const read = rowReader(source.mapping, header, source.timeZone);
  const file = fs.createReadStream(source.filePath);
  const parser = file.pipe(parse({ delimiter, bom: true, from_line: 2, relax_column_count: true, skip_empty_lines: true, info: false }));
  let record: string[] = [];
  const cell = (name: string) => record[index.get(name)!];
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      counts.rowsRead++;
      record = fields;
      accept(counts.rowsRead + 1, read(cell), () => cell(source.mapping.category));
      if (batch.externalIds.length >= BATCH) {
        await flush();
        onProgress(source.fileBytes > 0 ? file.bytesRead / source.fileBytes : 0, counts);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unprocessable', `the CSV cannot be read after row ${counts.rowsRead + 1}: ${(error as Error).message}`, 'file');
  }
  await finish();
  onProgress(1, counts);
  return counts;
}
