import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoData } from '../demo/demo.service.js';
import { openDatabase } from '../platform/db/db.js';
import { adminQuery, databaseUrlFor, randomDbName, testDatabaseUrl } from './test-database.js';

const quiet = { info: () => undefined };

/** Migrates a template database once per run and loads the demo data into it. */
export async function setup(): Promise<() => Promise<void>> {
  if (testDatabaseUrl) {
    const name = randomDbName('openbeat_tpl');
    const drop = () => adminQuery(testDatabaseUrl!, `drop database if exists ${name} with (force)`);
    await adminQuery(testDatabaseUrl, `create database ${name}`);
    try {
      const database = await openDatabase({ databaseUrl: databaseUrlFor(testDatabaseUrl, name), poolSize: 2 });
      try {
        await database.migrate();
        await loadDemoData(database.db, quiet);
      } finally {
        await database.close();
      }
    } catch (error) {
      // A template that failed to build (e.g. PostGIS missing) must not stay behind on the server.
      await drop().catch(() => undefined);
      throw error;
    }
    process.env.OPENBEAT_TEST_TEMPLATE = name;
    return async () => {
      await drop();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  await loadDemoData(database.db, quiet);
  const blob = await database.dumpDataDir!();
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-test-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  process.env.OPENBEAT_TEST_TEMPLATE = file;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
