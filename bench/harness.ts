/**
 * The shared benchmark harness: one endpoint of the app measured against a bare Fastify route that
 * sends the very same body from the same process, so the ratio shows what the app itself costs.
 *
 * Environment:
 *   BENCH_DURATION  seconds of each measured run (default 10)
 *   BENCH_WARMUP    seconds of each warm-up run (default 2)
 *   BENCH_WORKERS   autocannon worker threads (default 1; 0 = drive load from the main thread)
 *   DATABASE_URL    use PostgreSQL (+PostGIS): a fresh database is created and dropped around
 *                   the run; otherwise embedded PGlite in a fresh temporary data directory.
 *
 * Both servers share this process's main thread. The load generator runs in a worker thread so
 * that it does not compete with them for the event loop; process RSS therefore includes it.
 * Results are printed and written to bench/results/<name>.json. Exit code 1 only if a run had
 * errors, timeouts or non-2xx responses; a ratio below the goal is reported, not fatal.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app.js';
import { loadDemoData } from '../server/src/demo/demo.service.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase, type Database } from '../server/src/platform/db/db.js';
import { adminQuery, databaseUrlFor, randomDbName } from '../server/src/test-support/test-database.js';

const HOST = '127.0.0.1';
const CONNECTIONS = 20;
const GOAL_RATIO = 0.5;
const RSS_SAMPLE_MS = 100;
const MIB = 1024 * 1024;


function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

const durationS = envNumber('BENCH_DURATION', 10, 1);
const warmupS = envNumber('BENCH_WARMUP', 2, 0);
const workers = Math.floor(envNumber('BENCH_WORKERS', 1, 0));

// ---- database -------------------------------------------------------------------------------

interface BenchDatabase {
  database: Database;
  describe: string;
  /** What the app's configuration would name: the fresh database's URL or the temporary data dir. */
  env: { DATABASE_URL?: string; DATA_DIR?: string };
  /** Closes the connection and removes the temporary data dir / drops the database. */
  dispose(): Promise<void>;
}

const quietLog = { info: () => undefined };

async function openBenchDatabase(prepare: (db: Database['db']) => Promise<void>): Promise<BenchDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const name = randomDbName('openbeat_bench');
    await adminQuery(baseUrl, `create database ${name}`);
    let database: Database | undefined;
    const drop = async () => {
      await database?.close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    };
    try {
      database = await openDatabase({ databaseUrl: databaseUrlFor(baseUrl, name) });
      await database.migrate();
      await loadDemoData(database.db, quietLog);
      await prepare(database.db);
    } catch (error) {
      await drop().catch(() => undefined);
      throw error;
    }
    return { database, describe: `postgres (database ${name})`, env: { DATABASE_URL: databaseUrlFor(baseUrl, name) }, dispose: drop };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-bench-'));
  let database: Database | undefined;
  const remove = async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    database = await openDatabase({ dataDir });
    await database.migrate();
    await loadDemoData(database.db, quietLog);
    await prepare(database.db);
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  }
  return { database, describe: `pglite (${dataDir})`, env: { DATA_DIR: dataDir }, dispose: remove };
}

// ---- measurement ----------------------------------------------------------------------------

async function listenLocal(app: FastifyInstance, route: string): Promise<string> {
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://${HOST}:${port}${route}`;
}

function failures(result: Result): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** What each request sends: the route's paths in turn (e.g. many points), and for a POST its body. */
interface RequestShape {
  paths: string[];
  method: 'GET' | 'POST';
  body?: string;
  contentType?: string;
}

function fire(url: string, duration: number, title: string, shape?: RequestShape): Promise<Result> {
  const origin = new URL(url).origin;
  const requests =
    shape && (shape.paths.length > 1 || shape.method !== 'GET')
      ? shape.paths.map((p) => ({
          method: shape.method,
          path: p,
          ...(shape.body !== undefined ? { body: shape.body, headers: { 'content-type': shape.contentType ?? 'application/json' } } : {}),
        }))
      : undefined;
  return Promise.resolve(
    autocannon({ url: requests ? origin : url, title, connections: CONNECTIONS, duration, ...(requests ? { requests } : {}), ...(workers > 0 ? { workers } : {}) }),
  );
}

