// Incidents: datasets, the category table, streamed imports with progress, the staff map, CompStat,
// forecasts and backtests (as background tasks), and the public map's k-suppressed aggregates.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import { queryRows, type Db, type DbOrTx } from '../platform/db/db.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { districts } from '../platform/platform.tables.js';
import { getTask, startTask, type TaskView } from '../platform/tasks/tasks.service.js';
import { checkMapping, readCsvHeader, runIncidentImport } from './crime.import.js';
import { backtests, crimeCategoryMap, crimeDatasets, crimeLines, forecastCells, forecastMethodChoices, forecastRuns, incidentImportMappings, incidentImports, type ImportMapping } from './crime.tables.js';
import { landCells, rankCells, type BacktestResult } from './forecast/backtest.js';
import { cellIndices, cellPolygon, gridAround, projector, utmCrsFor, type GridSpec } from './forecast/grid.js';
import { computeBacktest, computeForecast } from './forecast/compute.js';
import type { ForecastMethod, MethodParams } from './forecast/methods.js';
import { aggregateHexagons, hexFeature } from './hexagons.js';
import { isValidTimeZone } from './zoned-time.js';

const DAY_MS = 86_400_000;
/** The smallest count a public cell may show (the public map's k); configurable per deployment. */
let publicK = 5;
export function configurePublicMap(options: { k: number }): void {
  publicK = Math.max(2, Math.floor(options.k));
}
export function publicMapK(): number {
  return publicK;
}

// ---- Datasets and lines ---------------------------------------------------------------------

export async function listLines(db: DbOrTx) {
  const rows = await db.select().from(crimeLines).orderBy(crimeLines.sortOrder);
  return rows.map((r) => ({ code: r.code, name: r.name, againstPerson: r.againstPerson, programmeCode: r.programmeCode }));
}

