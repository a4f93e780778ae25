// The SMPP provider against a real SMSC (the `smpp` package's server, test-support/smsc.ts) over TCP on
// 127.0.0.1, with the real MessageSender on a real database. Nothing is mocked.
//
// The sender waits backoffMs(attempt) (half a second and more) before retrying a message. Where a test
// needs the retry now, it moves `messages.next_attempt_at` to now() instead of waiting — the provider's
// own pause after a throttle answer still applies, and that is what those tests measure.
import { createHook } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import smpp from 'smpp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { useTestApp } from '../../../test-support/test-app.js';
import { testDriver } from '../../../test-support/test-database.js';
import { ESME_RMSGQFUL, startTestSmsc, type TestSmsc } from '../../../test-support/smsc.js';
import { enqueueMessage, messagesQueued } from '../outbox.js';
import { PermanentFailure, TemporaryFailure, type Submission } from '../provider.js';
import { MessageSender } from '../sender.js';
import { smsShape } from '../sms-encoding.js';
import { SmppProvider, type SmppProviderOptions } from '../smpp-provider.js';

const t = useTestApp();
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);

const ESME_RINVDSTADR = 0x0b;
const ESME_RBINDFAIL = 0x0d;

let smsc: TestSmsc | undefined;
const providers: SmppProvider[] = [];
const senders: MessageSender[] = [];

// The demo data in the test database queues tow notices of its own. These tests count what reaches the
// SMSC, so those notices wait until after the file (they are never due here).
beforeAll(async () => {
  await t.db.execute(
    sql`update messages set status = 'queued', next_attempt_at = 'infinity'::timestamptz, lease_until = null, locked_by = null
        where purpose <> 'smpp-test' and status in ('queued', 'sending')`,
  );
});

afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
  await Promise.all(providers.splice(0).map((p) => p.close()));
  await smsc?.close();
  smsc = undefined;
});

async function start(options: Parameters<typeof startTestSmsc>[0] = {}): Promise<TestSmsc> {
  smsc = await startTestSmsc(options);
  return smsc;
}

function connect(server: TestSmsc, options: Partial<SmppProviderOptions> = {}): SmppProvider {
  const provider = new SmppProvider({
    url: server.url,
    systemId: 'openbeat',
    password: 'secret',
    systemType: 'OPENBEAT',
    sourceAddr: 'POLICE',
    // short pauses keep the tests fast; the production defaults are 0.5–30 s and 1–30 s
    reconnectMs: { min: 50, max: 1000 },
    throttleMs: { min: 100, max: 1000 },
    ...options,
  });
  providers.push(provider);
  return provider;
}

function senderFor(provider: SmppProvider): MessageSender {
  const sender = new MessageSender(t.db, { sms: provider }, { pollMs: 20 });
  senders.push(sender);
  return sender;
}

async function enqueue(key: string, text: string, recipient = '+77010000001'): Promise<number> {
  const id = await t.db.transaction((tx) => enqueueMessage(tx, { channel: 'sms', recipient, text, purpose: 'smpp-test', refId: key, idempotencyKey: key }));
  if (id === null) throw new Error(`key ${key} was queued before`);
  return id;
}

interface StoredMessage {
  status: string;
  provider: string | null;
  provider_ids: string[] | null;
  parts_delivered: number;
  segments: number;
  attempts: number;
  failure_reason: string | null;
  delivered_at: Date | null;
}

async function stored(key: string): Promise<StoredMessage> {
  const [row] = await rows<StoredMessage>(
    sql`select status, provider, provider_ids, parts_delivered, segments, attempts, failure_reason, delivered_at from messages where idempotency_key = ${key}`,
  );
  if (!row) throw new Error(`no message ${key}`);
  return row;
}

async function events(key: string): Promise<{ kind: string; provider_status: string | null }[]> {
  return rows(sql`select e.kind, e.provider_status from message_events e join messages m on m.id = e.message_id where m.idempotency_key = ${key} order by e.id`);
}

/** Sends everything due, waits until the SMSC's receipts were answered, and records them. */
async function sendAndSettle(sender: MessageSender, server: TestSmsc, receipts: number): Promise<void> {
  await sender.drain();
  await server.waitFor(() => server.receiptsAcked >= receipts, 5000, `${receipts} receipts answered`);
  await sender.flush();
}

