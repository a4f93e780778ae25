#!/usr/bin/env node
// The openbeat command line: serve | worker | migrate | demo | import-report FILE [--period 2021-Q1] [--dry-run] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from './app.js';
import { createDemoAccounts, DEMO_PERIOD, isDemoLoaded, loadDemoData } from './demo/demo.service.js';
import { confirmImport, importItemFromParsed, importReportFile, isReportImportError, PERIOD_CODE_PATTERN } from './oversight/index.js';
import { systemActor } from './platform/audit/audit.service.js';
import { ensureFirstAdmin } from './platform/auth/users.service.js';
import { ConfigError, loadConfig, type AppConfig } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/db.js';
import { issueApiKey } from './appeals/index.js';
import { PhotoStore } from './platform/images/photos.js';
import { closeProviders, createProviders } from './platform/notify/providers.js';
import { MessageSender } from './platform/notify/sender.js';
import { failInterruptedTasks, settleTasks } from './platform/tasks/tasks.service.js';
import { closeComputePools } from './platform/workers/compute-pool.js';
import { sweepUploads } from './crime/index.js';
import { publishTowFigures } from './towing/index.js';

// Logs go to stderr so that stdout carries only machine-readable output (e.g. --json).
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));

const lockFile = (config: AppConfig) => path.join(config.dataDir, 'openbeat.pid');
/** The embedded database lives in its own folder inside DATA_DIR, next to our lock file. */
const embeddedDir = (config: AppConfig) => path.join(config.dataDir, 'pglite');

async function open(config: AppConfig): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: embeddedDir(config) });
  log.info({ driver: database.driver, dataDir: database.driver === 'pglite' ? embeddedDir(config) : undefined }, 'database opened');
  return database;
}

/** The embedded database takes one process at a time; refuse to open it under a running server. */
function assertEmbeddedFree(config: AppConfig): void {
  if (config.DATABASE_URL) return;
  const file = lockFile(config);
  if (!fs.existsSync(file)) return;
  const pid = Number(fs.readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock
  }
  throw new ConfigError(`The embedded database in ${config.dataDir} is in use by the server (pid ${pid}). Stop it first, or import through the web app.`);
}