interface Measured {
  url: string;
  warmup: Result | null;
  run: Result;
}

async function measure(url: string, label: string, shape?: RequestShape): Promise<Measured> {
  process.stderr.write(`  ${label}: warm-up ${warmupS}s, run ${durationS}s …\n`);
  const warmup = warmupS > 0 ? await fire(url, warmupS, `${label} warm-up`, shape) : null;
  const run = await fire(url, durationS, label, shape);
  return { url, warmup, run };
}

/** Samples this process's RSS while `work` runs and returns the peak in bytes. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  try {
    const value = await work();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { value, peakRss };
  } finally {
    clearInterval(timer);
  }
}

// ---- report ---------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function summary(m: Measured) {
  const { run, warmup } = m;
  return {
    url: m.url,
    requestsPerSecAvg: run.requests.average,
    requestsTotal: run.requests.total,
    latencyMs: { p50: run.latency.p50, p99: run.latency.p99, avg: run.latency.average, max: run.latency.max },
    throughputBytesPerSecAvg: run.throughput.average,
    errors: run.errors,
    timeouts: run.timeouts,
    non2xx: run.non2xx,
    statusCodes: Object.fromEntries(Object.entries(run.statusCodeStats).map(([code, s]) => [code, s.count])),
    warmup: warmup ? { requestsPerSecAvg: warmup.requests.average, errors: warmup.errors, timeouts: warmup.timeouts, non2xx: warmup.non2xx } : null,
  };
}

function printTable(header: string[], ...body: string[][]): void {
  const rows = [header, ...body];
  const widths = header.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  for (const [i, row] of rows.entries()) {
    const line = row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('   ');
    console.log(`  ${line}`);
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  }
}

// ---- main -----------------------------------------------------------------------------------

export interface BenchmarkSpec {
  /** Names the results file, bench/results/<name>.json. */
  name: string;
  /** The app's route under test (a GET unless `post` is given). */
  route: string;
  /** Several paths of the route to request in turn (e.g. points spread over the city); default [route]. */
  paths?: string[];
  /** POST this JSON body instead of a GET; the reference route answers the captured body with the same status. */
  post?: { body: string };
  /** Extra configuration for the app (e.g. a rate limit a benchmark must not hit). */
  env?: Record<string, string>;
  /** Extra data to load after the demo data (e.g. the size the benchmark calls for). */
  prepare?: (db: Database['db']) => Promise<void>;
  /** What the data is, for the printed header. */
  describeData?: string;
}

