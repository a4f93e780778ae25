// The crash test of issue 6: 1 000 tows, their SMS sent by `openbeat worker` processes to a real SMSC,
// the worker killed (SIGKILL) five times while sending. Afterwards every message was accepted by the SMSC
// exactly once, and the database holds the SMSC's own ids for each.
//
// PostgreSQL only: the worker is another process, and the embedded database belongs to one process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db.js';
import { mulberry32 } from '../../platform/random.js';
import { startTestSmsc, type TestSmsc } from '../../test-support/smsc.js';
import { useTestApp } from '../../test-support/test-app.js';
import { testDriver } from '../../test-support/test-database.js';

const TOWS = 1000;
const KILLS = 5;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const t = useTestApp();
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);

if (testDriver !== 'postgres') {
  process.stderr.write('\n  NOTE towing.crash.integration.test.ts runs on PostgreSQL only (the worker is another process); it is skipped on the embedded database and runs in the PostgreSQL pass of the suite.\n\n');
}

describe.runIf(testDriver === 'postgres')('towing on postgres: killing the SMS worker while it sends', () => {
  let smsc: TestSmsc;
  let dataDir: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // Slow answers and a small window, so that sending takes seconds and a kill lands mid-send.
    smsc = await startTestSmsc({ systemId: 'openbeat', password: 'secret', respondDelayMs: 25 });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openbeat-crash-'));
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await smsc?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/main.ts'), 'worker'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: t.testDb.url!,
        DATA_DIR: dataDir,
        SMS_PROVIDER: 'smpp',
        SMPP_URL: smsc.url,
        SMPP_SYSTEM_ID: 'openbeat',
        SMPP_PASSWORD: 'secret',
        SMPP_WINDOW: '8',
        MESSAGE_LEASE_SECONDS: '2',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) => {
      if (code !== null && code !== 0) process.stderr.write(`worker exited with ${code}: ${stderr}\n`);
      void signal;
    });
    workers.push(child);
    return child;
  }

  const accepted = () => smsc.messages.filter((m) => m.key?.startsWith('tow:')).length;

  it(`sends the SMS of ${TOWS} tows exactly once through ${KILLS} SIGKILLs of the worker`, { timeout: 240_000 }, async () => {
    // The registry knows every plate the test tows.
    const plates = Array.from({ length: TOWS }, (_, i) => `${String(i).padStart(3, '0')}KX02`);
    await t.db.execute(sql`insert into vehicle_registry (plate, phone, lang, synthetic)
      select p, '+7701' || lpad(n::text, 7, '0'), 'ru', true from unnest(${sql.param(plates)}::text[]) with ordinality as u(p, n)`);
    const operator = await t.login('tow_operator', { kind: 'district', districtId: 'almaly' });
    const [lot] = await rows<{ id: string }>(sql`select id from impound_lots where code = 'LOT-2'`);
    const demoMessages = await rows<{ n: number }>(sql`select count(*)::int as n from messages where status in ('queued', 'sending')`);
    for (const plate of plates) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/towing/tows',
        headers: { cookie: operator },
        payload: { plate, make: 'Lada Granta', colour: 'серый', address: 'ул. Тестовая (краш-тест)', towedAt: new Date().toISOString(), reasonCode: 'no-parking', fine: 17_250, lotId: lot!.id, truck: 'ЭВ-01' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const ours = (await rows<{ n: number }>(sql`select count(*)::int as n from messages where purpose = 'tow.notice' and status = 'queued'`))[0]!.n;
    expect(ours).toBe(TOWS + demoMessages[0]!.n);

    // Kill the worker at random points while it sends, and start another each time.
    const random = mulberry32(606);
    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const worker = startWorker();
      const target = accepted() + 60 + Math.floor(random() * 120);
      await smsc.waitFor(() => accepted() >= target, 60_000, `${target} messages at the SMSC`);
      worker.kill('SIGKILL');
      await new Promise((resolve) => worker.once('exit', resolve));
      killedAt.push(accepted());
    }
    expect(killedAt.at(-1)!).toBeLessThan(TOWS); // every kill came while there was still sending to do
    const last = startWorker();
    const settled = async () =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from messages m join tows t on m.ref_id = t.id::text where m.purpose = 'tow.notice' and t.plate like '%KX02' and m.status in ('sent', 'delivered')`))[0]!.n;
    const deadline = Date.now() + 120_000;
    while ((await settled()) < TOWS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    last.kill('SIGTERM');
    await new Promise((resolve) => last.once('exit', resolve));

    // Every tow's message: accepted by the SMSC exactly once, recorded with the SMSC's own ids.
    const stored = await rows<{ key: string; status: string; provider_ids: string[] }>(
      sql`select m.idempotency_key as key, m.status, m.provider_ids from messages m join tows t on m.ref_id = t.id::text
          where m.purpose = 'tow.notice' and t.plate like '%KX02'`,
    );
    expect(stored).toHaveLength(TOWS);
    const atSmsc = new Map(smsc.messages.map((m) => [m.key, m]));
    let resubmitted = 0;
    for (const m of stored) {
      expect(['sent', 'delivered']).toContain(m.status);
      expect(smsc.acceptedByKey.get(m.key), m.key).toBe(1);
      expect(m.provider_ids).toEqual(atSmsc.get(m.key)!.ids);
      if ((smsc.submitsByKey.get(m.key) ?? 0) > atSmsc.get(m.key)!.parts) resubmitted++;
    }
    expect(new Set(smsc.messages.filter((m) => m.key?.startsWith('tow:')).map((m) => m.key)).size).toBe(smsc.messages.filter((m) => m.key?.startsWith('tow:')).length);
    const [events] = await rows<{ reconciled: number }>(sql`select count(*) filter (where kind = 'reconciled')::int as reconciled from message_events`);
    process.stderr.write(
      `\n  crash test: ${TOWS} tows, SMSC counts when killed ${killedAt.join(', ')}; ${resubmitted} messages resubmitted after a kill, ${events!.reconciled} answered by the SMSC as already accepted (reconciled), ${smsc.duplicates} duplicate submissions; every message accepted exactly once\n`,
    );
    expect(resubmitted).toBeGreaterThan(0); // the kills did land while messages were in flight
  });
});
