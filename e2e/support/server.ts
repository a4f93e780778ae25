import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, webDistDir } from '../../server/src/app.js';
import { createUser } from '../../server/src/platform/auth/users.service.js';
import type { StaffRole } from '../../server/src/platform/auth/roles.js';
import { systemActor } from '../../server/src/platform/audit/audit.service.js';
import { loadConfig } from '../../server/src/platform/config.js';
import { openTestDatabase, type TestDatabase } from '../../server/src/test-support/test-database.js';

export interface E2eServer {
  baseUrl: string;
  app: FastifyInstance;
  /** This server's DATA_DIR (photos, sms.log, email.log). */
  dataDir: string;
  /** Creates a staff account and returns its credentials. */
  account(role: StaffRole): Promise<{ username: string; password: string }>;
  close(): Promise<void>;
}

/** The built web app and the API in this process, on a database copied from the test template. */
export async function startE2eServer(): Promise<E2eServer> {
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
  let n = 0;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    dataDir,
    async account(role) {
      const username = `e2e-${role.replace('_', '-')}-${++n}`;
      const password = `e2e-password-${role}-${n}`;
      await createUser(testDb.database.db, systemActor, { username, displayName: `E2E ${role} (synthetic)`, role, scope: { kind: 'city' }, password });
      return { username, password };
    },
    async close() {
      await app.close();
      await testDb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
