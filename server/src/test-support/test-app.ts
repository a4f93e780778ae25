import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../app.js';
import { generatePassword } from '../platform/auth/passwords.js';
import type { Scope, StaffRole } from '../platform/auth/roles.js';
import { createUser } from '../platform/auth/users.service.js';
import { systemActor } from '../platform/audit/audit.service.js';
import { loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db/db.js';
import { settleTasks } from '../platform/tasks/tasks.service.js';
import { closeComputePools } from '../platform/workers/compute-pool.js';
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
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', APPEAL_RATE_LIMIT: '1000', TOW_LOOKUP_RATE_LIMIT: '1000', DATA_DIR: dataDir });
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
      await settleTasks(); // background work (imports, forecasts) finishes before its database goes
      await closeComputePools();
      await app.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A test app with an admin's and an editor's session (Cookie headers), logged in once. */
export interface SharedTestApp extends Omit<TestApp, 'close'> {
  readonly admin: string;
  readonly editor: string;
}

/**
 * The app that the tests of one file share: built, with an admin and an editor logged in, before the
 * file's first test, and closed after its last. Read its fields inside tests and hooks, not at load time.
 */
export function useTestApp(options: { serveWeb?: boolean } = {}): SharedTestApp {
  let t: TestApp | undefined;
  let sessions: { admin: string; editor: string } | undefined;
  beforeAll(async () => {
    t = await createTestApp(options);
    sessions = { admin: await t.login('admin'), editor: await t.login('editor') };
  });
  afterAll(async () => {
    await t?.close();
  });
  const ready = () => {
    if (!t || !sessions) throw new Error('the test app is built in beforeAll: use it inside a test or a hook');
    return { t, ...sessions };
  };
  return {
    get app() {
      return ready().t.app;
    },
    get db() {
      return ready().t.db;
    },
    get testDb() {
      return ready().t.testDb;
    },
    get dataDir() {
      return ready().t.dataDir;
    },
    get admin() {
      return ready().admin;
    },
    get editor() {
      return ready().editor;
    },
    login: (role, scope) => ready().t.login(role, scope),
  };
}

/** An RFC 9457 problem answer, as the tests read it. */
export interface Problem {
  type: string;
  status: number;
  field?: string;
  detail?: string;
}

/** The problem in an answer; fails the test when the answer is not application/problem+json. */
export function problemOf(res: { headers: Record<string, unknown>; body: string }): Problem {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  return JSON.parse(res.body) as Problem;
}
