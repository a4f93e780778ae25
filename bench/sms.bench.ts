/**
 * SMS through SMPP (п.24), against a real SMSC on this machine (the test SMSC on the `smpp` package's
 * server), in the same run as a reference:
 *
 * 1. Throughput: N queued tow notices sent by the message sender (claim with SKIP LOCKED and a lease,
 *    submit with the SMPP window, record every answer and receipt) against the SMPP provider alone
 *    submitting as many messages without a database. Goal ≥ 500 messages/s.
 * 2. Latency: tows registered through the towing service at a steady rate with the sender running; the
 *    time from each tow's commit to its submit_sm at the SMSC, p50 and p99, against the same for bare
 *    provider submits at the same rate. Goal p99 ≤ 1 s.
 *
 *   DATABASE_URL=postgres://… node --expose-gc --import tsx sms.bench.ts   (from bench/; PGlite without it)
 *   BENCH_MESSAGES=5000 BENCH_TOWS=600 BENCH_RATE=50
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor } from '../server/src/platform/audit/audit.service.js';
import { ensureFirstAdmin } from '../server/src/platform/auth/users.service.js';
import { upsertDistrict } from '../server/src/platform/geography/geography.service.js';
import { openDatabase, queryRows, type Database } from '../server/src/platform/db/db.js';
import { enqueueMessage } from '../server/src/platform/notify/outbox.js';
import { MessageSender } from '../server/src/platform/notify/sender.js';
import { SmppProvider } from '../server/src/platform/notify/smpp-provider.js';
import { almatyDistricts } from '../server/src/demo/almaty-districts.js';
import { adminQuery, databaseUrlFor, randomDbName } from '../server/src/test-support/test-database.js';
import { startTestSmsc, type TestSmsc } from '../server/src/test-support/smsc.js';
import { registerTow } from '../server/src/towing/towing.service.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const TOWS = Number(process.env.BENCH_TOWS ?? 600);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const WINDOW = 50;
const TEXT = "Авто 123 ABC 02 эвакуирован, ст.597 КоАП, штраф 17 250 тг. Стоянка: ул. Тестовая, 1, круглосуточно. Код 123456 localhost/c/Ab3dE9xY";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-sms-bench-'));
const baseUrl = process.env.DATABASE_URL;
const dbName = randomDbName('openbeat_bench');
let database: Database;
if (baseUrl) {
  await adminQuery(baseUrl, `create database ${dbName}`);
  database = await openDatabase({ databaseUrl: databaseUrlFor(baseUrl, dbName) });
} else database = await openDatabase({ dataDir: path.join(tmp, 'pglite') });

const provider = (smsc: TestSmsc) => new SmppProvider({ url: smsc.url, systemId: 'bench', password: 'bench', sourceAddr: 'POLICE', window: WINDOW });
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

try {
  await database.migrate();
  const db = database.db;
  const smsc = await startTestSmsc({ systemId: 'bench', password: 'bench', receipts: { enabled: true, delayMs: 5 } });

  // ---- 1. Throughput -------------------------------------------------------------------------------
  console.log(`\nopenbeat bench: sms — ${MESSAGES.toLocaleString('en-US')} two-part Cyrillic SMS to a local SMSC over SMPP, window ${WINDOW}, ${baseUrl ? 'PostgreSQL' : 'PGlite'}; node ${process.version}\n`);
  await db.transaction(async (tx) => {
    for (let i = 0; i < MESSAGES; i++) await enqueueMessage(tx, { channel: 'sms', recipient: `+7701${String(i).padStart(7, '0')}`, text: TEXT, purpose: 'bench', idempotencyKey: `bench:${i}` });
  });
  const sms = provider(smsc);
  const sender = new MessageSender(db, { sms }, { window: WINDOW * 2 });
  const t0 = performance.now();
  const sent = await sender.drain();
  const seconds = (performance.now() - t0) / 1000;
  const [recorded] = await queryRows<{ done: number }>(db, sql`select count(*)::int as done from messages where purpose = 'bench' and status in ('sent', 'delivered')`);
  const rate = MESSAGES / seconds;

  const bareProvider = provider(smsc);
  const r0 = performance.now();
  await Promise.all(Array.from({ length: MESSAGES }, (_, i) => bareProvider.submit({ id: i, channel: 'sms', to: `+7701${String(i).padStart(7, '0')}`, text: TEXT, idempotencyKey: `ref:${i}` })));
  const refSeconds = (performance.now() - r0) / 1000;
  await bareProvider.close();
  const refRate = MESSAGES / refSeconds;
  console.log(`  ours        ${seconds.toFixed(2)} s   ${Math.round(rate).toLocaleString('en-US').padStart(7)} messages/s   (sender: claim, submit ${sent} messages as ${sent * 2} submit_sm, record ${recorded!.done} answers and the receipts)`);
  console.log(`  reference   ${refSeconds.toFixed(2)} s   ${Math.round(refRate).toLocaleString('en-US').padStart(7)} messages/s   (the SMPP provider alone, no database)`);
  console.log(`  ratio (reference time / our time): ${(refSeconds / seconds).toFixed(3)}`);
  console.log(`  goal ≥ 500 messages/s: ${rate >= 500 ? 'PASS' : 'BELOW'}\n`);

  // ---- 2. Latency from the tow's commit to submit_sm ---------------------------------------------------
  await db.transaction(async (tx) => {
    await upsertDistrict(tx, almatyDistricts.find((d) => d.id === 'almaly')!);
  });
  const admin = await ensureFirstAdmin(db, 'bench-password-123');
  void admin;
  const [adminRow] = await queryRows<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  const [lot] = await queryRows<{ id: string }>(
    db,
    sql`insert into impound_lots (code, name, address, location, district_id, phone, hours, synthetic)
        values ('B-1', '{"ru":"Штрафстоянка","kk":"Тұрақ","en":"Lot"}', '{"ru":"ул. Тестовая, 1","kk":"Тестовая к-сі, 1","en":"1 Testovaya St"}',
                ST_SetSRID(ST_MakePoint(76.9, 43.25), 4326), 'almaly', '+77270000001', '{"ru":"круглосуточно","kk":"тәулік бойы","en":"24 h"}', true) returning id`,
  );
  await db.execute(sql`insert into tow_reasons (code, article, text, synthetic) values ('no-parking', '{"ru":"ст.597 КоАП","kk":"ӘҚБтК 597","en":"CAO 597"}', '{"ru":"Стоянка","kk":"Тұрақ","en":"Parking"}', true)`);
  const plates = Array.from({ length: TOWS }, (_, i) => `${String(i).padStart(3, '0')}BN02`);
  await db.execute(sql`insert into vehicle_registry (plate, phone, synthetic) select p, '+7702' || lpad(n::text, 7, '0'), true from unnest(${sql.param(plates)}::text[]) with ordinality as u(p, n)`);
  const principal = { userId: adminRow!.id, username: 'admin', displayName: 'bench', role: 'tow_operator' as const, scope: { kind: 'district' as const, districtId: 'almaly' } };
  const live = new MessageSender(db, { sms }, { window: WINDOW * 2, pollMs: 250 });
  live.start();
  const committedAt = new Map<string, number>();
  const interval = 1000 / RATE;
  const start = performance.now();
  for (const [i, plate] of plates.entries()) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { tow } = await registerTow(db, principal, { plate, make: 'Kia Rio', colour: 'белый', address: 'ул. Тестовая', towedAt: new Date().toISOString(), reasonCode: 'no-parking', fine: 17_250, lotId: lot!.id, truck: 'ЭВ-01' }, [], { publicUrl: 'http://localhost:8080' });
    committedAt.set(`tow:${tow.id}:notice`, Date.now());
  }
  await smsc.waitFor(() => [...committedAt.keys()].every((k) => smsc.submits.some((s) => s.key === k)), 60_000, 'every tow notice at the SMSC');
  await live.stop();
  const firstSubmit = new Map<string, number>();
  for (const s of smsc.submits) if (s.key && !firstSubmit.has(s.key)) firstSubmit.set(s.key, s.at);
  const latencies = [...committedAt].map(([key, at]) => firstSubmit.get(key)! - at).sort((a, b) => a - b);

  // Reference: bare provider submits at the same rate, from the call to the SMSC's record.
  const bare = provider(smsc);
  const calledAt = new Map<string, number>();
  const refStart = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < TOWS; i++) {
    const wait = refStart + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const key = `latref:${i}`;
    calledAt.set(key, Date.now());
    pending.push(bare.submit({ id: i, channel: 'sms', to: '+77010000000', text: TEXT, idempotencyKey: key }));
  }
  await Promise.all(pending);
  await bare.close();
  for (const s of smsc.submits) if (s.key?.startsWith('latref:') && !firstSubmit.has(s.key)) firstSubmit.set(s.key, s.at);
  const refLatencies = [...calledAt].map(([key, at]) => firstSubmit.get(key)! - at).sort((a, b) => a - b);

  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`openbeat bench: sms latency — ${TOWS} tows registered at ${RATE}/s through the towing service, sender in the same process\n`);
  console.log(`  commit → submit_sm   p50 ${p50} ms   p99 ${p99} ms   max ${latencies.at(-1)} ms`);
  console.log(`  reference (bare provider call → submit_sm at the same rate)   p50 ${percentile(refLatencies, 50)} ms   p99 ${percentile(refLatencies, 99)} ms`);
  console.log(`  goal p99 ≤ 1000 ms: ${p99 <= 1000 ? 'PASS' : 'BELOW'}\n`);
  fs.mkdirSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(path.dirname(new URL(import.meta.url).pathname), 'results', 'sms-sender.json'),
    JSON.stringify({ messages: MESSAGES, seconds, perSecond: rate, reference: { seconds: refSeconds, perSecond: refRate }, latency: { tows: TOWS, rate: RATE, p50, p99, max: latencies.at(-1), referenceP50: percentile(refLatencies, 50), referenceP99: percentile(refLatencies, 99) } }, null, 2),
  );
  await sms.close();
  await smsc.close();
} finally {
  await database.close();
  if (baseUrl) await adminQuery(baseUrl, `drop database if exists ${dbName} with (force)`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
