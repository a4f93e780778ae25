import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { staffRoles, type StaffRole } from '../auth/roles.js';

/**
 * Walks every registered route with every role (and no login) and checks the answer against
 * the route's declared access: never a 500, 401 without a session, 403 for a role or scope it
 * does not allow, and something else (200, 400 for the empty body, 404 for the dummy id) when allowed.
 */
let t: TestApp;
const cookies = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of staffRoles) cookies.set(role, await t.login(role));
  cookies.set('editor@district', await t.login('editor', { kind: 'district', districtId: 'almaly' }));
});
afterAll(async () => {
  await t?.close();
});

const sample: Record<string, string> = {
  number: '24',
  id: '00000000-0000-4000-8000-000000000000',
  periodCode: '2021-Q1',
  format: 'pdf',
};
const fill = (url: string) => url.replace(/:([A-Za-z]+)/g, (_m, name: string) => sample[name] ?? 'x');

describe('every route declares access and is enforced', () => {
  it('refuses to register a route without an access level', async () => {
    const { default: Fastify } = await import('fastify');
    const { default: fastifyCookie } = await import('@fastify/cookie');
    const { authPlugin } = await import('../auth/auth.plugin.js');
    const bare = Fastify();
    await bare.register(fastifyCookie);
    await bare.register(authPlugin, { db: t.db, registry: [] });
    expect(() => bare.get('/api/v1/undeclared', async () => 'x')).toThrow(/declares no access level/);
    await bare.close();
  });

  it('walks all routes with all roles', async () => {
    const routes = [...t.app.routeRegistry].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    expect(routes.length).toBeGreaterThan(15);
    const principals: (StaffRole | 'public' | 'editor@district')[] = ['public', ...staffRoles, 'editor@district'];
    const failures: string[] = [];
    for (const route of routes) {
      for (const who of principals) {
        const cookie = who === 'public' ? undefined : cookies.get(who);
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: cookie ? { cookie } : {},
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const role = who === 'editor@district' ? 'editor' : who;
        const districtScoped = who === 'editor@district';
        let expected: 'allowed' | 401 | 403;
        if (route.access === 'public') expected = 'allowed';
        else if (who === 'public') expected = 401;
        else if (!route.access.roles.includes(role as StaffRole)) expected = 403;
        else if (route.access.scope === 'city' && districtScoped) expected = 403;
        else expected = 'allowed';
        const ok = res.statusCode < 500 && (expected === 'allowed' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === expected);
        if (!ok) failures.push(`${route.method} ${route.url} as ${who}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
