// Outgoing notifications (SMS and e-mail) behind one provider interface. Modules never call a provider:
// they enqueue a job in the transaction of the change (platform/jobs), and the job's handler sends.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { smsShape } from './sms-encoding.js';

export interface OutgoingMessage {
  channel: 'sms' | 'email';
  to: string;
  text: string;
  subject?: string;
  /** Stable per message: a provider that sees it twice must not send twice. */
  idempotencyKey: string;
}

export interface ProviderAnswer {
  /** The provider's id for the message, kept to reconcile receipts. */
  providerId: string;
  detail: string;
}

export interface NotificationProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<ProviderAnswer>;
}

/**
 * The development provider (the default): appends one JSON line per message to `DATA_DIR/sms.log` or
 * `DATA_DIR/email.log` instead of sending anything. SMS lines carry `to`, `text`, `encoding`, `segments`.
 */
export class LogFileProvider implements NotificationProvider {
  readonly name = 'log';
  constructor(private readonly dataDir: string) {}

  async send(message: OutgoingMessage): Promise<ProviderAnswer> {
    await mkdir(this.dataDir, { recursive: true });
    const at = new Date().toISOString();
    if (message.channel === 'sms') {
      const shape = smsShape(message.text);
      const line = { at, to: message.to, text: message.text, encoding: shape.encoding, segments: shape.segments, key: message.idempotencyKey };
      await appendFile(path.join(this.dataDir, 'sms.log'), `${JSON.stringify(line)}\n`);
    } else {
      const line = { at, to: message.to, subject: message.subject ?? '', text: message.text, key: message.idempotencyKey };
      await appendFile(path.join(this.dataDir, 'email.log'), `${JSON.stringify(line)}\n`);
    }
    return { providerId: `log:${message.idempotencyKey}`, detail: `written to ${message.channel}.log` };
  }
}
