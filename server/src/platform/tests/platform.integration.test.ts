import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';
import { recordAudit, systemActor, verifyAuditChain } from '../audit/audit.service.js';
import { queryRows } from '../db/db.js';
import { enqueueJob, JobWorker, backoffMs } from '../jobs/jobs.service.js';
import { jobAttempts, jobs } from '../platform.tables.js';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe(`platform on ${testDriver}`, () => {
  it('answers health once migrations ran, with security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Pages keep helmet's whole set, with the policy that lets the app's own scripts and styles run.
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('has PostGIS in the database', async () => {
    const rows = await queryRows<{ v: string }>(t.db, sql`select postgis_lib_version() as v`);
    expect(rows[0]?.v).toMatch(/^3\./);
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: 'https://openbeat.kz/problems/not-found', status: 404, requestId: res.headers['x-request-id'] });
  });

  it('names the offending field of a bad body, and malformed JSON is a 400, not a 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '', password: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: 'https://openbeat.kz/problems/validation', field: 'body.username' });
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'definitely-wrong' } });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
  });

  it('sets an HttpOnly SameSite session cookie and knows the principal', async () => {
    const cookie = await t.login('council');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ role: 'council', scope: { kind: 'city' } });
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.json().user).toBeNull();
  });

  it('refuses cross-site state changes that carry the session cookie (CSRF)', async () => {
    const cookie = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: { username: 'csrf-victim', displayName: 'x', role: 'editor', scope: { kind: 'city' } },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toContain('cross-site');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie } });
    expect(list.json().items.map((u: { username: string }) => u.username)).not.toContain('csrf-victim');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/recommendations/{number}']).toBeDefined();
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
  });

  it('exposes Prometheus metrics: request durations by route and status, unmatched ones apart', async () => {
    const count = (body: string, labels: string) => Number(new RegExp(`openbeat_http_request_duration_seconds_count\\{${labels}\\} (\\d+)`).exec(body)?.[1] ?? 0);
    const before = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/health' });
    await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('# TYPE openbeat_http_request_duration_seconds histogram');
    expect(count(res.body, 'method="GET",route="/api/health",status="200"') - count(before, 'method="GET",route="/api/health",status="200"')).toBe(3);
    expect(count(res.body, 'method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(1);
    expect(res.body).toMatch(/openbeat_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health",status="200",le="\+Inf"\} \d+/);
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });
});

describe('audit hash chain', () => {
  it('verifies, and names the first tampered entry', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' });
    const before = ok.json();
    expect(before.valid).toBe(true);
    expect(before.entries).toBeGreaterThan(28);
    await t.db.transaction(async (tx) => {
      await recordAudit(tx, systemActor, { action: 'test.touch', entity: 'test', entityId: '1', before: { a: 1 }, after: { a: 2, b: [1, 'x'] } });
    });
    const after = await verifyAuditChain(t.db);
    expect(after).toMatchObject({ valid: true, entries: before.entries + 1, head: { seq: before.entries + 1 } });
    expect(after.valid && after.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1' });
    const newest = list.json().items[0];
    expect(newest).toMatchObject({ action: 'test.touch', actor: { role: 'system', unit: 'city' } });
    expect(newest).not.toHaveProperty('actorUserId');
    await t.db.execute(sql`update audit_log set after = '{"a": 3}'::jsonb where seq = 5`);
    const broken = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(broken.json()).toMatchObject({ valid: false, firstBroken: { seq: 5, reason: 'hash_mismatch' } });
  });

  it('writes nothing to the log when the change rolls back', async () => {
    const count = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    const n = await count();
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, systemActor, { action: 'test.rollback', entity: 'test', entityId: '2', before: null, after: null });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await count()).toBe(n);
  });
});

describe('outbox jobs', () => {
  it('runs a committed job once and a rolled-back one never', async () => {
    const seen: string[] = [];
    const worker = new JobWorker(t.db, { batchSize: 5 });
    worker.register('test.echo', async (payload) => {
      seen.push((payload as { tag: string }).tag);
      return { detail: 'provider said OK' };
    });
    await t.db.transaction(async (tx) => enqueueJob(tx, 'test.echo', { tag: 'committed' }));
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.echo', { tag: 'rolled-back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    expect(seen).toEqual(['committed']);
    const [attempt] = await t.db.select().from(jobAttempts).innerJoin(jobs, eq(jobs.id, jobAttempts.jobId)).where(eq(jobs.kind, 'test.echo'));
    expect(attempt).toMatchObject({ job_attempts: { ok: true, detail: 'provider said OK', attempt: 1 }, jobs: { status: 'done' } });
  });

  it('retries a failing job with backoff, recording every attempt, and keeps a dedupe key single', async () => {
    const worker = new JobWorker(t.db);
    let calls = 0;
    worker.register('test.flaky', async () => {
      calls++;
      throw new Error(`gateway timeout #${calls}`);
    });
    await t.db.transaction(async (tx) => {
      await enqueueJob(tx, 'test.flaky', {}, { maxAttempts: 2, dedupeKey: 'flaky-1' });
      await enqueueJob(tx, 'test.flaky', {}, { maxAttempts: 2, dedupeKey: 'flaky-1' });
    });
    expect(await worker.runOnce()).toBe(1);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.kind, 'test.flaky'));
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway timeout #1' });
    expect(job!.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await worker.runOnce()).toBe(0); // not due yet
    await t.db.update(jobs).set({ runAfter: new Date(Date.now() - 1) }).where(eq(jobs.id, job!.id));
    expect(await worker.runOnce()).toBe(1);
    const [failed] = await t.db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    const attempts = await t.db.select().from(jobAttempts).where(eq(jobAttempts.jobId, job!.id));
    expect(attempts.map((a) => a.ok)).toEqual([false, false]);
  });

  it('lets only the lease holder settle a job: a stale worker cannot overwrite the new owner', async () => {
    const slow = new JobWorker(t.db, { leaseMs: 1 });
    const fresh = new JobWorker(t.db);
    for (const w of [slow, fresh]) w.register('test.lease', async () => ({ detail: w.id }));
    await t.db.transaction(async (tx) => enqueueJob(tx, 'test.lease', {}));
    const [stale] = await slow.claim();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [reclaimed] = await fresh.claim();
    expect(reclaimed?.id).toBe(stale?.id);
    await fresh.execute(reclaimed!);
    await slow.execute(stale!); // its handler failing or succeeding must not touch the settled job
    const [job] = await t.db.select().from(jobs).where(eq(jobs.id, stale!.id));
    expect(job).toMatchObject({ status: 'done', attempts: 2, lockedBy: fresh.id });
    const attempts = await t.db.select().from(jobAttempts).where(eq(jobAttempts.jobId, stale!.id));
    expect(attempts).toHaveLength(2);
  });

  it('backs off exponentially', () => {
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 0)).toBe(1_800_000);
  });

  it('lets two workers never take the same job (SKIP LOCKED + lease)', async () => {
    const a = new JobWorker(t.db);
    const b = new JobWorker(t.db);
    const runs: string[] = [];
    for (const w of [a, b]) w.register('test.once', async () => void runs.push(w.id));
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await enqueueJob(tx, 'test.once', { i });
    });
    const [claimedA, claimedB] = await Promise.all([a.claim(), b.claim()]);
    const ids = [...claimedA!, ...claimedB!].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const j of claimedA!) await a.execute(j);
    for (const j of claimedB!) await b.execute(j);
    await a.drain();
    expect(runs).toHaveLength(6);
  });
});
