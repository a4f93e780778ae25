import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { useTestApp } from '../../../test-support/test-app.js';
import { testDriver } from '../../../test-support/test-database.js';
import { LogFileProvider } from '../log-provider.js';
import { enqueueMessage } from '../outbox.js';
import { MessageSender } from '../sender.js';

const t = useTestApp();
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const logLines = (dataDir: string) => {
  const file = path.join(dataDir, 'sms.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; to: string; encoding: string; segments: number }) : [];
};

describe(`message sender on ${testDriver}, with the development log provider`, () => {
  it('sends queued messages once, records acceptance and delivery, and keeps one message per key', async () => {
    // the demo data's own queued messages (today's tows) go first
    await new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) }).drain();
    const start = logLines(t.dataDir).length;
    const long = 'Ваш автомобиль эвакуирован на штрафстоянку по адресу ул. Примерная, 1. Часы работы 08:00–22:00. Штраф 17 250 тг.';
    await t.db.transaction(async (tx) => {
      await enqueueMessage(tx, { channel: 'sms', recipient: '+77010000001', text: 'Test 1', purpose: 'test', refId: 'a', idempotencyKey: 'test:a' });
      await enqueueMessage(tx, { channel: 'sms', recipient: '+77010000002', text: long, purpose: 'test', refId: 'b', idempotencyKey: 'test:b' });
      // the same key again keeps the first
      expect(await enqueueMessage(tx, { channel: 'sms', recipient: '+77010000003', text: 'other', purpose: 'test', refId: 'a', idempotencyKey: 'test:a' })).toBeNull();
    });
    const sender = new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) });
    await sender.drain();
    const stored = await rows<{ idempotency_key: string; status: string; encoding: string; segments: number; provider_ids: string[]; sent_at: Date | null; delivered_at: Date | null }>(
      sql`select idempotency_key, status, encoding, segments, provider_ids, sent_at, delivered_at from messages where purpose = 'test' order by idempotency_key`,
    );
    expect(stored.map((m) => [m.idempotency_key, m.status, m.encoding, m.segments])).toEqual([
      ['test:a', 'delivered', 'gsm7', 1],
      ['test:b', 'delivered', 'ucs2', 2],
    ]);
    for (const m of stored) {
      expect(m.provider_ids).toEqual([`log:${m.idempotency_key}`]);
      expect(m.sent_at).not.toBeNull();
      expect(m.delivered_at).not.toBeNull();
    }
    // submitted concurrently: the order of the lines is not fixed
    expect(logLines(t.dataDir).slice(start).map((l) => [l.key, l.to, l.encoding, l.segments]).sort()).toEqual([
      ['test:a', '+77010000001', 'gsm7', 1],
      ['test:b', '+77010000002', 'ucs2', 2],
    ]);
    const events = await rows<{ kind: string; n: number }>(sql`select e.kind, count(*)::int as n from message_events e join messages m on m.id = e.message_id where m.purpose = 'test' group by e.kind order by e.kind`);
    expect(events).toEqual([
      { kind: 'accepted', n: 2 },
      { kind: 'receipt', n: 2 },
    ]);
    // nothing more to send
    await sender.drain();
    expect(logLines(t.dataDir).slice(start)).toHaveLength(2);
  });

  it('reconciles a message whose sender died after the provider accepted it: the provider is not asked to send it twice', async () => {
    await t.db.transaction((tx) => enqueueMessage(tx, { channel: 'sms', recipient: '+77010000009', text: 'Crash', purpose: 'test-crash', idempotencyKey: 'test:crash' }));
    // The first sender claims with a one-second lease, hands the message over, and "dies" before recording.
    const dying = new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) }, { leaseMs: 1000 });
    expect(await dying.fill()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logLines(t.dataDir).filter((l) => l.key === 'test:crash')).toHaveLength(1);
    const [claimed] = await rows<{ status: string; attempts: number }>(sql`select status, attempts from messages where idempotency_key = 'test:crash'`);
    expect(claimed).toEqual({ status: 'sending', attempts: 1 });
    // While the lease holds, no other sender takes it.
    const next = new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) });
    expect(await next.fill()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await next.drain();
    const [settled] = await rows<{ status: string; attempts: number; provider_ids: string[] }>(sql`select status, attempts, provider_ids from messages where idempotency_key = 'test:crash'`);
    expect(settled).toMatchObject({ status: 'delivered', attempts: 2, provider_ids: ['log:test:crash'] });
    expect(logLines(t.dataDir).filter((l) => l.key === 'test:crash')).toHaveLength(1);
    const kinds = await rows<{ kind: string }>(sql`select e.kind from message_events e join messages m on m.id = e.message_id where m.idempotency_key = 'test:crash' order by e.id`);
    expect(kinds.map((k) => k.kind)).toEqual(['reconciled', 'receipt']);
  });

  it('expires a message not sent within its validity, and never sends it', async () => {
    await t.db.transaction((tx) => enqueueMessage(tx, { channel: 'sms', recipient: '+77010000010', text: 'Late', purpose: 'test-expiry', idempotencyKey: 'test:late', validHours: 0 }));
    await new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) }).drain();
    const [late] = await rows<{ status: string; failure_reason: string }>(sql`select status, failure_reason from messages where idempotency_key = 'test:late'`);
    expect(late).toEqual({ status: 'expired', failure_reason: 'not accepted by the provider within its validity' });
    expect(logLines(t.dataDir).some((l) => l.key === 'test:late')).toBe(false);
  });

  it('blanks the recipient of messages finished longer ago than the retention, and keeps the record', async () => {
    await t.db.transaction(async (tx) => {
      await enqueueMessage(tx, { channel: 'sms', recipient: '+77010000020', text: 'Old', purpose: 'test-retention', idempotencyKey: 'test:old' });
      await enqueueMessage(tx, { channel: 'sms', recipient: '+77010000021', text: 'Recent', purpose: 'test-retention', idempotencyKey: 'test:recent' });
    });
    const sender = new MessageSender(t.db, { sms: new LogFileProvider(t.dataDir) }, { retentionDays: 30 });
    await sender.drain();
    await t.db.execute(sql`update messages set finished_at = now() - interval '31 days' where idempotency_key = 'test:old'`);
    await t.db.execute(sql`insert into messages (channel, recipient, text, purpose, idempotency_key, expires_at, created_at) values ('sms', '+77010000022', 'Waiting', 'test-retention', 'test:waiting', now() + interval '1 day', now() - interval '60 days')`);
    expect(await sender.purgeRecipients()).toBe(1);
    const kept = await rows<{ idempotency_key: string; recipient: string | null; status: string; events: number }>(
      sql`select m.idempotency_key, m.recipient, m.status, (select count(*)::int from message_events e where e.message_id = m.id) as events
          from messages m where purpose = 'test-retention' order by idempotency_key`,
    );
    expect(kept).toEqual([
      { idempotency_key: 'test:old', recipient: null, status: 'delivered', events: 2 },
      { idempotency_key: 'test:recent', recipient: '+77010000021', status: 'delivered', events: 2 },
      { idempotency_key: 'test:waiting', recipient: '+77010000022', status: 'queued', events: 0 },
    ]);
  });
});
