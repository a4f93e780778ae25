// The development provider (the default): appends one JSON line per message to DATA_DIR/sms.log (or
// email.log) instead of sending anything. SMS lines carry `to`, `text`, `encoding`, `segments`. Like a
// real provider it accepts each idempotency key once: the keys already in the file are read at start.
import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Accepted, MessageProvider, Receipt, Submission } from './provider.js';
import { smsShape } from './sms-encoding.js';

export class LogFileProvider implements MessageProvider {
  readonly name = 'log';
  private seen: Promise<Map<string, string>> | null = null;
  private listeners: ((receipt: Receipt) => void)[] = [];

  constructor(
    private readonly dataDir: string,
    readonly channel: 'sms' | 'email' = 'sms',
  ) {}

  private get file(): string {
    return path.join(this.dataDir, `${this.channel}.log`);
  }

  private loadSeen(): Promise<Map<string, string>> {
    this.seen ??= (async () => {
      const seen = new Map<string, string>();
      try {
        const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Infinity });
        for await (const line of lines) {
          try {
            const entry = JSON.parse(line) as { key?: string; id?: string };
            if (entry.key) seen.set(entry.key, entry.id ?? `log:${entry.key}`);
          } catch {
            /* a torn last line after a crash: its message was not accepted */
          }
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return seen;
    })();
    return this.seen;
  }

  async submit(message: Submission): Promise<Accepted> {
    const seen = await this.loadSeen();
    const known = seen.get(message.idempotencyKey);
    if (known) {
      // its receipt may have gone to a sender that died: say again that it was delivered
      this.receipt(known);
      return { providerIds: [known], duplicate: true, detail: `already in ${this.channel}.log` };
    }
    await mkdir(this.dataDir, { recursive: true });
    const id = `log:${message.idempotencyKey}`;
    const at = new Date().toISOString();
    const line =
      this.channel === 'sms'
        ? (() => {
            const shape = smsShape(message.text);
            return { at, id, to: message.to, text: message.text, encoding: shape.encoding, segments: shape.segments, key: message.idempotencyKey };
          })()
        : { at, id, to: message.to, subject: message.subject ?? '', text: message.text, key: message.idempotencyKey };
    seen.set(message.idempotencyKey, id);
    await appendFile(this.file, `${JSON.stringify(line)}\n`);
    this.receipt(id);
    return { providerIds: [id], duplicate: false, detail: `written to ${this.channel}.log` };
  }

  /** The log "delivers" at once, so the staff pages show the whole life of a message in development. */
  private receipt(providerId: string): void {
    const receipt: Receipt = { providerId, state: 'delivered', providerStatus: 'DELIVRD', at: new Date() };
    queueMicrotask(() => this.listeners.forEach((listener) => listener(receipt)));
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.listeners = [];
  }
}
