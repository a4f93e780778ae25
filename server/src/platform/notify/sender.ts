// The message sender: takes queued messages from the outbox (FOR UPDATE SKIP LOCKED, with a lease), hands
// them to the provider with up to `window` in flight, and records every answer — accepted (with the
// provider's ids), retry later (with backoff), failed for good — and every delivery receipt.
//
// Never twice: each submission carries the message's idempotency key. A sender that dies between the
// provider's acceptance and the record leaves the message `sending` with a lapsing lease; the next claim
// submits it again with the same key, the provider answers the first submission's ids without sending,
// and the record says `reconciled`.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db } from '../db/db.js';
import { backoffMs } from '../jobs/jobs.service.js';
import { onMessagesQueued } from './outbox.js';
import { PermanentFailure, TemporaryFailure, type MessageProvider, type Receipt } from './provider.js';

export interface SenderOptions {
  /** Messages in flight at once (handed to the provider, not yet answered). */
  window?: number;
  /** How long a claim holds a message; renewed while it is in flight. */
  leaseMs?: number;
  /** How often to look for due messages when nothing wakes the sender. */
  pollMs?: number;
  /** Temporary failures before a message fails for good. */
  maxAttempts?: number;
  /** Days a finished message keeps its recipient (a phone or an address) before it is blanked. */
  retentionDays?: number;
  logger?: Logger;
}

interface Claimed {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  text: string;
  idempotency_key: string;
  attempts: number;
}

type Outcome =
  | { kind: 'accepted'; id: number; attempt: number; provider: string; providerIds: string[]; duplicate: boolean; detail: string; at: Date }
  | { kind: 'retry'; id: number; attempt: number; providerStatus: string; detail: string; delayMs: number; last: boolean; at: Date }
  | { kind: 'failed'; id: number; attempt: number; providerStatus: string; detail: string; at: Date };

/** A receipt that named no known message yet (its acceptance may still be on its way to the table). */
interface PendingReceipt {
  receipt: Receipt;
  firstSeen: number;
}

const RECEIPT_PATIENCE_MS = 5 * 60_000;

export class MessageSender {
  readonly workerId = `sender-${randomUUID().slice(0, 8)}`;
  private readonly window: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly inFlight = new Map<number, Promise<void>>();
  private outcomes: Outcome[] = [];
  private receipts: PendingReceipt[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly providers: Partial<Record<'sms' | 'email', MessageProvider>>,
    private readonly options: SenderOptions = {},
  ) {
    this.window = options.window ?? 50;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 250;
    this.maxAttempts = options.maxAttempts ?? 12;
    for (const provider of Object.values(this.providers)) provider.onReceipt((receipt) => this.receipts.push({ receipt, firstSeen: Date.now() }));
  }

  private get channels(): ('sms' | 'email')[] {
    return (Object.keys(this.providers) as ('sms' | 'email')[]).filter((c) => this.providers[c]);
  }

  /** Runs until stop(): claims whenever there is room in the window and something is due. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.resumeOpen();
    this.unsubscribe = onMessagesQueued(() => this.wake?.());
    this.leaseTimer = setInterval(() => void this.renewLeases(), Math.max(1000, this.leaseMs / 3));
    this.leaseTimer.unref();
    this.loopDone = this.loop();
  }

  /**
   * Hands each provider the messages it accepted in the last two days whose delivery is not known yet, so
   * one that asks for statuses follows them again after a restart.
   */
  async resumeOpen(): Promise<void> {
    for (const provider of Object.values(this.providers)) {
      if (!provider.resume) continue;
      try {
        const open = await queryRows<{ id: string; sent_at: Date | string }>(
          this.db,
          sql`select unnest(provider_ids) as id, sent_at from messages
              where provider = ${provider.name} and status = 'sent' and sent_at > now() - interval '48 hours'`,
        );
        if (open.length > 0) provider.resume(open.map((r) => ({ providerId: r.id, sentAt: new Date(r.sent_at) })));
      } catch (error) {
        this.options.logger?.warn({ err: error, provider: provider.name }, 'could not resume following sent messages');
      }
    }
  }

