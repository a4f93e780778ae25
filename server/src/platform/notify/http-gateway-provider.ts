// An HTTP SMS gateway of the kind Kazakhstan providers offer: POST the recipient, the text and the
// sender name, get a message id back, ask for its status later.
//
// The contract a gateway must meet. Real gateways name the fields differently: adapt `wire` below (the
// one place that knows the field names and paths), nothing else.
//
//   Every request carries `Authorization: Bearer <token>`.
//
//   POST {baseUrl}/messages
//     {"recipient":"+77010000001","text":"…","sender":"POLICE","client_id":"<idempotency key>"}
//     2xx   {"message_id":"…","parts":2}     accepted; the id names the message in status queries
//     409   {"message_id":"…"}               this client_id was accepted before: nothing new is sent,
//                                            the id is the first submission's
//     429   Retry-After: <seconds|HTTP date> throttled: try again, not before then
//     408, 5xx                               busy or broken: try again later
//     other 4xx  {"error":"…"}               refused for good (bad number, sender not allowed, bad token)
//
//   GET {baseUrl}/messages/{message_id}
//     200   {"message_id":"…","status":"queued|sent|delivered|undeliverable|expired|rejected",
//            "status_at":"<ISO time, optional>"}
//     delivered, undeliverable, expired and rejected are final; queued and sent are not.
//
// What the provider adds: at most `maxInFlight` requests at once (submissions ahead of status queries,
// each in arrival order), a timeout on every request, and a poll of the status of every message it
// accepted until the status is final, reported to the sender as a Receipt.
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { PermanentFailure, TemporaryFailure, type Accepted, type MessageProvider, type Receipt, type ReceiptState, type Submission } from './provider.js';

export interface HttpGatewayOptions {
  /** The gateway's root, e.g. https://sms.example.kz/api/v1; the paths above are appended to it. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; it comes from the environment only. */
  token: string;
  /** The sender name registered with the gateway (shown to the recipient), e.g. POLICE. */
  sender: string;
  /** A request not answered within this long is a temporary failure (default 10 s). */
  timeoutMs?: number;
  /** How often to ask for the status of accepted messages not yet final (default 30 s). */
  statusPollMs?: number;
  /** Requests open at once; more wait their turn (default 20). */
  maxInFlight?: number;
  logger?: Logger;
}

/** A message whose status is not final by then is not asked about again (SMS validity is shorter). */
const STATUS_TRACKING_MS = 48 * 3_600_000;
/** The sender stores its retry delay as an int of milliseconds: a gateway's far-off Retry-After must fit. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

// --- The wire format: field names, paths and status words of the gateway, and nothing else. ---

const finalStatus = new Map<string, ReceiptState>([
  ['delivered', 'delivered'],
  ['undeliverable', 'undeliverable'],
  ['expired', 'expired'],
  ['rejected', 'rejected'],
]);

const wire = {
  submitPath: '/messages',
  statusPath: (messageId: string) => `/messages/${encodeURIComponent(messageId)}`,
  submitBody: (message: Submission, sender: string) => ({ recipient: message.to, text: message.text, sender, client_id: message.idempotencyKey }),
  accepted: (body: unknown) => ({ messageId: stringField(body, 'message_id'), parts: numberField(body, 'parts') }),
  status: (body: unknown) => ({ status: stringField(body, 'status'), at: dateField(body, 'status_at') }),
  /** The gateway's own words for a refusal, for the failure reason staff read. */
  error: (body: unknown, raw: string) => stringField(body, 'error') ?? stringField(body, 'message') ?? raw.trim().slice(0, 500),
};

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

