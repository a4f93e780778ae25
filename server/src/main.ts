#!/usr/bin/env node
// The openbeat command line: serve | migrate | demo | import-report FILE [--period 2021-Q1] [--dry-run] [--json]
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
import { appealNotifyHandler, directNotifyHandler, issueApiKey } from './appeals/index.js';
import { PhotoStore } from './platform/images/photos.js';
import { LogFileProvider } from './platform/notify/notify.js';
import { failInterruptedTasks, settleTasks } from './platform/tasks/tasks.service.js';
import { closeComputePools } from './platform/workers/compute-pool.js';
import { sweepUploads } from './crime/index.js';
import { JobWorker } from './platform/jobs/jobs.service.js';

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
    await loadDemoData(database.db, log, { photos: new PhotoStore(config.dataDir) });
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
  const worker = new JobWorker(database.db, { logger: log });
  const provider = new LogFileProvider(config.dataDir);
  worker.register('appeal.notify', appealNotifyHandler(database.db, provider, config.PUBLIC_URL ?? `http://localhost:${config.PORT}`));
  worker.register('notify.direct', directNotifyHandler(provider));
  if (config.JOBS_WORKER === 'on') worker.start();
  if (!config.DATABASE_URL) fs.writeFileSync(lockFile(config), String(process.pid));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await worker.stop();
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
      throw new ConfigError(`unknown command ${command}; use serve | migrate | demo | import-report`);
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
