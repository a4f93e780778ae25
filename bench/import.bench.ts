/**
 * Incident import rate: a CSV of 1 M synthetic rows (time in parts, category, X/Y in UTM 43N, district,
 * id) streamed through the import — parse, project, check, write in batches, all in one transaction —
 * against the database's own bulk insert of as many rows into the same table with the same indexes
 * (INSERT … SELECT from generate_series: no parsing, no client), in the same run. Goals on PostgreSQL:
 * ≥ 50 000 rows/s with peak RSS ≤ 1 GiB (streamed, never loaded whole).
 *
 *   DATABASE_URL=postgres://… node --expose-gc --import tsx import.bench.ts   (from bench/)
 *   BENCH_ROWS=200000 … for a quicker run
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { runIncidentImport } from '../server/src/crime/crime.import.js';
import type { ImportMapping } from '../server/src/crime/crime.tables.js';
import { openDatabase, type Database } from '../server/src/platform/db/db.js';
import { mulberry32 } from '../server/src/platform/random.js';
import { adminQuery, databaseUrlFor, randomDbName } from '../server/src/test-support/test-database.js';
import { runComputeBenchmark } from './compute-harness.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const categories = ['Кража', 'Квартирная кража', 'Кража из автомобиля', 'Мошенничество', 'Хулиганство', 'Грабёж', 'Вандализм', 'ДТП с пострадавшими'];

function writeCsv(file: string): void {
  const random = mulberry32(7);
  const out = fs.openSync(file, 'w');
  let buffer = 'ID,YEAR,MONTH,DAY,HOUR,MINUTE,TYPE,DISTRICT,X,Y\n';
  for (let i = 1; i <= ROWS; i++) {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const x = (620_000 + random() * 30_000).toFixed(2);
    const y = (4_775_000 + random() * 30_000).toFixed(2);
    buffer += `R${i},${2020 + Math.floor(random() * 3)},${month},${day},${Math.floor(random() * 24)},${Math.floor(random() * 60)},${categories[i % categories.length]},D${i % 8},${x},${y}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

const mapping: ImportMapping = {
  format: 'csv',
  time: { kind: 'parts', year: 'YEAR', month: 'MONTH', day: 'DAY', hour: 'HOUR', minute: 'MINUTE' },
  category: 'TYPE',
  place: { kind: 'xy', x: 'X', y: 'Y', crs: 'EPSG:32643' },
  externalId: 'ID',
  district: 'DISTRICT',
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-import-bench-'));
const csv = path.join(tmp, 'incidents.csv');
process.stderr.write(`  writing ${ROWS} rows …\n`);
writeCsv(csv);
const bytes = fs.statSync(csv).size;

const baseUrl = process.env.DATABASE_URL;
const dbName = randomDbName('openbeat_bench');
let database: Database;
if (baseUrl) {
  await adminQuery(baseUrl, `create database ${dbName}`);
  database = await openDatabase({ databaseUrl: databaseUrlFor(baseUrl, dbName) });
} else database = await openDatabase({ dataDir: path.join(tmp, 'pglite') });
try {
  await database.migrate();
  const db = database.db;
  await db.execute(sql`insert into crime_datasets (id, name) values ('bench', 'bench'), ('reference', 'reference')`);
  const reset = async () => {
    await db.execute(sql`delete from incidents`);
    await db.execute(sql`delete from crime_category_map`);
    if (baseUrl) await db.execute(sql`vacuum analyze incidents`);
  };
  let imported = 0;
  await runComputeBenchmark(
    'import',
    `${(ROWS / 1e6).toFixed(2)} M CSV rows (${(bytes / 1024 / 1024).toFixed(0)} MiB) into ${baseUrl ? 'PostgreSQL' : 'PGlite'}`,
    [
      {
        label: `import of ${ROWS.toLocaleString('en-US')} rows`,
        items: ROWS,
        itemsName: 'rows',
        ours: async () => {
          await reset();
          const counts = await db.transaction((tx) => runIncidentImport(tx, { filePath: csv, fileBytes: bytes, datasetId: 'bench', importId: '00000000-0000-0000-0000-000000000001', mapping, timeZone: 'Asia/Almaty' }, () => undefined));
          imported = counts.inserted;
        },
        reference: {
          label: 'INSERT … SELECT of as many rows by the database alone',
          run: async () => {
            await reset();
            await db.execute(sql`
              insert into incidents (dataset_id, external_id, source_category, occurred_at, time_known, location, source_district)
              select 'reference', 'R' || g, 'Кража', timestamptz '2020-01-01' + g * interval '1 minute', true,
                ST_SetSRID(ST_MakePoint(76.8 + (g % 1000) * 0.0003, 43.15 + (g / 1000 % 1000) * 0.0003), 4326), 'D' || (g % 8)
              from generate_series(1, ${ROWS}) g`);
          },
        },
        goal: baseUrl ? { perSecond: 50_000, peakRssMiB: 1024 } : { peakRssMiB: 1024 },
      },
    ],
    { repeat: 1 },
  );
  if (imported !== ROWS) {
    console.error(`imported ${imported} of ${ROWS} rows`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  if (baseUrl) await adminQuery(baseUrl, `drop database if exists ${dbName} with (force)`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