function stringField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  // some gateways number their messages: an id is text to us either way
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function numberField(body: unknown, name: string): number | undefined {
  const value = field(body, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function dateField(body: unknown, name: string): Date | undefined {
  const value = field(body, name);
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

// --- Transport ---

interface GatewayAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

type Lane = 'submit' | 'status';

/**
 * At most `limit` tasks at once; the rest wait in arrival order. Submissions go before status queries,
 * so a poll of many open messages never delays a tow notice.
 */
class Limiter {
  private active = 0;
  private readonly waiting: Record<Lane, { resolve: () => void; reject: (error: Error) => void }[]> = { submit: [], status: [] };

  constructor(private readonly limit: number) {}

  async run<T>(lane: Lane, task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve, reject) => this.waiting[lane].push({ resolve, reject }));
    try {
      return await task();
    } finally {
      // hand the slot straight to the next in line, so nobody overtakes it
      const next = this.waiting.submit.shift() ?? this.waiting.status.shift();
      if (next) next.resolve();
      else this.active--;
    }
  }

  rejectWaiting(error: Error): void {
    for (const lane of ['submit', 'status'] as const) for (const waiter of this.waiting[lane].splice(0)) waiter.reject(error);
  }
}

export class HttpGatewayProvider implements MessageProvider {
  readonly name = 'http';
  readonly channel = 'sms' as const;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly statusPollMs: number;
  private readonly agent: Agent;
  private readonly limiter: Limiter;
  private listeners: ((receipt: Receipt) => void)[] = [];
  /** Accepted messages whose status is not final yet: gateway id → when tracking began. */
  private readonly tracked = new Map<string, number>();
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: HttpGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.statusPollMs = options.statusPollMs ?? 30_000;
    const maxInFlight = options.maxInFlight ?? 20;
    this.limiter = new Limiter(maxInFlight);
    // keep-alive connections, as many as requests may be in flight
    this.agent = new Agent({ connections: maxInFlight, keepAliveTimeout: 30_000, connect: { timeout: this.timeoutMs } });
  }

  async submit(message: Submission): Promise<Accepted> {
    if (message.channel !== 'sms') throw new PermanentFailure(`the HTTP gateway sends SMS only, not ${message.channel}`, 'unsupported channel');
    const answer = await this.call('POST', wire.submitPath, 'submit', wire.submitBody(message, this.options.sender));
    const status = `HTTP ${answer.status}`;
    const duplicate = answer.status === 409;
    if ((answer.status >= 200 && answer.status < 300) || duplicate) {
      const { messageId, parts } = wire.accepted(answer.json);
      if (!messageId) {
        // A 2xx without an id is safe to retry: the same client_id then answers 409 with the id.
        // A 409 without one would answer the same for ever: the message cannot be followed.
        if (duplicate) throw new PermanentFailure('the gateway had this client_id already but named no message id', status);
        throw new TemporaryFailure(`the gateway answered ${status} without a message id`, status);
      }
      this.track(messageId);
      const detail = duplicate ? `${status}: client_id seen before, message ${messageId}` : `${status}: message ${messageId}${parts ? `, ${parts} part(s)` : ''}`;
      return { providerIds: [messageId], duplicate, detail };
    }
    const reason = wire.error(answer.json, answer.text) || `the gateway answered ${status}`;
    if (answer.status === 429 || answer.status === 408 || answer.status >= 500) {
      // Retry-After is standard on 503 as well as 429: honour it wherever it comes
      throw new TemporaryFailure(reason, status, retryAfterMs(answer.headers['retry-after']));
    }
    if (answer.status >= 400) throw new PermanentFailure(reason, status);
    // 1xx/3xx: not in the contract (a wrong baseUrl behind a redirect, say); the retry limit ends it
    throw new TemporaryFailure(`unexpected answer: ${reason}`, status);
  }

  /**
   * Follows a gateway message until its status is final. Messages accepted by submit() are followed
   * already; this is for those accepted before a restart, which the caller knows from its records.
   */
  resume(open: { providerId: string; sentAt: Date }[]): void {
    for (const m of open) this.track(m.providerId, m.sentAt.getTime());
  }

  track(messageId: string, since: number = Date.now()): void {
    if (this.closed || this.tracked.has(messageId)) return;
    this.tracked.set(messageId, since);
    this.schedulePoll();
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listeners.push(listener);
  }

  /** Stops polling, refuses what waits for a turn, lets requests on the wire finish, closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.limiter.rejectWaiting(new TemporaryFailure('the gateway provider is closing', 'closed'));
    await this.polling;
    await this.agent.close();
    this.tracked.clear();
    this.listeners = [];
  }

  private async call(method: 'GET' | 'POST', path: string, lane: Lane, body?: unknown): Promise<GatewayAnswer> {
    return this.limiter.run(lane, async () => {
      if (this.closed) throw new TemporaryFailure('the gateway provider is closed', 'closed');
      const controller = new AbortController();
      // one deadline for the whole exchange: connect, headers and body
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const response = await request(`${this.baseUrl}${path}`, {
          method,
          dispatcher: this.agent,
          signal: controller.signal,
          headers: {
            authorization: `Bearer ${this.options.token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.body.text();
        return { status: response.statusCode, headers: response.headers, text, json: parseJson(text) };
      } catch (error) {
        if (controller.signal.aborted) throw new TemporaryFailure(`the gateway did not answer within ${this.timeoutMs} ms`, 'timeout');
        const code = (error as { code?: unknown }).code;
        const reason = error instanceof Error ? error.message : String(error);
        throw new TemporaryFailure(`could not reach the gateway: ${reason}`, typeof code === 'string' ? code : 'connection error');
      } finally {
        clearTimeout(timer);
      }
    });
  }

  // --- Status polling: one round at a time, the next one statusPollMs after the last ended. ---

  private schedulePoll(): void {
    if (this.closed || this.pollTimer || this.polling || this.tracked.size === 0) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.polling = this.pollRound().finally(() => {
        this.polling = null;
        this.schedulePoll();
      });
    }, this.statusPollMs);
    // the sender keeps a worker alive; an open question to the gateway alone should not
    this.pollTimer.unref();
  }

  private async pollRound(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      [...this.tracked].map(async ([messageId, since]) => {
        if (now - since > STATUS_TRACKING_MS) {
          this.tracked.delete(messageId);
          this.options.logger?.warn({ messageId }, 'gateway message has no final status after 48 h: no longer asking');
          return;
        }
        try {
          await this.pollOne(messageId);
        } catch (error) {
          // a busy or unreachable gateway: the next round asks again
          if (!this.closed) this.options.logger?.warn({ err: error, messageId }, 'gateway status query failed');
        }
      }),
    );
  }

  private async pollOne(messageId: string): Promise<void> {
    const answer = await this.call('GET', wire.statusPath(messageId), 'status');
    if (answer.status === 404) {
      this.tracked.delete(messageId);
      this.options.logger?.warn({ messageId }, 'the gateway does not know this message: no longer asking');
      return;
    }
    if (answer.status !== 200) throw new Error(`status query answered HTTP ${answer.status}: ${wire.error(answer.json, answer.text)}`);
    const { status, at } = wire.status(answer.json);
    const state = status === undefined ? undefined : finalStatus.get(status);
    if (!status || !state || !this.tracked.delete(messageId)) return;
    this.emit({ providerId: messageId, state, providerStatus: status, at: at ?? new Date() });
  }

  private emit(receipt: Receipt): void {
    for (const listener of this.listeners) {
      try {
        listener(receipt);
      } catch (error) {
        this.options.logger?.error({ err: error }, 'receipt listener failed');
      }
    }
  }
}