export async function listDatasets(db: DbOrTx) {
  const rows = await queryRows<{ id: string; name: string; description: string | null; public: boolean; synthetic: boolean; time_zone: string; incidents: number; first_at: string | null; last_at: string | null }>(
    db,
    // One pass over each dataset's incidents for its size and span.
    sql`select d.id, d.name, d.description, d.public, d.synthetic, d.time_zone, s.incidents, s.first_at, s.last_at
        from crime_datasets d
        cross join lateral (select count(*)::int as incidents, min(occurred_at) as first_at, max(occurred_at) as last_at
                            from incidents i where i.dataset_id = d.id) s
        order by d.created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    public: r.public,
    synthetic: r.synthetic,
    timeZone: r.time_zone,
    incidents: r.incidents,
    firstAt: r.first_at ? new Date(r.first_at).toISOString() : null,
    lastAt: r.last_at ? new Date(r.last_at).toISOString() : null,
  }));
}

/** The dataset, or a 404 naming the request field that gave its id (`dataset`, `datasetId`, `id`). */
async function datasetOrThrow(db: DbOrTx, id: string, field = 'dataset') {
  const [row] = await db.select().from(crimeDatasets).where(eq(crimeDatasets.id, id));
  if (!row) throw new AppError('not_found', `dataset '${id}' was not found`, field);
  return row;
}

export async function createDataset(db: Db, actor: AuditActor, body: { id: string; name: string; description?: string | undefined; timeZone: string; public: boolean }) {
  if (!isValidTimeZone(body.timeZone)) throw invalid('timeZone', `unknown time zone "${body.timeZone}" (e.g. Asia/Almaty, America/Vancouver)`);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: crimeDatasets.id }).from(crimeDatasets).where(eq(crimeDatasets.id, body.id));
    if (existing) throw new AppError('conflict', `dataset '${body.id}' already exists`, 'id');
    await tx.insert(crimeDatasets).values({ id: body.id, name: body.name, description: body.description ?? null, timeZone: body.timeZone, public: body.public });
    await recordAudit(tx, actor, { action: 'create', entity: 'crime_dataset', entityId: body.id, before: null, after: body });
  });
  const all = await listDatasets(db);
  return all.find((d) => d.id === body.id)!;
}

export async function categoryTable(db: DbOrTx, datasetId: string) {
  await datasetOrThrow(db, datasetId, 'id');
  const rows = await queryRows<{ source_category: string; line_code: string | null; incidents: number }>(
    db,
    sql`select m.source_category, m.line_code, coalesce(n.incidents, 0)::int as incidents
        from crime_category_map m
        left join (select source_category, count(*) as incidents from incidents where dataset_id = ${datasetId} group by source_category) n
          on n.source_category = m.source_category
        where m.dataset_id = ${datasetId} order by incidents desc, m.source_category`,
  );
  return rows.map((r) => ({ sourceCategory: r.source_category, lineCode: r.line_code, incidents: r.incidents }));
}

/** Maps a source category to a line (or unmaps it); its incidents follow at once. Audited. */
export async function setCategoryLine(db: Db, actor: AuditActor, datasetId: string, sourceCategory: string, lineCode: string | null) {
  await datasetOrThrow(db, datasetId, 'id');
  if (lineCode !== null) {
    const [line] = await db.select({ code: crimeLines.code }).from(crimeLines).where(eq(crimeLines.code, lineCode));
    if (!line) throw invalid('lineCode', `unknown line '${lineCode}'`);
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(crimeCategoryMap).where(and(eq(crimeCategoryMap.datasetId, datasetId), eq(crimeCategoryMap.sourceCategory, sourceCategory)));
    if (!before) throw notFound(`category '${sourceCategory}' in dataset '${datasetId}'`);
    await tx.update(crimeCategoryMap).set({ lineCode, updatedAt: new Date() }).where(and(eq(crimeCategoryMap.datasetId, datasetId), eq(crimeCategoryMap.sourceCategory, sourceCategory)));
    await tx.execute(sql`update incidents set line_code = ${lineCode} where dataset_id = ${datasetId} and source_category = ${sourceCategory}`);
    await recordAudit(tx, actor, { action: 'update', entity: 'crime_category_map', entityId: `${datasetId}:${sourceCategory}`, before: { lineCode: before.lineCode }, after: { lineCode } });
  });
  invalidatePublicMap();
  return categoryTable(db, datasetId);
}

// ---- Uploads and imports --------------------------------------------------------------------

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const UPLOAD_TTL_MS = 24 * 3_600_000;

function uploadsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function uploadPath(dataDir: string, uploadId: string): string {
  return path.join(uploadsDir(dataDir), `${uploadId}.upload`);
}

/** Streams an uploaded file to disk (never into memory), hashing it on the way. */
export async function saveUpload(dataDir: string, fileName: string, stream: NodeJS.ReadableStream) {
  const uploadId = randomUUID();
  const target = uploadPath(dataDir, uploadId);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) return done(new AppError('payload_too_large', 'the file is larger than 1 GB', 'file'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, fs.createWriteStream(target));
  } catch (error) {
    fs.rmSync(target, { force: true });
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'the file is larger than 1 GB', 'file');
    throw new AppError('bad_request', 'the upload was interrupted', 'file');
  }
  if (bytes === 0) {
    fs.rmSync(target, { force: true });
    throw invalid('file', 'the file is empty');
  }
  fs.writeFileSync(`${target}.json`, JSON.stringify({ fileName, bytes, sha256: hash.digest('hex') }));
  const format = /\.(geo)?json$/i.test(fileName) ? ('geojson' as const) : ('csv' as const);
  if (format === 'geojson') return { uploadId, fileName, bytes, format, header: [] as string[], sample: [] as string[][], delimiter: null };
  try {
    const { header, sample, delimiter } = await readCsvHeader(target);
    return { uploadId, fileName, bytes, format, header, sample, delimiter };
  } catch (error) {
    removeUpload(dataDir, uploadId);
    throw error;
  }
}

function removeUpload(dataDir: string, uploadId: string): void {
  fs.rmSync(uploadPath(dataDir, uploadId), { force: true });
  fs.rmSync(`${uploadPath(dataDir, uploadId)}.json`, { force: true });
}

/** Deletes uploads nobody imported within a day. */
export function sweepUploads(dataDir: string, now = Date.now()): number {
  let removed = 0;
  for (const name of fs.readdirSync(uploadsDir(dataDir))) {
    const file = path.join(uploadsDir(dataDir), name);
    if (now - fs.statSync(file).mtimeMs > UPLOAD_TTL_MS) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

function uploadMeta(dataDir: string, uploadId: string): { fileName: string; bytes: number; sha256: string } {
  try {
    return JSON.parse(fs.readFileSync(`${uploadPath(dataDir, uploadId)}.json`, 'utf8')) as { fileName: string; bytes: number; sha256: string };
  } catch {
    throw new AppError('not_found', `upload ${uploadId} was not found (uploads are kept for a day)`, 'uploadId');
  }
}

export async function listMappings(db: DbOrTx) {
  const rows = await db.select().from(incidentImportMappings).orderBy(incidentImportMappings.name);
  return rows.map((r) => ({ name: r.name, mapping: r.mapping, updatedAt: r.updatedAt.toISOString() }));
}

export async function saveMapping(db: DbOrTx, actor: AuditActor, name: string, mapping: ImportMapping) {
  await db
    .insert(incidentImportMappings)
    .values({ name, mapping, createdBy: actor.userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: incidentImportMappings.name, set: { mapping, updatedAt: new Date() } });
  return (await listMappings(db)).find((m) => m.name === name)!;
}

type ImportRow = typeof incidentImports.$inferSelect;

function importView(row: ImportRow, task: TaskView | null) {
  return {
    id: row.id,
    datasetId: row.datasetId,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    status: row.status,
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    rejectsByReason: row.rejectsByReason,
    rejectExamples: row.rejectExamples,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    task,
  };
}

/**
 * Starts importing an upload into a dataset: checks the mapping against the file's columns first (a
 * 400 naming the field), then runs in the background, all or nothing, reporting progress.
 */
export async function startImport(db: Db, actor: AuditActor, dataDir: string, body: { uploadId: string; datasetId: string; mapping: ImportMapping; saveMappingAs?: string | undefined }) {
  const dataset = await datasetOrThrow(db, body.datasetId, 'datasetId');
  const meta = uploadMeta(dataDir, body.uploadId);
  const filePath = uploadPath(dataDir, body.uploadId);
  const isGeoJson = /\.(geo)?json$/i.test(meta.fileName);
  if (isGeoJson !== (body.mapping.format === 'geojson')) throw invalid('mapping.format', `the file is ${isGeoJson ? 'GeoJSON' : 'CSV'} but the mapping says ${body.mapping.format}`);
  if (body.mapping.format === 'csv') {
    const { header } = await readCsvHeader(filePath, body.mapping.delimiter);
    checkMapping(body.mapping, header);
  } else checkMapping(body.mapping, []);
  if (body.saveMappingAs) await saveMapping(db, actor, body.saveMappingAs, body.mapping);
  const [row] = await db
    .insert(incidentImports)
    .values({ datasetId: dataset.id, fileName: meta.fileName, fileSha256: meta.sha256, fileBytes: meta.bytes, mapping: body.mapping, status: 'queued', createdBy: actor.userId })
    .returning();
  const record = row!;
  const task = await startTask(
    db,
    { kind: 'crime.import', input: { importId: record.id, datasetId: dataset.id, fileName: meta.fileName }, createdBy: actor.userId },
    async (context) => {
      await db.update(incidentImports).set({ status: 'running' }).where(eq(incidentImports.id, record.id));
      const counts = await db.transaction(async (tx) => {
        const result = await runIncidentImport(tx, { filePath, fileBytes: meta.bytes, datasetId: dataset.id, importId: record.id, mapping: body.mapping, timeZone: dataset.timeZone }, (fraction, c) =>
          context.report(fraction * 0.98, 'importRows', { rows: c.rowsRead, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected }),
        );
        await tx
          .update(incidentImports)
          .set({ status: 'done', rowsRead: result.rowsRead, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected, rejectsByReason: result.rejectsByReason, rejectExamples: result.rejectExamples, finishedAt: new Date() })
          .where(eq(incidentImports.id, record.id));
        await recordAudit(tx, actor, {
          action: 'import',
          entity: 'incidents',
          entityId: record.id,
          before: null,
          after: { datasetId: dataset.id, fileName: meta.fileName, sha256: meta.sha256, rowsRead: result.rowsRead, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected },
        });
        return result;
      });
      removeUpload(dataDir, body.uploadId);
      invalidatePublicMap();
      return { importId: record.id, ...counts, rejectExamples: undefined };
    },
    {
      onFailed: async () => {
        await db.update(incidentImports).set({ status: 'failed', finishedAt: new Date() }).where(eq(incidentImports.id, record.id));
      },
    },
  );
  await db.update(incidentImports).set({ taskId: task.id }).where(eq(incidentImports.id, record.id));
  return importView({ ...record, taskId: task.id }, await getTask(db, task.id));
}

export async function getImport(db: Db, id: string) {
  const [row] = await db.select().from(incidentImports).where(eq(incidentImports.id, id));
  if (!row) throw notFound(`import ${id}`);
  return importView(row, row.taskId ? await getTask(db, row.taskId) : null);
}

export async function listImports(db: Db, datasetId?: string) {
  const rows = await db
    .select()
    .from(incidentImports)
    .where(datasetId ? eq(incidentImports.datasetId, datasetId) : undefined)
    .orderBy(desc(incidentImports.createdAt))
    .limit(50);
  return rows.map((r) => importView(r, null));
}

// ---- Staff map and CompStat -----------------------------------------------------------------

interface IncidentFilter {
  dataset: string;
  from?: string | undefined;
  to?: string | undefined;
  lines: string[];
  hours: number[];
  weekdays: number[];
  period: 'all' | 'day' | 'night';
}

/** Day is 07:00–20:59 local time, night 21:00–06:59 (the patrol shifts' split). */
function filterSql(f: IncidentFilter, timeZone: string) {
  const local = sql`(i.occurred_at at time zone ${timeZone})`;
  const parts = [sql`i.dataset_id = ${f.dataset}`];
  if (f.from) parts.push(sql`i.occurred_at >= (${f.from}::date)::timestamp at time zone ${timeZone}`);
  if (f.to) parts.push(sql`i.occurred_at < ((${f.to}::date + 1)::timestamp at time zone ${timeZone})`);
  if (f.lines.length > 0) parts.push(sql`i.line_code = any(${sql.param(f.lines)}::text[])`);
  if (f.hours.length > 0) parts.push(sql`i.time_known and extract(hour from ${local})::int = any(${sql.param(f.hours)}::int[])`);
  if (f.weekdays.length > 0) parts.push(sql`extract(isodow from ${local})::int = any(${sql.param(f.weekdays)}::int[])`);
  if (f.period === 'day') parts.push(sql`i.time_known and extract(hour from ${local}) between 7 and 20`);
  if (f.period === 'night') parts.push(sql`i.time_known and (extract(hour from ${local}) >= 21 or extract(hour from ${local}) < 7)`);
  return sql.join(parts, sql` and `);
}

const MAX_POINTS = 5000;

/**
 * The staff map: exact points when zoomed in (at most 5 000), and clusters (points snapped to a grid
 * that halves with every zoom level, with their count and centre) when zoomed out.
 */
export async function staffIncidents(db: DbOrTx, f: IncidentFilter & { bbox?: [number, number, number, number] | undefined; zoom: number }) {
  const dataset = await datasetOrThrow(db, f.dataset);
  const where = [filterSql(f, dataset.timeZone)];
  // ST_Intersects, not &&: the index's boxes are single precision, so && alone lets in points up to a metre outside.
  if (f.bbox) where.push(sql`ST_Intersects(i.location, ST_MakeEnvelope(${f.bbox[0]}, ${f.bbox[1]}, ${f.bbox[2]}, ${f.bbox[3]}, 4326))`);
  const condition = sql.join(where, sql` and `);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from incidents i where ${condition}`)) as [{ n: number }];
  if (f.zoom >= 15 || n <= 2000) {
    const rows = await queryRows<{ id: number; lon: number; lat: number; line_code: string | null; source_category: string; occurred_at: string; time_known: boolean }>(
      db,
      sql`select i.id, ST_X(i.location) as lon, ST_Y(i.location) as lat, i.line_code, i.source_category, i.occurred_at, i.time_known
          from incidents i where ${condition} order by i.occurred_at desc limit ${MAX_POINTS}`,
    );
    return {
      total: n,
      clustered: false,
      truncated: n > MAX_POINTS,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [Number(r.lon), Number(r.lat)] },
        properties: { id: Number(r.id), count: 1, line: r.line_code, category: r.source_category, at: new Date(r.occurred_at).toISOString(), timeKnown: r.time_known },
      })),
    };
  }
  const size = 360 / 2 ** (f.zoom + 6); // about 1/64 of a tile
  const rows = await queryRows<{ lon: number; lat: number; n: number }>(
    db,
    sql`select avg(ST_X(i.location)) as lon, avg(ST_Y(i.location)) as lat, count(*)::int as n
        from incidents i where ${condition}
        group by ST_SnapToGrid(i.location, ${size}) limit 20000`,
  );
  return {
    total: n,
    clustered: true,
    truncated: false,
    features: rows.map((r) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [Number(r.lon), Number(r.lat)] }, properties: { id: null, count: r.n, line: null, category: null, at: null, timeKnown: null } })),
  };
}

