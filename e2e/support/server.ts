import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, webDistDir } from '../../server/src/app.js';
import { createUser } from '../../server/src/platform/auth/users.service.js';
import type { Scope, StaffRole } from '../../server/src/platform/auth/roles.js';
import { systemActor } from '../../server/src/platform/audit/audit.service.js';
import { loadConfig } from '../../server/src/platform/config.js';
import type { Db } from '../../server/src/platform/db/db.js';
import type { MessageProvider } from '../../server/src/platform/notify/provider.js';
import { MessageSender } from '../../server/src/platform/notify/sender.js';
import { openTestDatabase, type TestDatabase } from '../../server/src/test-support/test-database.js';

export interface E2eServerOptions {
  /**
   * An SMS provider (e.g. SMPP to a test SMSC): a message sender on this server's database sends the
   * outbox through it until close(), which also closes the provider. Without it nothing is sent.
   */
  sms?: MessageProvider;
}

export interface E2eServer {
  baseUrl: string;
  app: FastifyInstance;
  /** This server's database, for a test to pick its data (e.g. a registry plate no demo tow uses). */
  db: Db;
  /** This server's DATA_DIR (photos, sms.log, email.log). */
  dataDir: string;
  /** Creates a staff account (city-wide unless a scope is given) and returns its credentials. */
  account(role: StaffRole, scope?: Scope): Promise<{ username: string; password: string }>;
  close(): Promise<void>;
}

/** The built web app and the API in this process, on a database copied from the test template. */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`The web app is not built (${webDistDir}); npm test builds it first.`);
  }
  const testDb: TestDatabase = await openTestDatabase();
  // Photos and notification logs go to a folder of this server's own, removed on close.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', APPEAL_RATE_LIMIT: '1000', DATA_DIR: dataDir });
  const app = await buildApp({ config, database: testDb.database, serveWeb: true, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const sender = options.sms ? new MessageSender(testDb.database.db, { sms: options.sms }, { pollMs: 100 }) : null;
  sender?.start();
  let n = 0;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    db: testDb.database.db,
    dataDir,
    async account(role, scope = { kind: 'city' }) {
      const username = `e2e-${role.replace('_', '-')}-${++n}`;
      const password = `e2e-password-${role}-${n}`;
      await createUser(testDb.database.db, systemActor, { username, displayName: `E2E ${role} (synthetic)`, role, scope, password });
      return { username, password };
    },
    async close() {
      await sender?.stop();
      await options.sms?.close();
      await app.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
