import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/db.js';

/**
 * Tests run on a real database: PostgreSQL + PostGIS when TEST_DATABASE_URL is set (CI runs both),
 * otherwise embedded PGlite with PostGIS. Each test file gets its own database, copied from a
 * template that global setup migrated and filled with the demo data once.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const testDriver: 'postgres' | 'pglite' = testDatabaseUrl ? 'postgres' : 'pglite';

export function databaseUrlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export const randomDbName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

export async function adminQuery(base: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** PostgreSQL: this database's URL, for another process to open it. */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = process.env.OPENBEAT_TEST_TEMPLATE;
  if (!template) throw new Error('OPENBEAT_TEST_TEMPLATE is not set: run tests through vitest (global setup prepares it)');
  if (testDatabaseUrl) {
    const name = randomDbName('openbeat_test');
    await adminQuery(testDatabaseUrl, `create database ${name} template ${template}`);
    const url = databaseUrlFor(testDatabaseUrl, name);
    const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    return {
      database,
      url,
      drop: async () => {
        await database.close();
        await adminQuery(testDatabaseUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const tarball = new Blob([fs.readFileSync(template)]);
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: tarball });
  return { database, drop: () => database.close() };
}