/**
 * CompStat: incidents per district and line in two periods, the change and its share. The district
 * is the city's district containing the point (or the source's own name for foreign datasets).
 */
export async function compstat(db: DbOrTx, q: { dataset: string; lines: string[]; from1: string; to1: string; from2: string; to2: string }) {
  const dataset = await datasetOrThrow(db, q.dataset);
  const base = { dataset: q.dataset, lines: q.lines, hours: [], weekdays: [], period: 'all' as const };
  const w1 = filterSql({ ...base, from: q.from1, to: q.to1 }, dataset.timeZone);
  const w2 = filterSql({ ...base, from: q.from2, to: q.to2 }, dataset.timeZone);
  const rows = await queryRows<{ area: string | null; line_code: string | null; n1: number; n2: number }>(
    db,
    sql`select coalesce(d.id, i.source_district) as area, i.line_code,
          count(*) filter (where ${w1})::int as n1, count(*) filter (where ${w2})::int as n2
        from incidents i left join ${districts} d on ST_Intersects(d.geom, i.location)
        where i.dataset_id = ${q.dataset} and ((${w1}) or (${w2}))
        group by 1, 2 order by 1, 2`,
  );
  const names = new Map((await db.select({ id: districts.id, name: districts.name }).from(districts)).map((d) => [d.id, d.name]));
  return rows.map((r) => ({
    area: r.area,
    areaName: r.area ? (names.get(r.area) ?? { ru: r.area, kk: r.area, en: r.area }) : null,
    line: r.line_code,
    period1: r.n1,
    period2: r.n2,
    change: r.n2 - r.n1,
    changePercent: r.n1 > 0 ? Math.round(((r.n2 - r.n1) / r.n1) * 1000) / 10 : null,
  }));
}

