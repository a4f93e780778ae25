// The HTTP gateway provider against a real gateway on a local port (test-support/sms-gateway.ts), driven
// by the real sender on a real database: what the gateway answers is what the outbox records.
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../db/db.js';
import { startTestGateway, type TestGatewayOptions } from '../../../test-support/sms-gateway.js';
import { useTestApp } from '../../../test-support/test-app.js';
import { testDriver } from '../../../test-support/test-database.js';
import { HttpGatewayProvider, type HttpGatewayOptions } from '../http-gateway-provider.js';
import { enqueueMessage } from '../outbox.js';
import { PermanentFailure, TemporaryFailure, type Submission } from '../provider.js';
import { MessageSender } from '../sender.js';

const t = useTestApp();
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);

// This file's database is its own copy of the template, whose demo data has queued messages (tow
// notices). The sender would hand them to the test gateway too: every message here is the test's own.
beforeAll(async () => {
  await t.db.execute(sql`delete from messages`);
});

/** Gateways and providers of the running test, closed after it (providers first). */
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await resource.close();
});

async function setUp(gatewayOptions: TestGatewayOptions = {}, providerOptions: Partial<HttpGatewayOptions> = {}) {
  const gateway = await startTestGateway(gatewayOptions);
  open.push(gateway);
  const provider = new HttpGatewayProvider({ baseUrl: gateway.url, token: gateway.token, sender: 'POLICE', statusPollMs: 50, ...providerOptions });
  open.push(provider);
  return { gateway, provider, sender: new MessageSender(t.db, { sms: provider }) };
}

async function queue(key: string, recipient = '+77010000100', text = `Test ${key}`): Promise<void> {
  await t.db.transaction((tx) => enqueueMessage(tx, { channel: 'sms', recipient, text, purpose: 'test-http', idempotencyKey: key }));
}

interface StoredMessage {
  status: string;
  attempts: number;
  provider: string | null;
  provider_ids: string[] | null;
  failure_reason: string | null;
  next_attempt_at: Date | string;
  sent_at: Date | string | null;
  delivered_at: Date | string | null;
}

async function messageOf(key: string): Promise<StoredMessage> {
  const [row] = await rows<StoredMessage>(
    sql`select status, attempts, provider, provider_ids, failure_reason, next_attempt_at, sent_at, delivered_at from messages where idempotency_key = ${key}`,
  );
  if (!row) throw new Error(`no message ${key}`);
  return row;
}

async function eventsOf(key: string): Promise<{ kind: string; provider_status: string | null }[]> {
  return rows(sql`select e.kind, e.provider_status from message_events e join messages m on m.id = e.message_id where m.idempotency_key = ${key} order by e.id`);
}

/** The sender backs off for seconds; a test makes the retry due now instead of waiting for it. */
async function makeDueNow(key: string): Promise<void> {
  await t.db.execute(sql`update messages set next_attempt_at = now() where idempotency_key = ${key}`);
}