const submission = (key: string, text = 'Test', to = '+77010000001'): Submission => ({ id: 0, channel: 'sms', to, text, idempotencyKey: key });

describe(`SMPP provider against a test SMSC, sender on ${testDriver}`, () => {
  it('binds as a 3.4 transceiver, submits a message, and its receipt marks it delivered', async () => {
    const server = await start();
    const sender = senderFor(connect(server));
    const text = 'Ваш автомобиль эвакуирован на штрафстоянку, ул. Примерная, 1.';
    await enqueue('smpp:a', text);
    await sendAndSettle(sender, server, 1);

    expect(server.lastBind).toEqual({ systemId: 'openbeat', systemType: 'OPENBEAT', interfaceVersion: 0x34 });
    expect(server.messages).toEqual([
      { key: 'smpp:a', to: '77010000001', from: 'POLICE', fromTon: 5, fromNpi: 0, text, parts: 1, ids: [expect.any(String)], dataCoding: 8, registeredDelivery: 1 },
    ]);
    const message = await stored('smpp:a');
    expect(message).toMatchObject({ status: 'delivered', provider: 'smpp', provider_ids: server.messages[0]!.ids, parts_delivered: 1, attempts: 1 });
    expect(message.delivered_at).not.toBeNull();
    expect(await events('smpp:a')).toEqual([
      { kind: 'accepted', provider_status: 'OK' },
      { kind: 'receipt', provider_status: 'DELIVRD' },
    ]);
  });

  it('reads a receipt from its text when the SMSC sends no TLVs, and fails a message the network could not deliver', async () => {
    const server = await start({ receipts: { tlvs: false, state: 'UNDELIV' } });
    const sender = senderFor(connect(server, { sourceAddr: '+77270000102' }));
    await enqueue('smpp:undeliverable', 'Your car was towed.');
    await sendAndSettle(sender, server, 1);

    expect(server.messages[0]).toMatchObject({ from: '77270000102', fromTon: 1, fromNpi: 1, dataCoding: 0, text: 'Your car was towed.' });
    expect(await stored('smpp:undeliverable')).toMatchObject({ status: 'failed', failure_reason: 'the provider could not deliver it (UNDELIV)' });
    expect(await events('smpp:undeliverable')).toEqual([
      { kind: 'accepted', provider_status: 'OK' },
      { kind: 'receipt', provider_status: 'UNDELIV' },
    ]);
  });

  it('stops for good on a refusal other than throttling, and on a recipient that is no phone number', async () => {
    const server = await start();
    const sender = senderFor(connect(server));
    server.throttleNext(1, ESME_RINVDSTADR);
    await enqueue('smpp:refused', 'Test');
    await enqueue('smpp:nonsense', 'Test', 'call the duty officer');
    await sender.drain();

    expect(await stored('smpp:refused')).toMatchObject({ status: 'failed', attempts: 1, failure_reason: 'the SMSC refused the message: ESME_RINVDSTADR' });
    expect(await events('smpp:refused')).toEqual([{ kind: 'failed', provider_status: 'ESME_RINVDSTADR' }]);
    expect(await events('smpp:nonsense')).toEqual([{ kind: 'failed', provider_status: 'INVALID_RECIPIENT' }]);
    expect(server.submitsByKey.get('smpp:refused')).toBe(1);
    expect(server.submitsByKey.has('smpp:nonsense')).toBe(false);
    // more parts than a header can number (255 × 67) is refused before anything is sent
    const tooLong = await connect(server).submit(submission('smpp:too-long', 'я'.repeat(256 * 67))).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(PermanentFailure);
    expect(tooLong).toMatchObject({ providerStatus: 'TOO_LONG' });
    expect(server.submitsByKey.has('smpp:too-long')).toBe(false);
    expect(server.messages).toEqual([]);
  });

  it('answers throttling with retries, pausing longer each time, and sends the message in the end', async () => {
    const server = await start();
    const sender = senderFor(connect(server));
    server.throttleNext(3);
    const id = await enqueue('smpp:throttled', 'Tow notice');
    for (let round = 0; round < 6; round++) {
      await sender.drain();
      if ((await stored('smpp:throttled')).status !== 'queued') break;
      await t.db.execute(sql`update messages set next_attempt_at = now() where id = ${id}`);
    }
    await server.waitFor(() => server.receiptsAcked >= 1);
    await sender.flush();

    expect(await stored('smpp:throttled')).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(await events('smpp:throttled')).toEqual([
      { kind: 'retry', provider_status: 'ESME_RTHROTTLED' },
      { kind: 'retry', provider_status: 'ESME_RTHROTTLED' },
      { kind: 'retry', provider_status: 'ESME_RTHROTTLED' },
      { kind: 'accepted', provider_status: 'OK' },
      { kind: 'receipt', provider_status: 'DELIVRD' },
    ]);
    // The retries were due at once; the provider held each back for its backoff: 100, 200, 400 ms.
    const arrivals = server.submits.filter((s) => s.key === 'smpp:throttled').map((s) => s.at);
    expect(arrivals).toHaveLength(4);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    expect(server.acceptedByKey.get('smpp:throttled')).toBe(1);
  });

  it('holds back every new submission after a throttle answer, doubles the pause while refused, and resets it after a success', async () => {
    const server = await start();
    const provider = connect(server);
    server.throttleNext(2, ESME_RMSGQFUL);
    const first = await provider.submit(submission('smpp:q1')).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(TemporaryFailure);
    expect(first).toMatchObject({ providerStatus: 'ESME_RMSGQFUL', retryAfterMs: 100 });
    // another message: it waits for the pause too, and is refused again — the pause doubles
    const second = await provider.submit(submission('smpp:q2')).catch((e: unknown) => e);
    expect(second).toMatchObject({ providerStatus: 'ESME_RMSGQFUL', retryAfterMs: 200 });
    expect(provider.status().pausedForMs).toBeGreaterThan(100);
    const third = await provider.submit(submission('smpp:q3'));
    expect(third.duplicate).toBe(false);
    const [q1, q2, q3] = ['smpp:q1', 'smpp:q2', 'smpp:q3'].map((key) => server.submits.find((s) => s.key === key)!.at);
    expect(q2! - q1!).toBeGreaterThanOrEqual(95);
    expect(q3! - q2!).toBeGreaterThanOrEqual(195);
    // an acceptance reset the backoff: the next throttle pauses for the minimum again
    server.throttleNext(1);
    const fourth = await provider.submit(submission('smpp:q4')).catch((e: unknown) => e);
    expect(fourth).toMatchObject({ providerStatus: 'ESME_RTHROTTLED', retryAfterMs: 100 });
  });

  it("treats the SMSC's system error as passing: tried again, not failed", async () => {
    const server = await start();
    const provider = connect(server);
    server.throttleNext(1, 0x08); // ESME_RSYSERR
    const first = await provider.submit(submission('smpp:syserr')).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(TemporaryFailure);
    expect(first).toMatchObject({ providerStatus: 'ESME_RSYSERR' });
    expect((await provider.submit(submission('smpp:syserr'))).duplicate).toBe(false);
  });

  it('rebinds after the SMSC drops the connection, and the next message goes through', async () => {
    const server = await start();
    const provider = connect(server);
    const sender = senderFor(provider);
    sender.start();
    await enqueue('smpp:before-drop', 'Before');
    messagesQueued();
    await expect.poll(async () => (await stored('smpp:before-drop')).status).toBe('delivered');
    expect(server.binds).toBe(1);

    expect(server.dropConnections()).toBe(1);
    await server.waitFor(() => server.binds === 2 && provider.status().bound, 5000, 'a second bind');
    await enqueue('smpp:after-drop', 'After');
    messagesQueued();
    await expect.poll(async () => (await stored('smpp:after-drop')).status).toBe('delivered');
    expect(server.messages.map((m) => m.key)).toEqual(['smpp:before-drop', 'smpp:after-drop']);
    expect(server.binds).toBe(2);
  });

  it('fails a submission on the wire when the connection drops; resubmitted, the SMSC answers its first id', async () => {
    const server = await start({ respondDelayMs: 300 });
    const provider = connect(server);
    const pending = provider.submit(submission('smpp:on-the-wire')).catch((e: unknown) => e);
    await server.waitFor(() => server.submits.length === 1, 5000, 'the submit_sm');
    server.dropConnections();
    const lost = await pending;
    expect(lost).toBeInstanceOf(TemporaryFailure);
    expect(lost).toMatchObject({ message: 'connection lost', providerStatus: 'CONNECTION_LOST' });

    server.respondDelayMs = 0;
    await server.waitFor(() => server.binds === 2, 5000, 'a second bind');
    const again = await provider.submit(submission('smpp:on-the-wire'));
    expect(again).toMatchObject({ duplicate: true, providerIds: [server.submits[0]!.id] });
    expect(server.acceptedByKey.get('smpp:on-the-wire')).toBe(1);
    expect(server.messages).toHaveLength(1);
  });

  it('splits a long Cyrillic message into three UCS-2 parts that the SMSC joins into exactly the original', async () => {
    const server = await start();
    const sender = senderFor(connect(server));
    const text =
      'Ваш автомобиль 123 ABC 02 эвакуирован на штрафстоянку: г. Алматы, ул. Примерная, 1 (08:00–22:00, тел. 8 727 000 00 00). Причина: ст. 597 КоАП РК. Штраф 17 250 тг. Подробнее: ob.kz/t/7K3M';
    expect(text.length).toBe(186);
    expect(smsShape(text)).toMatchObject({ encoding: 'ucs2', segments: 3 });
    await enqueue('smpp:long-ru', text);
    await sendAndSettle(sender, server, 3);

    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]).toMatchObject({ key: 'smpp:long-ru', text, parts: 3, dataCoding: 8 });
    expect(server.submits.map((s) => s.part)).toEqual([1, 2, 3]);
    const message = await stored('smpp:long-ru');
    expect(message).toMatchObject({ status: 'delivered', segments: 3, parts_delivered: 3, provider_ids: server.messages[0]!.ids });
    expect(new Set(message.provider_ids).size).toBe(3);
  });

  it('splits a long GSM 7-bit message with extension characters without breaking one', async () => {
    const server = await start();
    const sender = senderFor(connect(server));
    const text = `Car 123 ABC 02 towed to lot [Almaty, Example st. 1]; fine {17250 KZT} ~ 38 € | pay at kaspi.kz\\fines ^ `.repeat(3).trim();
    expect(smsShape(text)).toMatchObject({ encoding: 'gsm7', segments: 3 });
    await enqueue('smpp:long-gsm', text);
    await sendAndSettle(sender, server, 3);

    expect(server.messages[0]).toMatchObject({ key: 'smpp:long-gsm', text, parts: 3, dataCoding: 0 });
    expect(await stored('smpp:long-gsm')).toMatchObject({ status: 'delivered', parts_delivered: 3 });
  });

  it('keeps at most `window` submit_sm unanswered: 30 messages through a window of 5', async () => {
    const server = await start({ respondDelayMs: 20 });
    const sender = senderFor(connect(server, { window: 5 }));
    for (let i = 0; i < 30; i++) await enqueue(`smpp:window:${i}`, `Message ${i}`, `+7701000${String(i).padStart(4, '0')}`);
    await sendAndSettle(sender, server, 30);

    expect(server.messages).toHaveLength(30);
    // the window was full (5 outstanding at a time) and never exceeded
    expect(server.maxOutstandingSeen).toBe(5);
    const [counts] = await rows<{ delivered: number }>(sql`select count(*) filter (where status = 'delivered')::int as delivered from messages where idempotency_key like 'smpp:window:%'`);
    expect(counts!.delivered).toBe(30);
  });

  it('answers a resubmission under the same key with the first ids and sends nothing again', async () => {
    const server = await start();
    const provider = connect(server);
    // a sender that died after the SMSC accepted but before it recorded the answer submits the same key again
    const text = 'Ваш автомобиль эвакуирован. '.repeat(4);
    const first = await provider.submit(submission('smpp:twice', text));
    const second = await provider.submit(submission('smpp:twice', text));
    expect(first).toMatchObject({ duplicate: false });
    expect(first.providerIds).toHaveLength(2);
    expect(second).toMatchObject({ duplicate: true, providerIds: first.providerIds });
    expect(server.submitsByKey.get('smpp:twice')).toBe(4); // two parts, twice
    expect(server.acceptedByKey.get('smpp:twice')).toBe(1);
    expect(server.duplicates).toBe(2);
    expect(server.messages).toHaveLength(1);

    // An SMSC that ignores openbeat's TLVs sends it again: this is the crash window the key closes.
    server.honourKeys = false;
    const third = await provider.submit(submission('smpp:twice', text));
    expect(third.duplicate).toBe(false);
    expect(server.acceptedByKey.get('smpp:twice')).toBe(2);
    expect(server.messages).toHaveLength(2);
  });

  it('reconciles a message whose sender died after the SMSC accepted it: the SMSC sends it once', async () => {
    const server = await start({ receipts: { delayMs: 200 } });
    const id = await enqueue('smpp:crash', 'Crash test');
    // The first process claims the message, the SMSC accepts it, and the process dies before recording:
    // its connection goes with it (and the receipt sent to it, 200 ms later, is lost too).
    const dyingProvider = connect(server);
    const dying = new MessageSender(t.db, { sms: dyingProvider }, { leaseMs: 60_000 });
    expect(await dying.fill()).toBe(1);
    await server.waitFor(() => server.messages.length === 1, 5000, 'the first submission');
    await dyingProvider.close();
    expect(await stored('smpp:crash')).toMatchObject({ status: 'sending', attempts: 1 });
    // Its lease lapses (moved into the past here instead of waiting a minute); the next sender takes over.
    await t.db.execute(sql`update messages set lease_until = now() - interval '1 second' where id = ${id}`);
    const next = senderFor(connect(server));
    await sendAndSettle(next, server, 1);

    expect(await stored('smpp:crash')).toMatchObject({ status: 'delivered', attempts: 2, provider_ids: server.messages[0]!.ids });
    expect((await events('smpp:crash')).map((e) => e.kind)).toEqual(['reconciled', 'receipt']);
    expect(server.submitsByKey.get('smpp:crash')).toBe(2);
    expect(server.acceptedByKey.get('smpp:crash')).toBe(1);
    expect(server.messages).toHaveLength(1);
  });

  it('keeps the link alive with enquire_link and answers the SMSC’s own', async () => {
    const server = await start();
    const provider = connect(server, { enquireLinkMs: 50 });
    await server.waitFor(() => server.enquireLinks >= 3, 5000, 'three enquire_link');
    expect(await server.pingSessions()).toBe(1);
    expect(provider.status().bound).toBe(true);
  });

  it('refuses a bind with wrong credentials or another interface version, and the provider keeps trying', async () => {
    const server = await start();
    const provider = connect(server, { password: 'wrong', reconnectMs: { min: 20, max: 40 }, queueTimeoutMs: 300 });
    await server.waitFor(() => server.bindFailures >= 3, 5000, 'three refused binds');
    expect(server.binds).toBe(0);
    const refused = await provider.submit(submission('smpp:unbound')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ providerStatus: 'NOT_BOUND' });
    expect(server.submits).toEqual([]);

    // a client speaking SMPP 5.0 (interface_version 0x50, the package's default) is refused as well
    const client = smpp.connect({ url: server.url });
    client.on('error', () => {});
    const answer = await new Promise<smpp.PDU>((resolve) => client.bind_transceiver({ system_id: 'openbeat', password: 'secret' }, resolve));
    expect(answer.command_status).toBe(ESME_RBINDFAIL);
    client.destroy();
  });

  it('close() unbinds, ends the connection, leaves no timer or socket behind, and refuses further submissions', async () => {
    const server = await start({ receipts: { enabled: false } });
    // Every timer and socket created while the provider lives, until its close() resolves; destroyed ones leave.
    const live = new Map<number, string>();
    let tracking = true;
    const hook = createHook({
      init: (id, type) => void (tracking && (type === 'Timeout' || type === 'TCPWRAP') && live.set(id, type)),
      destroy: (id) => void live.delete(id),
    }).enable();
    try {
      const provider = connect(server, { enquireLinkMs: 1000 });
      await provider.submit(submission('smpp:before-close'));
      expect([...live.values()]).toEqual(expect.arrayContaining(['TCPWRAP', 'Timeout'])); // the socket, the enquire_link timer
      await provider.close();
      tracking = false;
      expect(server.unbinds).toBe(1);
      await server.waitFor(() => server.boundSessions === 0, 2000, 'the session to end');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([...live.values()]).toEqual([]);
      expect(provider.status()).toEqual({ bound: false, inFlight: 0, queued: 0, pausedForMs: expect.any(Number) });
      const after = await provider.submit(submission('smpp:after-close')).catch((e: unknown) => e);
      expect(after).toMatchObject({ providerStatus: 'CLOSED' });
      expect(after).not.toBeInstanceOf(PermanentFailure);
    } finally {
      hook.disable();
    }
  });
});