// ---- Forecasts and backtests ----------------------------------------------------------------

interface LoadedEvents {
  grid: GridSpec;
  cells: Int32Array;
  times: Float64Array;
  /** Days of the first and last incident. */
  first: number;
  last: number;
}

/** Loads a dataset's incidents (optionally some lines) onto a grid in the UTM zone of their centre. */
async function loadEvents(db: DbOrTx, datasetId: string, lines: string[], cellSize: number, report?: (f: number, stage: string, params?: Record<string, number>) => void): Promise<LoadedEvents> {
  report?.(0.01, 'readingIncidents');
  const [centre] = await queryRows<{ lon: number | null; lat: number | null }>(db, sql`select avg(ST_X(location)) as lon, avg(ST_Y(location)) as lat from incidents where dataset_id = ${datasetId}`);
  if (centre?.lon === null || centre?.lon === undefined) throw new AppError('unprocessable', `dataset '${datasetId}' has no incidents yet`, 'dataset');
  const crs = utmCrsFor(Number(centre.lon), Number(centre.lat));
  const lineFilter = lines.length > 0 ? sql`and line_code = any(${sql.param(lines)}::text[])` : sql``;
  // The grid is anchored on all of the dataset's incidents, so forecasts of different lines share cells.
  const all = await queryRows<{ x: number; y: number; t: number; pick: boolean }>(
    db,
    sql`select ST_X(location) as x, ST_Y(location) as y, extract(epoch from occurred_at) / 86400 as t, (true ${lineFilter}) as pick
        from incidents where dataset_id = ${datasetId}`,
  );
  report?.(0.2, 'projecting', { incidents: all.length });
  const { forward } = projector(crs);
  const xs = new Float64Array(all.length);
  const ys = new Float64Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const [x, y] = forward(Number(all[i]!.x), Number(all[i]!.y));
    xs[i] = x;
    ys[i] = y;
  }
  const grid = gridAround(crs, xs, ys, cellSize);
  const allCells = cellIndices(grid, xs, ys);
  const picked: number[] = [];
  for (let i = 0; i < all.length; i++) if (all[i]!.pick) picked.push(i);
  const cells = new Int32Array(picked.length);
  const times = new Float64Array(picked.length);
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k]!;
    cells[k] = allCells[i]!;
    times[k] = Number(all[i]!.t);
    first = Math.min(first, times[k]!);
    last = Math.max(last, times[k]!);
  }
  return { grid, cells, times, first, last };
}