  /** Stops claiming, waits for the messages in flight, records their answers. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight.values()]);
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    await this.flush();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        await this.expire();
        if (Date.now() - this.lastPurge > 3_600_000) {
          this.lastPurge = Date.now();
          await this.purgeRecipients();
        }
        claimed = await this.fill();
        await this.flush();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'message sender round failed');
      }
      if (!this.running) break;
      // Full window or nothing due: wait for room, a new message or the poll; otherwise claim again at once.
      if (claimed === 0 || this.inFlight.size >= this.window) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /**
   * Blanks the recipient of messages finished longer ago than the retention: the record of what was sent
   * and what the provider answered stays, the phone number or address does not.
   */
  async purgeRecipients(): Promise<number> {
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`update messages set recipient = null
          where recipient is not null and status in ('delivered', 'failed', 'expired')
            and finished_at < now() - make_interval(days => ${this.options.retentionDays ?? 90}) returning id`,
    );
    return rows.length;
  }

  /** Marks queued messages past their validity as expired: they are not sent at all. */
  async expire(): Promise<number> {
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`update messages set status = 'expired', finished_at = now(), failure_reason = 'not accepted by the provider within its validity'
          where status = 'queued' and expires_at <= now() returning id`,
    );
    if (rows.length > 0) {
      await this.db.execute(sql`insert into message_events (message_id, kind, worker_id, detail)
        select id, 'expired', ${this.workerId}, 'not accepted by the provider within its validity' from unnest(${sql.param(rows.map((r) => Number(r.id)))}::bigint[]) as u(id)`);
    }
    return rows.length;
  }

  /** Claims as many due messages as the window has room for and hands them to their providers. */
  async fill(): Promise<number> {
    const room = this.window - this.inFlight.size;
    if (room <= 0 || this.channels.length === 0) return 0;
    const claimed = await queryRows<Claimed>(
      this.db,
      sql`update messages set status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${this.leaseMs / 1000}), locked_by = ${this.workerId}
          where id in (
            select id from messages
            where channel = any(${sql.param(this.channels)}::text[])
              and ((status = 'queued' and next_attempt_at <= now() and expires_at > now())
                or (status = 'sending' and lease_until < now()))
            order by next_attempt_at, id
            for update skip locked
            limit ${room})
          returning id, channel, recipient, subject, text, idempotency_key, attempts`,
    );
    for (const row of claimed) {
      const id = Number(row.id);
      const work = this.submit({ ...row, id }).finally(() => {
        this.inFlight.delete(id);
        this.wake?.();
      });
      this.inFlight.set(id, work);
    }
    return claimed.length;
  }

  private async submit(row: Claimed): Promise<void> {
    const provider = this.providers[row.channel]!;
    const attempt = row.attempts;
    try {
      const accepted = await provider.submit({ id: row.id, channel: row.channel, to: row.recipient, text: row.text, ...(row.subject ? { subject: row.subject } : {}), idempotencyKey: row.idempotency_key });
      this.outcomes.push({ kind: 'accepted', id: row.id, attempt, provider: provider.name, providerIds: accepted.providerIds, duplicate: accepted.duplicate, detail: accepted.detail, at: new Date() });
    } catch (error) {
      if (error instanceof PermanentFailure) {
        this.outcomes.push({ kind: 'failed', id: row.id, attempt, providerStatus: error.providerStatus, detail: error.message, at: new Date() });
      } else {
        const temporary = error instanceof TemporaryFailure ? error : null;
        // a provider's Retry-After is honoured up to a day (the message expires long before anything longer matters)
        const delayMs = Math.min(86_400_000, Math.max(backoffMs(attempt), temporary?.retryAfterMs ?? 0));
        this.outcomes.push({
          kind: 'retry',
          id: row.id,
          attempt,
          providerStatus: temporary?.providerStatus ?? 'error',
          detail: error instanceof Error ? error.message : String(error),
          delayMs,
          last: attempt >= this.maxAttempts,
          at: new Date(),
        });
      }
    }
  }

  /** Keeps the claims of messages still in flight (a slow provider must not let another sender take them). */
  private async renewLeases(): Promise<void> {
    const ids = [...this.inFlight.keys()];
    if (ids.length === 0) return;
    await this.db
      .execute(
        sql`update messages set lease_until = now() + make_interval(secs => ${this.leaseMs / 1000})
            where id = any(${sql.param(ids)}::bigint[]) and locked_by = ${this.workerId} and status = 'sending'`,
      )
      .catch((error: unknown) => this.options.logger?.warn({ err: error }, 'lease renewal failed'));
  }

  /** Writes the answers and receipts gathered since the last flush, in one transaction. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeOutcomes()).catch((error: unknown) => this.options.logger?.error({ err: error }, 'recording message outcomes failed'));
    return this.flushing;
  }

  private async writeOutcomes(): Promise<void> {
    const outcomes = this.outcomes;
    this.outcomes = [];
    const receipts = this.receipts;
    this.receipts = [];
    if (outcomes.length === 0 && receipts.length === 0) return;
    try {
      await this.db.transaction(async (tx) => {
        const accepted = outcomes.filter((o) => o.kind === 'accepted');
        if (accepted.length > 0) {
          // Only the claim that still holds the message settles it; a lapsed claim's answer is still recorded.
          await tx.execute(sql`
            update messages m set status = 'sent', provider = u.provider, provider_ids = array(select jsonb_array_elements_text(u.ids::jsonb)),
              sent_at = coalesce(m.sent_at, u.at), lease_until = null, locked_by = null, failure_reason = null
            from unnest(${sql.param(accepted.map((o) => o.id))}::bigint[], ${sql.param(accepted.map((o) => o.attempt))}::int[], ${sql.param(accepted.map((o) => o.provider))}::text[],
                        ${sql.param(accepted.map((o) => JSON.stringify(o.providerIds)))}::text[], ${sql.param(accepted.map((o) => o.at.toISOString()))}::timestamptz[]) as u(id, attempt, provider, ids, at)
            where m.id = u.id and m.status = 'sending' and m.locked_by = ${this.workerId} and m.attempts = u.attempt`);
        }
        const retries = outcomes.filter((o) => o.kind === 'retry');
        if (retries.length > 0) {
          await tx.execute(sql`
            update messages m set
              status = case when u.last then 'failed' else 'queued' end,
              finished_at = case when u.last then now() else null end,
              next_attempt_at = now() + make_interval(secs => u.delay / 1000.0),
              lease_until = null, locked_by = null, failure_reason = u.detail
            from unnest(${sql.param(retries.map((o) => o.id))}::bigint[], ${sql.param(retries.map((o) => o.attempt))}::int[], ${sql.param(retries.map((o) => o.delayMs))}::int[],
                        ${sql.param(retries.map((o) => o.last))}::boolean[], ${sql.param(retries.map((o) => o.detail.slice(0, 1000)))}::text[]) as u(id, attempt, delay, last, detail)
            where m.id = u.id and m.status = 'sending' and m.locked_by = ${this.workerId} and m.attempts = u.attempt`);
        }
        const failed = outcomes.filter((o) => o.kind === 'failed');
        if (failed.length > 0) {
          await tx.execute(sql`
            update messages m set status = 'failed', finished_at = now(), lease_until = null, locked_by = null, failure_reason = u.detail
            from unnest(${sql.param(failed.map((o) => o.id))}::bigint[], ${sql.param(failed.map((o) => o.attempt))}::int[], ${sql.param(failed.map((o) => o.detail.slice(0, 1000)))}::text[]) as u(id, attempt, detail)
            where m.id = u.id and m.status = 'sending' and m.locked_by = ${this.workerId} and m.attempts = u.attempt`);
        }
        if (outcomes.length > 0) {
          const kindOf = (o: Outcome) => (o.kind === 'accepted' ? (o.duplicate ? 'reconciled' : 'accepted') : o.kind === 'retry' ? (o.last ? 'failed' : 'retry') : 'failed');
          const statusOf = (o: Outcome) => (o.kind === 'accepted' ? 'OK' : o.providerStatus);
          const detailOf = (o: Outcome) => (o.kind === 'accepted' ? `${o.providerIds.join(',')}: ${o.detail}` : o.detail);
          await tx.execute(sql`
            insert into message_events (message_id, kind, at, attempt, worker_id, provider_status, detail)
            select u.id, u.kind, u.at, u.attempt, ${this.workerId}, u.status, u.detail
            from unnest(${sql.param(outcomes.map((o) => o.id))}::bigint[], ${sql.param(outcomes.map(kindOf))}::text[], ${sql.param(outcomes.map((o) => o.at.toISOString()))}::timestamptz[],
                        ${sql.param(outcomes.map((o) => o.attempt))}::int[], ${sql.param(outcomes.map(statusOf))}::text[], ${sql.param(outcomes.map((o) => detailOf(o).slice(0, 1000)))}::text[]) as u(id, kind, at, attempt, status, detail)`);
        }
        if (receipts.length > 0) this.receipts.push(...(await this.applyReceipts(tx, receipts)));
      });
    } catch (error) {
      // Nothing of this flush was written: keep it for the next one.
      this.outcomes.unshift(...outcomes);
      this.receipts.unshift(...receipts);
      throw error;
    }
  }

  /** Records receipts against the messages whose parts they name; answers those that named no message yet. */
  private async applyReceipts(tx: Parameters<Parameters<Db['transaction']>[0]>[0], pending: PendingReceipt[]): Promise<PendingReceipt[]> {
    const ids = pending.map((p) => p.receipt.providerId);
    const matched = await queryRows<{ pid: string; id: number }>(
      tx,
      sql`select u.pid, m.id from unnest(${sql.param(ids)}::text[]) as u(pid) join messages m on m.provider_ids @> array[u.pid]`,
    );
    const messageOf = new Map(matched.map((r) => [r.pid, Number(r.id)]));
    const known = pending.filter((p) => messageOf.has(p.receipt.providerId));
    const now = Date.now();
    const waiting = pending.filter((p) => !messageOf.has(p.receipt.providerId) && now - p.firstSeen < RECEIPT_PATIENCE_MS);
    if (known.length === 0) return waiting;
    await tx.execute(sql`
      insert into message_events (message_id, kind, at, worker_id, provider_status, part_id, detail)
      select u.id, 'receipt', u.at, ${this.workerId}, u.status, u.pid, u.state
      from unnest(${sql.param(known.map((p) => messageOf.get(p.receipt.providerId)!))}::bigint[], ${sql.param(known.map((p) => p.receipt.at.toISOString()))}::timestamptz[],
                  ${sql.param(known.map((p) => p.receipt.providerStatus))}::text[], ${sql.param(known.map((p) => p.receipt.providerId))}::text[], ${sql.param(known.map((p) => p.receipt.state))}::text[]) as u(id, at, status, pid, state)
      on conflict (message_id, part_id) where kind = 'receipt' do nothing`);
    // A message is delivered when every part the provider named is; one part that cannot be delivered fails it.
    await tx.execute(sql`
      update messages m set
        parts_delivered = r.delivered,
        status = case when r.refused > 0 then 'failed' when r.delivered >= cardinality(m.provider_ids) then 'delivered' else m.status end,
        delivered_at = case when r.refused = 0 and r.delivered >= cardinality(m.provider_ids) then r.last_at else m.delivered_at end,
        finished_at = case when r.refused > 0 or r.delivered >= cardinality(m.provider_ids) then now() else m.finished_at end,
        failure_reason = case when r.refused > 0 then 'the provider could not deliver it (' || r.refused_status || ')' else m.failure_reason end
      from (select e.message_id,
                   count(*) filter (where e.detail = 'delivered')::int as delivered,
                   count(*) filter (where e.detail in ('undeliverable', 'expired', 'rejected'))::int as refused,
                   max(e.provider_status) filter (where e.detail in ('undeliverable', 'expired', 'rejected')) as refused_status,
                   max(e.at) as last_at
            from message_events e
            where e.kind = 'receipt' and e.message_id = any(${sql.param([...new Set(known.map((p) => messageOf.get(p.receipt.providerId)!))])}::bigint[])
            group by e.message_id) r
      where m.id = r.message_id and m.status = 'sent'`);
    return waiting;
  }

  /**
   * Sends everything due and records it (tests, the CLI): returns, when nothing is queued, due or in
   * flight, how many submissions it made.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.expire();
      const claimed = await this.fill();
      total += claimed;
      await Promise.allSettled([...this.inFlight.values()]);
      await this.flush();
      if (claimed === 0 && this.inFlight.size === 0) {
        // receipts that came in while recording may name messages just recorded
        if (this.receipts.length > 0) await this.flush();
        return total;
      }
    }
  }
}