async function run(spec: BenchmarkSpec): Promise<number> {
  const ROUTE = spec.route;
  const resultsFile = fileURLToPath(new URL(`./results/${spec.name}.json`, import.meta.url));
  const rssBeforeSetup = process.memoryUsage().rss;
  const bench = await openBenchDatabase(spec.prepare ?? (async () => undefined));
  let app: FastifyInstance | undefined;
  let reference: FastifyInstance | undefined;
  try {
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', HOST, PORT: '0', ...bench.env, ...spec.env });
    app = await buildApp({ config, database: bench.database, serveWeb: false, logger: false });
    const appUrl = await listenLocal(app, ROUTE);
    const method = spec.post ? 'POST' : 'GET';
    const shape: RequestShape = { paths: spec.paths ?? [ROUTE], method, ...(spec.post ? { body: spec.post.body, contentType: 'application/json' } : {}) };
    const send = (url: string) => fetch(url, spec.post ? { method: 'POST', body: spec.post.body, headers: { 'content-type': 'application/json' } } : {});

    // The reference sends the very body the app returns, captured once (a POST's reference also parses the JSON it is sent).
    const probe = await send(new URL(shape.paths[0]!, appUrl).toString());
    const body = await probe.text();
    if (probe.status >= 300) throw new Error(`${appUrl} answered ${probe.status}: ${body.slice(0, 200)}`);
    const status = probe.status;
    const bodyBytes = Buffer.byteLength(body);

    reference = Fastify({ logger: false });
    const routePattern = ROUTE.split('?')[0]!;
    if (spec.post) reference.post(routePattern, (_request, reply) => reply.code(status).type('application/json').send(body));
    else reference.get(routePattern, (_request, reply) => reply.type('application/json').send(body));
    const referenceUrl = await listenLocal(reference, ROUTE);
    const check = await send(referenceUrl);
    if (check.status !== status || (await check.text()) !== body) throw new Error('reference route does not return the captured body');

    process.stderr.write(`openbeat bench: ${ROUTE}${spec.describeData ? ` (${spec.describeData})` : ''}, ${bodyBytes} B body, ${CONNECTIONS} connections, ${bench.describe}, node ${process.version}\n`);
    const rssIdle = process.memoryUsage().rss;
    const { value: appRun, peakRss } = await withPeakRss(() => measure(appUrl, 'app', shape));
    const refRun = await measure(referenceUrl, 'reference', shape);

    const a = summary(appRun);
    const r = summary(refRun);
    const ratio = r.requestsPerSecAvg > 0 ? a.requestsPerSecAvg / r.requestsPerSecAvg : 0;
    const verdict = ratio >= GOAL_RATIO ? 'PASS' : 'BELOW GOAL';
    const failed = [appRun, refRun].flatMap((m) => [m.warmup, m.run]).filter((x): x is Result => x !== null).some((x) => failures(x) > 0);

    console.log(`\n${method} ${ROUTE}${shape.paths.length > 1 ? ` (${shape.paths.length} different paths in turn)` : ''} — ${durationS}s measured after ${warmupS}s warm-up, ${CONNECTIONS} connections, body ${fmt(bodyBytes)} B, ${bench.database.driver}\n`);
    printTable(
      ['', 'req/s (avg)', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'],
      ['app', fmt(a.requestsPerSecAvg), fmt(a.latencyMs.p50, 1), fmt(a.latencyMs.p99, 1), fmt(a.errors + a.timeouts), fmt(a.non2xx)],
      ['reference (bare fastify)', fmt(r.requestsPerSecAvg), fmt(r.latencyMs.p50, 1), fmt(r.latencyMs.p99, 1), fmt(r.errors + r.timeouts), fmt(r.non2xx)],
    );
    console.log(`\n  rps ratio app/reference: ${ratio.toFixed(3)}   goal ≥ ${GOAL_RATIO}   ${verdict}`);
    console.log(`  peak RSS during app run: ${fmt(peakRss / MIB, 1)} MiB (process, incl. load generator; idle before run ${fmt(rssIdle / MIB, 1)} MiB, before setup ${fmt(rssBeforeSetup / MIB, 1)} MiB)`);
    if (failed) console.log('  FAILED: a run had errors, timeouts or non-2xx responses');

    const report = {
      benchmark: spec.name,
      data: spec.describeData ?? null,
      route: ROUTE,
      at: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      driver: bench.database.driver,
      connections: CONNECTIONS,
      warmupSeconds: warmupS,
      durationSeconds: durationS,
      loadGeneratorWorkers: workers,
      bodyBytes,
      app: a,
      reference: r,
      ratio,
      goalRatio: GOAL_RATIO,
      verdict,
      peakRssMiB: peakRss / MIB,
      idleRssMiB: rssIdle / MIB,
      failed,
    };
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`  results: ${path.relative(process.cwd(), resultsFile) || resultsFile}\n`);
    return failed ? 1 : 0;
  } finally {
    await reference?.close();
    await app?.close();
    await bench.dispose();
  }
}

/** Runs one benchmark; the exit code is set through process.exitCode so the process ends by itself. */
export async function runBenchmark(spec: BenchmarkSpec): Promise<void> {
  try {
    process.exitCode = Math.max(Number(process.exitCode ?? 0), await run(spec));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