export async function startForecast(
  db: Db,
  actor: AuditActor,
  body: { dataset: string; lines: string[]; method: ForecastMethod; params: MethodParams; origin?: string | undefined; horizonDays: number; lookbackDays?: number | undefined; cellSize: number },
) {
  await datasetOrThrow(db, body.dataset);
  await checkLines(db, body.lines);
  const [row] = await db
    .insert(forecastRuns)
    .values({ datasetId: body.dataset, method: body.method, params: body.params, lines: body.lines, origin: body.origin ? new Date(body.origin) : new Date(), horizonDays: body.horizonDays, lookbackDays: body.lookbackDays ?? null, createdBy: actor.userId })
    .returning();
  const run = row!;
  const task = await startTask(
    db,
    { kind: 'crime.forecast', input: { runId: run.id, ...body }, createdBy: actor.userId },
    async (context) => {
      await db.update(forecastRuns).set({ status: 'running' }).where(eq(forecastRuns.id, run.id));
      const events = await loadEvents(db, body.dataset, body.lines, body.cellSize, (f, s, p) => context.report(f * 0.4, s, p));
      // Without an explicit origin, forecast from now — or from just after the last incident of a past dataset.
      const origin = body.origin ? Date.parse(body.origin) / DAY_MS : Math.min(Date.now() / DAY_MS, events.last + 1 / 1440);
      const input = { grid: events.grid, events, origin, horizon: body.horizonDays, ...(body.lookbackDays ? { lookback: body.lookbackDays } : {}) };
      context.report(0.45, 'forecasting', { method: body.method, incidents: events.cells.length });
      const { scores, fit } = await computeForecast(body.method, input, body.params, (f, s, p) => context.report(0.45 + 0.45 * f, s, p));
      const land = landCells(events, -Infinity, Infinity);
      const ranked = rankCells(scores, land);
      const used = Array.from(events.times).filter((t) => t < origin && (body.lookbackDays === undefined || t >= origin - body.lookbackDays)).length;
      context.report(0.92, 'savingCells');
      await db.transaction(async (tx) => {
        const keep = Array.from(ranked).filter((c) => scores[c]! > 0);
        for (let i = 0; i < keep.length; i += 5000) {
          const slice = keep.slice(i, i + 5000);
          await tx.execute(sql`insert into forecast_cells (run_id, cell, score, rank)
            select ${run.id}::uuid, c, s, r from unnest(${sql.param(slice)}::int[], ${sql.param(slice.map((c) => scores[c]!))}::float8[], ${sql.param(slice.map((_, k) => i + k + 1))}::int[]) as u(c, s, r)`);
        }
        await tx.update(forecastRuns).set({ status: 'done', grid: events.grid, fit, incidentsUsed: used, origin: new Date(origin * DAY_MS) }).where(eq(forecastRuns.id, run.id));
      });
      return { runId: run.id, landCells: land.length, incidentsUsed: used };
    },
    { onFailed: async () => void (await db.update(forecastRuns).set({ status: 'failed' }).where(eq(forecastRuns.id, run.id))) },
  );
  await db.update(forecastRuns).set({ taskId: task.id }).where(eq(forecastRuns.id, run.id));
  return { id: run.id, task: await getTask(db, task.id) };
}