async function prepare(database: Database, config: AppConfig): Promise<void> {
  await database.migrate();
  log.info('migrations applied');
  const admin = await ensureFirstAdmin(database.db, config.ADMIN_PASSWORD);
  if (admin.password) {
    // Printed once, on purpose: the only way to learn the generated first password.
    process.stderr.write(`\n  First administrator created.\n  username: admin\n  password: ${admin.password}\n  (shown once; set ADMIN_PASSWORD to choose it)\n\n`);
  }
  if (config.DEMO_DATA === 'auto' && !(await isDemoLoaded(database.db))) {
    await loadDemoData(database.db, log, { photos: new PhotoStore(config.dataDir), publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
    const accounts = await createDemoAccounts(database.db, config.DEMO_PASSWORD);
    const key = await issueApiKey(database.db, systemActor, 'Demo Open311 client (synthetic)', config.OPEN311_DEMO_KEY);
    if (!config.OPEN311_DEMO_KEY) process.stderr.write(`\n  Open311 demo API key (shown once; set OPEN311_DEMO_KEY to choose it):\n  ${key.key}\n\n`);
    if (accounts.length) {
      const lines = accounts.map((a) => `  ${a.username.padEnd(13)} ${a.password}`).join('\n');
      process.stderr.write(`\n  Demo staff accounts (synthetic, one per role):\n${lines}\n\n`);
    }
  }
}

async function serve(config: AppConfig): Promise<void> {
  assertEmbeddedFree(config);
  const database = await open(config);
  await prepare(database, config);
  const app = await buildApp({ config, database });
  const interrupted = await failInterruptedTasks(database.db);
  if (interrupted > 0) log.warn({ interrupted }, 'tasks interrupted by the last shutdown were marked failed');
  sweepUploads(config.dataDir);
  // The message sender runs in the server unless JOBS_WORKER=off (then `openbeat worker` processes send).
  const providers = config.JOBS_WORKER === 'on' ? createProviders(config, log) : null;
  const sender = providers ? new MessageSender(database.db, providers, { logger: log, window: config.SMPP_WINDOW * 2, leaseMs: config.MESSAGE_LEASE_SECONDS * 1000, retentionDays: config.MESSAGE_RETENTION_DAYS }) : null;
  sender?.start();
  // The tow service's monthly figures feed the performance module (п.24): recomputed every hour.
  const figuresTimer = config.JOBS_WORKER === 'on' ? setInterval(() => void publishTowFigures(database.db, systemActor).catch((error: unknown) => log.warn({ err: error }, 'tow figures not published')), 3_600_000) : null;
  figuresTimer?.unref();
  if (!config.DATABASE_URL) fs.writeFileSync(lockFile(config), String(process.pid));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    if (figuresTimer) clearInterval(figuresTimer);
    await sender?.stop();
    if (providers) await closeProviders(providers);
    await settleTasks();
    await closeComputePools();
    await database.close();
    if (!config.DATABASE_URL) fs.rmSync(lockFile(config), { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stderr.write(`\n  openbeat is serving on http://localhost:${config.PORT}\n\n`);
}

/**
 * A process that only sends messages (SMS, e-mail) from the outbox, beside servers started with
 * JOBS_WORKER=off. Several may run: they share the work through the database. PostgreSQL only: the
 * embedded database belongs to the one server process, which then sends itself.
 */
async function worker(config: AppConfig): Promise<void> {
  if (!config.DATABASE_URL) throw new ConfigError('the worker process needs DATABASE_URL (PostgreSQL); with the embedded database the server sends the messages itself');
  const database = await open(config);
  await database.migrate();
  const providers = createProviders(config, log);
  const sender = new MessageSender(database.db, providers, { logger: log, window: config.SMPP_WINDOW * 2, leaseMs: config.MESSAGE_LEASE_SECONDS * 1000, retentionDays: config.MESSAGE_RETENTION_DAYS });
  sender.start();
  log.info({ worker: sender.workerId, provider: providers.sms.name }, 'message sender started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'message sender stopping');
    await sender.stop();
    await closeProviders(providers);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function importReport(config: AppConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { period: { type: 'string', default: DEMO_PERIOD }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new ConfigError('usage: import-report FILE [--period 2021-Q1] [--dry-run] [--json]');
  if (!PERIOD_CODE_PATTERN.test(values.period)) throw new ConfigError(`--period must look like 2021-Q1, got ${values.period}`);
  if (!fs.existsSync(file)) throw new ConfigError(`no such file: ${file}`);
  const parsed = await importReportFile({ buffer: fs.readFileSync(file), filename: path.basename(file) });
  if (values.json) {
    const items = parsed.items.map((i) => ({
      number: i.number,
      recommendation: i.recommendation,
      subItems: i.subItems,
      response: i.response,
      addressees: i.addressees,
      suggestedStatus: i.suggestedStatus,
      figures: i.figures,
    }));
    process.stdout.write(`${JSON.stringify({ title: parsed.title, period: values.period, warnings: parsed.warnings, items }, null, 2)}\n`);
  } else {
    for (const i of parsed.items) {
      process.stderr.write(`п.${String(i.number).padEnd(3)} ${i.suggestedStatus.status.padEnd(22)} ${(i.suggestedStatus.confidence * 100).toFixed(0)}%  ${i.suggestedStatus.phrase ?? ''}\n`);
    }
  }
  log.info({ items: parsed.items.length, warnings: parsed.warnings }, 'report parsed');
  if (values['dry-run']) return;
  assertEmbeddedFree(config);
  const database = await open(config);
  try {
    await prepare(database, config);
    const result = await confirmImport(database.db, systemActor, {
      periodCode: values.period,
      title: parsed.title,
      filename: path.basename(file),
      items: parsed.items.map(importItemFromParsed),
    });
    log.info(result, 'report saved');
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return worker(config);
    case 'migrate': {
      assertEmbeddedFree(config);
      const database = await open(config);
      await database.migrate();
      log.info('migrations applied');
      return database.close();
    }
    case 'demo': {
      assertEmbeddedFree(config);
      const database = await open(config);
      await prepare(database, config);
      return database.close();
    }
    case 'import-report':
      return importReport(config, rest);
    default:
      throw new ConfigError(`unknown command ${command}; use serve | worker | migrate | demo | import-report`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`openbeat: ${error.message}\n`);
  } else if (isReportImportError(error)) {
    process.stderr.write(`openbeat: cannot import the report (${error.code}): ${error.message}\n`);
  } else {
    log.fatal({ err: error }, 'openbeat failed');
  }
  process.exit(1);
});
