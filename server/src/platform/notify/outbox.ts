// Writing a message: in the transaction of the change that causes it, so the message exists exactly when
// the change does. The sender (sender.ts) takes it from there.
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.js';
import { messages } from '../platform.tables.js';
import { smsShape } from './sms-encoding.js';

export interface NewMessage {
  channel: 'sms' | 'email';
  recipient: string;
  text: string;
  subject?: string;
  /** What sends it (tow.notice, appeal.status, support.code) and the record it is about. */
  purpose: string;
  refId?: string;
  /** Stable for this message: enqueueing the same key again keeps the first. */
  idempotencyKey: string;
  /** Not accepted by the provider within this many hours → expired, never sent (default 24). */
  validHours?: number;
}

const outboxEvents = new EventEmitter();

/** Call after the transaction that queued messages commits: a sender in this process starts at once (one in another process polls). */
export function messagesQueued(): void {
  outboxEvents.emit('queued');
}

/** A sender's wake-up call; answers the function that unsubscribes it. */
export function onMessagesQueued(listener: () => void): () => void {
  outboxEvents.on('queued', listener);
  return () => outboxEvents.off('queued', listener);
}

/** Queues a message in the caller's transaction; answers its id, or null when the key was already queued. */
export async function enqueueMessage(tx: DbOrTx, message: NewMessage): Promise<number | null> {
  const shape = message.channel === 'sms' ? smsShape(message.text) : null;
  const [row] = await tx
    .insert(messages)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      text: message.text,
      subject: message.subject ?? null,
      encoding: shape?.encoding ?? null,
      segments: shape?.segments ?? 1,
      purpose: message.purpose,
      refId: message.refId ?? null,
      idempotencyKey: message.idempotencyKey,
      expiresAt: sql`now() + make_interval(hours => ${message.validHours ?? 24})`,
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id });
  return row?.id ?? null;
}