async function checkLines(db: DbOrTx, lines: string[]) {
  if (lines.length === 0) return;
  const known = new Set((await db.select({ code: crimeLines.code }).from(crimeLines)).map((r) => r.code));
  const unknown = lines.filter((l) => !known.has(l));
  if (unknown.length > 0) throw invalid('lines', `unknown line(s): ${unknown.join(', ')}`);
}

export async function listForecasts(db: DbOrTx, datasetId?: string) {
  const rows = await db
    .select()
    .from(forecastRuns)
    .where(datasetId ? eq(forecastRuns.datasetId, datasetId) : undefined)
    .orderBy(desc(forecastRuns.createdAt))
    .limit(50);
  return rows.map(forecastSummary);
}

function forecastSummary(r: typeof forecastRuns.$inferSelect) {
  return {
    id: r.id,
    datasetId: r.datasetId,
    method: r.method,
    params: r.params,
    lines: r.lines,
    origin: r.origin.toISOString(),
    horizonDays: r.horizonDays,
    lookbackDays: r.lookbackDays,
    cellSize: r.grid?.size ?? null,
    fit: r.fit ?? null,
    incidentsUsed: r.incidentsUsed,
    status: r.status,
    taskId: r.taskId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A forecast with its top cells as GeoJSON polygons (default the top 5 % of cells with any risk, at most 2 000). */
export async function forecastDetail(db: Db, id: string, top = 300) {
  const [run] = await db.select().from(forecastRuns).where(eq(forecastRuns.id, id));
  if (!run) throw notFound(`forecast ${id}`);
  const task = run.taskId ? await getTask(db, run.taskId) : null;
  if (run.status !== 'done' || !run.grid) return { ...forecastSummary(run), task, cells: { type: 'FeatureCollection' as const, features: [] } };
  const rows = await db.select().from(forecastCells).where(and(eq(forecastCells.runId, id), sql`${forecastCells.rank} <= ${Math.min(2000, top)}`)).orderBy(forecastCells.rank);
  return { ...forecastSummary(run), task, cells: cellsGeoJson(run.grid, rows) };
}

export function cellsGeoJson(grid: GridSpec, rows: { cell: number; score: number; rank: number }[]) {
  const { inverse } = projector(grid.crs);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      properties: { cell: r.cell, score: r.score, rank: r.rank },
      geometry: { type: 'Polygon' as const, coordinates: [cellPolygon(grid, r.cell, inverse)] },
    })),
  };
}

