import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { generatePassword } from '../platform/auth/passwords.js';
import type { Scope, StaffRole } from '../platform/auth/roles.js';
import { createUser } from '../platform/auth/users.service.js';
import { systemActor } from '../platform/audit/audit.service.js';
import { loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db/db.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  testDb: TestDatabase;
  /** This app's DATA_DIR (photos, sms.log, email.log). */
  dataDir: string;
  /** Creates an account with the role and returns a Cookie header for its session. */
  login(role: StaffRole, scope?: Scope): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(options: { serveWeb?: boolean } = {}): Promise<TestApp> {
  const testDb = await openTestDatabase();
  // Photos and notification logs go to a folder of this test's own, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-test-data-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', APPEAL_RATE_LIMIT: '1000', DATA_DIR: dataDir });
  const app = await buildApp({ config, database: testDb.database, serveWeb: options.serveWeb ?? false, logger: false });
  await app.ready();
  const db = testDb.database.db;
  let counter = 0;
  return {
    app,
    db,
    testDb,
    dataDir,
    async login(role, scope = { kind: 'city' }) {
      const username = `t-${role.replace('_', '-')}-${++counter}-${Date.now().toString(36)}`;
      const password = generatePassword();
      await createUser(db, systemActor, { username, displayName: `Test ${role}`, role, scope, password });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ob_session');
      if (!cookie) throw new Error('login set no session cookie');
      return `ob_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