const submission = (key: string, to = '+77010000100'): Submission => ({ id: 0, channel: 'sms', to, text: `Test ${key}`, idempotencyKey: key });
const submissionsOf = (gateway: { requests: readonly { method: string; key?: string }[] }, key: string) => gateway.requests.filter((r) => r.method === 'POST' && r.key === key).length;
const statusQueries = (gateway: { requests: readonly { method: string }[] }) => gateway.requests.filter((r) => r.method === 'GET').length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe(`HTTP gateway provider on ${testDriver}, against a local test gateway`, () => {
  it('sends a message, follows its status by polling, and records delivery once the status is final', async () => {
    const { gateway, sender } = await setUp({ deliverAfterMs: null });
    const text = 'Ваш автомобиль эвакуирован на штрафстоянку по адресу ул. Примерная, 1. Часы работы 08:00–22:00. Штраф 17 250 тг.';
    await queue('http:deliver', '+77010000101', text);
    await sender.drain();

    expect(gateway.messages).toEqual([expect.objectContaining({ key: 'http:deliver', recipient: '+77010000101', text, sender: 'POLICE', parts: 2 })]);
    const id = gateway.messages[0]!.id;
    expect(await messageOf('http:deliver')).toMatchObject({ status: 'sent', provider: 'http', provider_ids: [id], attempts: 1 });

    // a query that finds it still `sent` changes nothing, and the polling goes on
    await vi.waitFor(() => expect(statusQueries(gateway)).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    await sender.drain();
    expect((await messageOf('http:deliver')).status).toBe('sent');
    gateway.setStatus(id, 'delivered');
    await vi.waitFor(
      async () => {
        await sender.drain();
        expect((await messageOf('http:deliver')).status).toBe('delivered');
      },
      { timeout: 5000, interval: 50 },
    );
    const delivered = await messageOf('http:deliver');
    expect(new Date(delivered.delivered_at!).getTime()).toBeGreaterThanOrEqual(new Date(delivered.sent_at!).getTime());
    expect(await eventsOf('http:deliver')).toEqual([
      { kind: 'accepted', provider_status: 'OK' },
      { kind: 'receipt', provider_status: 'delivered' },
    ]);
    // once the status is final it stops asking
    const asked = statusQueries(gateway);
    expect(asked).toBeGreaterThanOrEqual(2);
    await pause(200);
    expect(statusQueries(gateway)).toBe(asked);
  });

  it('lets the gateway deliver by itself after a delay, as the test gateway does by default', async () => {
    const { sender } = await setUp({ deliverAfterMs: 100 });
    await queue('http:auto');
    await vi.waitFor(
      async () => {
        await sender.drain();
        expect((await messageOf('http:auto')).status).toBe('delivered');
      },
      { timeout: 5000, interval: 50 },
    );
  });

  it('answers a repeated idempotency key with duplicate: true and the first id; the gateway sends it once', async () => {
    const { gateway, provider, sender } = await setUp({ deliverAfterMs: null });
    await queue('http:dup', '+77010000102', 'Test http:dup');
    // A sender that died after the gateway took the message, before recording it: the gateway has it already.
    const first = await provider.submit(submission('http:dup', '+77010000102'));
    expect(first.duplicate).toBe(false);

    await sender.drain();
    expect(await messageOf('http:dup')).toMatchObject({ status: 'sent', provider_ids: first.providerIds });
    expect(await eventsOf('http:dup')).toEqual([{ kind: 'reconciled', provider_status: 'OK' }]);

    const again = await provider.submit(submission('http:dup', '+77010000102'));
    expect(again).toMatchObject({ duplicate: true, providerIds: first.providerIds });
    expect(submissionsOf(gateway, 'http:dup')).toBe(3);
    expect(gateway.acceptedByKey.get('http:dup')).toBe(1);
    expect(gateway.messages).toHaveLength(1);
  });

  it('retries after a 503 and records the gateway status of the failed attempt', async () => {
    const { gateway, sender } = await setUp({ deliverAfterMs: null });
    gateway.failNext(1, { status: 503, error: 'service temporarily unavailable' });
    await queue('http:503');
    await sender.drain();

    const waiting = await messageOf('http:503');
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, failure_reason: 'service temporarily unavailable' });
    const [due] = await rows<{ later: boolean }>(sql`select next_attempt_at > now() as later from messages where idempotency_key = 'http:503'`);
    expect(due?.later).toBe(true);
    expect(await eventsOf('http:503')).toEqual([{ kind: 'retry', provider_status: 'HTTP 503' }]);

    await makeDueNow('http:503');
    await sender.drain();
    expect(await messageOf('http:503')).toMatchObject({ status: 'sent', attempts: 2, provider_ids: [gateway.messages[0]!.id], failure_reason: null });
    expect((await eventsOf('http:503')).map((e) => e.kind)).toEqual(['retry', 'accepted']);
    expect(gateway.acceptedByKey.get('http:503')).toBe(1);
  });

  it('waits at least as long as a 429 Retry-After asks, in seconds or as an HTTP date', async () => {
    const { gateway, sender } = await setUp({ deliverAfterMs: null });
    const waitOf = async (key: string, before: number) => new Date((await messageOf(key)).next_attempt_at).getTime() - before;

    gateway.failNext(1, { status: 429, retryAfter: '120', error: 'too many requests' });
    await queue('http:429-seconds');
    let before = Date.now();
    await sender.drain();
    expect(await eventsOf('http:429-seconds')).toEqual([{ kind: 'retry', provider_status: 'HTTP 429' }]);
    // next_attempt_at ≥ now + Retry-After, and not much more (the first backoff is one second at most)
    expect(await waitOf('http:429-seconds', before)).toBeGreaterThanOrEqual(120_000);
    expect(await waitOf('http:429-seconds', before)).toBeLessThan(130_000);

    before = Date.now();
    // an HTTP date has whole seconds: 90 s from now is at least 89 s from `before`
    gateway.failNext(1, { status: 429, retryAfter: new Date(before + 90_000).toUTCString() });
    await queue('http:429-date');
    await sender.drain();
    expect(await eventsOf('http:429-date')).toEqual([{ kind: 'retry', provider_status: 'HTTP 429' }]);
    expect(await waitOf('http:429-date', before)).toBeGreaterThanOrEqual(89_000);
    expect(await waitOf('http:429-date', before)).toBeLessThan(100_000);

    await makeDueNow('http:429-seconds');
    await makeDueNow('http:429-date');
    await sender.drain();
    expect((await messageOf('http:429-seconds')).status).toBe('sent');
    expect((await messageOf('http:429-date')).status).toBe('sent');
  });

  it('fails a message for good on a 422, with the gateway’s reason', async () => {
    const { gateway, sender } = await setUp();
    await queue('http:422', '+7701');
    await sender.drain();
    expect(await messageOf('http:422')).toMatchObject({ status: 'failed', attempts: 1, failure_reason: 'recipient +7701 is not a valid phone number' });
    expect(await eventsOf('http:422')).toEqual([{ kind: 'failed', provider_status: 'HTTP 422' }]);
    expect(gateway.messages).toHaveLength(0);
  });

  it('treats a wrong token (401) as a permanent failure', async () => {
    const { gateway, sender } = await setUp({}, { token: 'not-the-token' });
    const direct = new HttpGatewayProvider({ baseUrl: gateway.url, token: 'wrong', sender: 'POLICE' });
    open.push(direct);
    const error = await failureOf(direct.submit(submission('http:401-direct')));
    expect(error).toBeInstanceOf(PermanentFailure);
    expect(error).toMatchObject({ providerStatus: 'HTTP 401', message: 'invalid or missing token' });

    await queue('http:401');
    await sender.drain();
    expect(await messageOf('http:401')).toMatchObject({ status: 'failed', failure_reason: 'invalid or missing token' });
    expect(await eventsOf('http:401')).toEqual([{ kind: 'failed', provider_status: 'HTTP 401' }]);
    expect(gateway.messages).toHaveLength(0);
  });

  it('treats a timeout as a temporary failure; the retry finds the message the gateway took, and it is sent once', async () => {
    const { gateway, provider, sender } = await setUp({ deliverAfterMs: null }, { timeoutMs: 150 });
    gateway.delayNext(2, 600);
    const error = await failureOf(provider.submit(submission('http:slow-direct')));
    expect(error).toBeInstanceOf(TemporaryFailure);
    expect(error).toMatchObject({ providerStatus: 'timeout' });

    await queue('http:slow');
    await sender.drain();
    expect(await messageOf('http:slow')).toMatchObject({ status: 'queued', failure_reason: 'the gateway did not answer within 150 ms' });
    expect(await eventsOf('http:slow')).toEqual([{ kind: 'retry', provider_status: 'timeout' }]);
    // the answer was lost, not the message
    expect(gateway.acceptedByKey.get('http:slow')).toBe(1);

    await makeDueNow('http:slow');
    await sender.drain();
    const id = gateway.messages.find((m) => m.key === 'http:slow')!.id;
    expect(await messageOf('http:slow')).toMatchObject({ status: 'sent', provider_ids: [id] });
    expect((await eventsOf('http:slow')).map((e) => e.kind)).toEqual(['retry', 'reconciled']);
    expect(gateway.acceptedByKey.get('http:slow')).toBe(1);
  });

  it('treats a refused connection as a temporary failure', async () => {
    const gone = await startTestGateway();
    await gone.close();
    const provider = new HttpGatewayProvider({ baseUrl: gone.url, token: gone.token, sender: 'POLICE' });
    open.push(provider);
    const error = await failureOf(provider.submit(submission('http:refused')));
    expect(error).toBeInstanceOf(TemporaryFailure);
    expect(error).toMatchObject({ providerStatus: 'ECONNREFUSED' });
  });

  it('keeps at most maxInFlight requests open and sends the rest in turn', async () => {
    const { gateway, sender } = await setUp({ deliverAfterMs: null }, { maxInFlight: 2 });
    gateway.delayNext(6, 100);
    for (let i = 1; i <= 6; i++) await queue(`http:window-${i}`);
    await sender.drain();
    for (let i = 1; i <= 6; i++) expect((await messageOf(`http:window-${i}`)).status).toBe('sent');
    expect(gateway.peakInFlight).toBe(2);
  });

  it('fails a message the gateway could not deliver, also when status queries fail on the way', async () => {
    const { gateway, sender } = await setUp({ deliverAfterMs: null });
    gateway.failNext(2, { status: 503 }, 'status');
    await queue('http:undeliverable');
    await sender.drain();
    gateway.setStatus(gateway.messages[0]!.id, 'undeliverable');
    await vi.waitFor(
      async () => {
        await sender.drain();
        expect((await messageOf('http:undeliverable')).status).toBe('failed');
      },
      { timeout: 20_000, interval: 50 },
    );
    expect((await messageOf('http:undeliverable')).failure_reason).toBe('the provider could not deliver it (undeliverable)');
    // the two failed queries did not stop the polling
    const answers = gateway.requests.filter((r) => r.method === 'GET').map((r) => r.status);
    expect(answers.slice(0, 2)).toEqual([503, 503]);
    expect(answers.at(-1)).toBe(200);
  });

  it('follows the messages a stopped process had sent: a new sender resumes their status queries', async () => {
    const { gateway, provider, sender } = await setUp({ deliverAfterMs: null });
    await queue('http:resumed');
    await sender.drain();
    expect((await messageOf('http:resumed')).status).toBe('sent');
    // the process stops before the gateway has delivered; the message stays 'sent'
    await provider.close();
    gateway.setStatus(gateway.messages[0]!.id, 'delivered');
    // a new process: a new provider knows nothing of it until the sender hands it the open messages
    const next = new HttpGatewayProvider({ baseUrl: gateway.url, token: gateway.token, sender: 'POLICE', statusPollMs: 50 });
    open.push(next);
    const nextSender = new MessageSender(t.db, { sms: next }, { pollMs: 50 });
    nextSender.start();
    try {
      await vi.waitFor(async () => expect((await messageOf('http:resumed')).status).toBe('delivered'), { timeout: 20_000, interval: 50 });
    } finally {
      await nextSender.stop();
    }
  });

  it('stops polling when closed', async () => {
    const { gateway, provider } = await setUp({ deliverAfterMs: null });
    await provider.submit(submission('http:close'));
    await vi.waitFor(() => expect(statusQueries(gateway)).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    await provider.close();
    const asked = statusQueries(gateway);
    await pause(200);
    expect(statusQueries(gateway)).toBe(asked);
    expect(await failureOf(provider.submit(submission('http:after-close')))).toBeInstanceOf(TemporaryFailure);
  });
});