export async function startBacktest(
  db: Db,
  actor: AuditActor,
  body: { dataset: string; lines: string[]; start: string; end: string; horizonDays: number; lookbackDays?: number | undefined; cellSize: number; methods: { method: ForecastMethod; params: MethodParams }[] },
) {
  const dataset = await datasetOrThrow(db, body.dataset);
  await checkLines(db, body.lines);
  if (body.end <= body.start) throw invalid('end', 'the test period must end after it starts');
  const [row] = await db.insert(backtests).values({ datasetId: body.dataset, params: body, createdBy: actor.userId }).returning();
  const record = row!;
  const task = await startTask(
    db,
    { kind: 'crime.backtest', input: { backtestId: record.id, ...body }, createdBy: actor.userId },
    async (context) => {
      await db.update(backtests).set({ status: 'running' }).where(eq(backtests.id, record.id));
      const events = await loadEvents(db, body.dataset, body.lines, body.cellSize, (f, s, p) => context.report(f * 0.2, s, p));
      const [startMs] = await queryRows<{ s: string; e: string }>(db, sql`select extract(epoch from (${body.start}::date)::timestamp at time zone ${dataset.timeZone}) as s, extract(epoch from (${body.end}::date)::timestamp at time zone ${dataset.timeZone}) as e`);
      const start = Number(startMs!.s) / 86400;
      const end = Number(startMs!.e) / 86400;
      if (!(events.first < start)) throw new AppError('unprocessable', `there are no incidents before ${body.start} to learn from`, 'start');
      // Land: cells with any incident from the first one to the end of the test period.
      const result: BacktestResult = await computeBacktest(
        { grid: events.grid, events, start, end, horizon: body.horizonDays, ...(body.lookbackDays ? { lookback: body.lookbackDays } : {}), methods: body.methods, landFrom: events.first },
        (fraction, stage, params) => context.report(0.2 + 0.78 * fraction, stage, params),
      );
      const stored = { ...result, cellSize: body.cellSize, areaRule: 'cells holding at least one incident from the first incident to the end of the test period' };
      await db.update(backtests).set({ status: 'done', result: stored }).where(eq(backtests.id, record.id));
      return { backtestId: record.id };
    },
    { onFailed: async () => void (await db.update(backtests).set({ status: 'failed' }).where(eq(backtests.id, record.id))) },
  );
  await db.update(backtests).set({ taskId: task.id }).where(eq(backtests.id, record.id));
  return { id: record.id, task: await getTask(db, task.id) };
}

export async function getBacktest(db: Db, id: string) {
  const [row] = await db.select().from(backtests).where(eq(backtests.id, id));
  if (!row) throw notFound(`backtest ${id}`);
  return { id: row.id, datasetId: row.datasetId, params: row.params, result: row.result ?? null, status: row.status, createdAt: row.createdAt.toISOString(), task: row.taskId ? await getTask(db, row.taskId) : null };
}

export async function listBacktests(db: DbOrTx, datasetId?: string) {
  const rows = await db
    .select()
    .from(backtests)
    .where(datasetId ? eq(backtests.datasetId, datasetId) : undefined)
    .orderBy(desc(backtests.createdAt))
    .limit(50);
  return rows.map((row) => ({ id: row.id, datasetId: row.datasetId, params: row.params, result: row.result ?? null, status: row.status, createdAt: row.createdAt.toISOString(), task: null }));
}

export async function listMethodChoices(db: DbOrTx, datasetId: string) {
  const rows = await db.select().from(forecastMethodChoices).where(eq(forecastMethodChoices.datasetId, datasetId));
  return rows.map((r) => ({ datasetId: r.datasetId, line: r.lineCode, method: r.method, params: r.params, backtestId: r.backtestId, chosenAt: r.chosenAt.toISOString() }));
}

/** The analyst's choice of method for a line, with the backtest that is its evidence. Audited. */
export async function chooseMethod(db: Db, actor: AuditActor, datasetId: string, line: string, body: { method: ForecastMethod; params: MethodParams; backtestId: string | null }) {
  await datasetOrThrow(db, datasetId);
  if (line !== '*') await checkLines(db, [line]);
  if (body.backtestId) {
    const [bt] = await db.select({ id: backtests.id, datasetId: backtests.datasetId }).from(backtests).where(eq(backtests.id, body.backtestId));
    if (!bt || bt.datasetId !== datasetId) throw invalid('backtestId', `backtest ${body.backtestId} is not one of dataset '${datasetId}'`);
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(forecastMethodChoices).where(and(eq(forecastMethodChoices.datasetId, datasetId), eq(forecastMethodChoices.lineCode, line)));
    const values = { datasetId, lineCode: line, method: body.method, params: body.params, backtestId: body.backtestId, chosenBy: actor.userId, chosenAt: new Date() };
    await tx.insert(forecastMethodChoices).values(values).onConflictDoUpdate({ target: [forecastMethodChoices.datasetId, forecastMethodChoices.lineCode], set: values });
    await recordAudit(tx, actor, { action: 'update', entity: 'forecast_method_choice', entityId: `${datasetId}:${line}`, before: before ? { method: before.method, params: before.params, backtestId: before.backtestId } : null, after: { method: body.method, params: body.params, backtestId: body.backtestId } });
  });
  return listMethodChoices(db, datasetId);
}

