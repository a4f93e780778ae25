import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { loadConfig } from '../config.js';
import type { FastifyInstance } from 'fastify';

let testDb: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  testDb = await openTestDatabase();
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '3' }), database: testDb.database, serveWeb: false, logger: false });
});
afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

describe('login rate limit', () => {
  it('answers 429 problem+json after LOGIN_RATE_LIMIT attempts a minute from one address', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '198.51.100.7', payload: { username: 'admin', password: 'guess-guess-guess' } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, type: 'https://openbeat.kz/problems/rate-limited' });
    const other = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '198.51.100.8', payload: { username: 'admin', password: 'guess-guess-guess' } });
    expect(other.statusCode).toBe(401);
  });

  it('does not trust X-Forwarded-For without TRUST_PROXY, so rotating it does not dodge the limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { username: 'admin', password: 'guess-guess-guess' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
