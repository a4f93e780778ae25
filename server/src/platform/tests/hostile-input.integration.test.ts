import { describe, expect, it } from 'vitest';
import { problemOf, useTestApp } from '../../test-support/test-app.js';

/** Inputs found in review that once produced a 500 or a wrong 200; each must be a clear 4xx now. */
const t = useTestApp();

describe('hostile input', () => {
  it('a NUL character anywhere is a 400, before or after login', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ad\u0000min', password: 'x' } });
    expect(login.statusCode).toBe(400);
    problemOf(login);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit?entity=%00' })).statusCode).toBe(400);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/3/responses', headers: { cookie: t.editor }, payload: { periodCode: '2022-Q1', text: 'a\u0000b', status: 'planned' } });
    expect(response.statusCode).toBe(400);
    const p3 = (await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/3' })).json();
    expect(p3.responses).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/periods' })).json().items.map((p: { code: string }) => p.code)).not.toContain('2022-Q1');
  });

  it('item numbers are digits only, and periods are quarters of this century', async () => {
    for (const n of ['1e1', '0x18', '024', '0', '1000']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/recommendations/${n}` })).statusCode, n).toBe(400);
    }
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/3/responses', headers: { cookie: t.editor }, payload: { periodCode: '0099-Q1', text: 'x', status: 'planned' } });
    expect(problemOf(old).field).toBe('body.periodCode');
  });

  it('a malformed URL or multipart body is a 4xx problem', async () => {
    expect(problemOf(await t.app.inject({ method: 'GET', url: '/api/v1/recommendations/%E0%A4%A' })).status).toBe(400);
    const cases = [
      { 'content-type': 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nп.1. текст' },
      { 'content-type': 'multipart/form-data', body: 'garbage' },
      { 'content-type': 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="other"; filename="a.txt"\r\n\r\nп.1. x\r\n--xyz--\r\n' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/import/preview', headers: { cookie: t.editor, 'content-type': c['content-type'] }, payload: c.body });
      expect(res.statusCode, c.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, c.body).toBeLessThan(500);
      problemOf(res);
    }
  });

  it('an administrator cannot narrow their own scope and lock everyone out', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: t.admin } })).json().user;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${me.id}`, headers: { cookie: t.admin }, payload: { scope: { kind: 'district', districtId: 'almaly' } } });
    expect(res.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: t.admin } })).statusCode).toBe(200);
  });
});