// ---- The public map -------------------------------------------------------------------------

let publicVersion = 0;
const publicCache = new Map<string, { version: number; at: number; value: unknown }>();
const PUBLIC_TTL_MS = 60_000;

export function invalidatePublicMap(): void {
  publicVersion++;
  publicCache.clear();
}

async function cachedPublic<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = publicCache.get(key);
  if (hit && hit.version === publicVersion && Date.now() - hit.at < PUBLIC_TTL_MS) return hit.value as T;
  const value = await compute();
  if (publicCache.size > 500) publicCache.clear();
  publicCache.set(key, { version: publicVersion, at: Date.now(), value });
  return value;
}

function monthWindow(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** Months that have incidents in public datasets, newest first, and whether the data is synthetic. */
export async function publicMonths(db: DbOrTx) {
  return cachedPublic('months', async () => {
    const rows = await queryRows<{ month: string; synthetic: boolean; n: number }>(
      db,
      sql`select to_char(i.occurred_at at time zone d.time_zone, 'YYYY-MM') as month, bool_or(d.synthetic) as synthetic, count(*)::int as n
          from incidents i join crime_datasets d on d.id = i.dataset_id where d.public group by 1 order by 1 desc limit 120`,
    );
    return { k: publicK, months: rows.map((r) => ({ month: r.month, synthetic: r.synthetic, incidents: r.n })) };
  });
}

/**
 * Counts on H3 hexagons for one month (and line), never a cell under k. Lines against the person are
 * not on this map at all: they show only per district.
 */
export async function publicHexagons(db: DbOrTx, month: string, line?: string) {
  if (line) {
    const [l] = await db.select().from(crimeLines).where(eq(crimeLines.code, line));
    if (!l) throw invalid('line', `unknown line '${line}'`);
    if (l.againstPerson) throw new AppError('validation', `crimes against the person ('${line}') are shown by district only`, 'line');
  }
  return cachedPublic(`hex|${month}|${line ?? ''}`, async () => {
    const { from, to } = monthWindow(month);
    const rows = await queryRows<{ lon: number; lat: number; synthetic: boolean }>(
      db,
      sql`select ST_X(i.location) as lon, ST_Y(i.location) as lat, d.synthetic
          from incidents i join crime_datasets d on d.id = i.dataset_id join crime_lines l on l.code = i.line_code
          where d.public and not l.against_person
            and i.occurred_at >= (${from}::date)::timestamp at time zone d.time_zone and i.occurred_at < (${to}::date)::timestamp at time zone d.time_zone
            ${line ? sql`and i.line_code = ${line}` : sql``}`,
    );
    const aggregate = aggregateHexagons(
      rows.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat) })),
      { k: publicK },
    );
    return {
      month,
      line: line ?? null,
      k: publicK,
      synthetic: rows.some((r) => r.synthetic),
      total: aggregate.total,
      notShown: aggregate.notShown,
      type: 'FeatureCollection' as const,
      features: aggregate.cells.map(hexFeature),
    };
  });
}

/** Incidents per city district for a month (all lines, those against the person included), under-k counts withheld. */
export async function publicDistricts(db: DbOrTx, month: string, line?: string) {
  if (line) {
    const [l] = await db.select().from(crimeLines).where(eq(crimeLines.code, line));
    if (!l) throw invalid('line', `unknown line '${line}'`);
  }
  return cachedPublic(`districts|${month}|${line ?? ''}`, async () => {
    const { from, to } = monthWindow(month);
    const rows = await queryRows<{ id: string; n: number }>(
      db,
      sql`select dist.id, count(i.id)::int as n
          from ${districts} dist
          left join (incidents i join crime_datasets d on d.id = i.dataset_id and d.public)
            on ST_Intersects(dist.geom, i.location)
            and i.occurred_at >= (${from}::date)::timestamp at time zone d.time_zone and i.occurred_at < (${to}::date)::timestamp at time zone d.time_zone
            ${line ? sql`and i.line_code = ${line}` : sql``}
          group by dist.id order by dist.id`,
    );
    const names = new Map((await db.select({ id: districts.id, name: districts.name }).from(districts)).map((d) => [d.id, d.name]));
    return {
      month,
      line: line ?? null,
      k: publicK,
      districts: rows.map((r) => ({ id: r.id, name: names.get(r.id)!, count: r.n === 0 || r.n >= publicK ? r.n : null, belowK: r.n > 0 && r.n < publicK })),
    };
  });
}
