// A real SMS gateway for tests: an HTTP server on 127.0.0.1 that speaks the contract written at the top
// of platform/notify/http-gateway-provider.ts, so the provider is tested over real sockets, not mocks.
// It checks the bearer token, accepts each client_id once, "delivers" after a delay, and can be told to
// fail or to answer slowly, the way real gateways do on a bad day.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { smsShape } from '../platform/notify/sms-encoding.js';

export type GatewayStatus = 'queued' | 'sent' | 'delivered' | 'undeliverable' | 'expired' | 'rejected';

export interface GatewayMessage {
  id: string;
  /** The client_id it was submitted with (the outbox's idempotency key). */
  key: string;
  recipient: string;
  text: string;
  sender: string;
  parts: number;
  status: GatewayStatus;
  statusAt: Date;
}

export interface GatewayFailure {
  /** The HTTP status to answer instead, e.g. 503, 429, 400. */
  status: number;
  /** A Retry-After header to send with it: seconds or an HTTP date. */
  retryAfter?: string;
  /** The error text in the body (default: "injected failure"). */
  error?: string;
}

export interface GatewayRequest {
  method: string;
  path: string;
  /** The client_id of a submission. */
  key?: string;
  status: number;
}

export interface TestGatewayOptions {
  /** The bearer token every request must carry (default "test-token"). */
  token?: string;
  /** A message becomes `delivered` this long after it was accepted; null leaves it `sent` (default 50 ms). */
  deliverAfterMs?: number | null;
}

export interface TestGateway {
  /** The base URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly token: string;
  /** Every message accepted, in the order it was (one per client_id). */
  readonly messages: readonly GatewayMessage[];
  /** How many times each client_id was accepted for sending: more than one would be an SMS sent twice. */
  readonly acceptedByKey: ReadonlyMap<string, number>;
  /** Every request answered, in order, with its answer's status. */
  readonly requests: readonly GatewayRequest[];
  /** The most requests it was handling at one time. */
  readonly peakInFlight: number;
  /** The next `count` submissions (or status queries) are answered with `failure`, after the token check. */
  failNext(count: number, failure: GatewayFailure, route?: 'submit' | 'status'): void;
  /** The next `count` submissions are handled at once but answered `delayMs` later: a slow gateway whose answer may come too late. */
  delayNext(count: number, delayMs: number): void;
  /** Sets a message's status, e.g. undeliverable. */
  setStatus(messageId: string, status: GatewayStatus): void;
  close(): Promise<void>;
}

const finalStatuses = new Set<GatewayStatus>(['delivered', 'undeliverable', 'expired', 'rejected']);

interface SubmitBody {
  recipient?: unknown;
  text?: unknown;
  sender?: unknown;
  client_id?: unknown;
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const token = options.token ?? 'test-token';
  const deliverAfterMs = options.deliverAfterMs === undefined ? 50 : options.deliverAfterMs;
  const messages: GatewayMessage[] = [];
  const byId = new Map<string, GatewayMessage>();
  const byKey = new Map<string, GatewayMessage>();
  const acceptedByKey = new Map<string, number>();
  const requests: GatewayRequest[] = [];
  const failures: Record<'submit' | 'status', GatewayFailure[]> = { submit: [], status: [] };
  const delays: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  /** Answers held back by delayNext: close() lets them go, so the server can close. */
  const heldAnswers = new Set<() => void>();
  let inFlight = 0;
  let peakInFlight = 0;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const answer = (req: FastifyRequest, reply: FastifyReply, status: number, body: unknown, key?: string) => {
    requests.push({ method: req.method, path: req.url, status, ...(key === undefined ? {} : { key }) });
    return reply.code(status).send(body);
  };

  /** An injected failure for this route, if one is due: answers it and says so. */
  const injected = (route: 'submit' | 'status', req: FastifyRequest, reply: FastifyReply, key?: string) => {
    const failure = failures[route].shift();
    if (!failure) return false;
    if (failure.retryAfter !== undefined) void reply.header('retry-after', failure.retryAfter);
    void answer(req, reply, failure.status, { error: failure.error ?? 'injected failure' }, key);
    return true;
  };

  const app = Fastify({ logger: false });

  app.addHook('onRequest', async (req, reply) => {
    if (req.headers.authorization !== `Bearer ${token}`) return answer(req, reply, 401, { error: 'invalid or missing token' });
  });

  app.post('/messages', async (req, reply) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const body = (req.body ?? {}) as SubmitBody;
      const key = typeof body.client_id === 'string' ? body.client_id : undefined;
      if (injected('submit', req, reply, key)) return reply;
      // the message is taken at once; only the answer is late (what makes a client's timeout ambiguous)
      const delay = delays.shift() ?? 0;
      const [status, payload] = take(body);
      if (delay > 0) await hold(delay);
      return answer(req, reply, status, payload, key);
    } finally {
      inFlight--;
    }
  });

  function hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        heldAnswers.delete(release);
        resolve();
      };
      heldAnswers.add(release);
      later(ms, release);
    });
  }

  function take(body: SubmitBody): [number, unknown] {
    for (const name of ['recipient', 'text', 'sender', 'client_id'] as const) {
      if (typeof body[name] !== 'string' || body[name] === '') return [400, { error: `${name} is required` }];
    }
    const { recipient, text, sender, client_id: key } = body as { recipient: string; text: string; sender: string; client_id: string };
    if (!/^\+?\d{11,15}$/.test(recipient)) return [422, { error: `recipient ${recipient} is not a valid phone number` }];
    const seen = byKey.get(key);
    if (seen) return [409, { message_id: seen.id, error: 'client_id already accepted' }];
    const message: GatewayMessage = {
      id: `gw-${String(messages.length + 1).padStart(6, '0')}`,
      key,
      recipient,
      text,
      sender,
      parts: smsShape(text).segments,
      status: 'sent',
      statusAt: new Date(),
    };
    messages.push(message);
    byId.set(message.id, message);
    byKey.set(message.key, message);
    acceptedByKey.set(message.key, (acceptedByKey.get(message.key) ?? 0) + 1);
    if (deliverAfterMs !== null) later(deliverAfterMs, () => settle(message, 'delivered'));
    return [201, { message_id: message.id, parts: message.parts }];
  }

  function settle(message: GatewayMessage, status: GatewayStatus): void {
    if (finalStatuses.has(message.status)) return;
    message.status = status;
    message.statusAt = new Date();
  }

  app.get<{ Params: { id: string } }>('/messages/:id', async (req, reply) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      if (injected('status', req, reply)) return reply;
      const message = byId.get(req.params.id);
      if (!message) return answer(req, reply, 404, { error: 'no such message' });
      return answer(req, reply, 200, { message_id: message.id, status: message.status, status_at: message.statusAt.toISOString() });
    } finally {
      inFlight--;
    }
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    messages,
    acceptedByKey,
    requests,
    get peakInFlight() {
      return peakInFlight;
    },
    failNext(count, failure, route = 'submit') {
      for (let i = 0; i < count; i++) failures[route].push(failure);
    },
    delayNext(count, delayMs) {
      for (let i = 0; i < count; i++) delays.push(delayMs);
    },
    setStatus(messageId, status) {
      const message = byId.get(messageId);
      if (!message) throw new Error(`the test gateway has no message ${messageId}`);
      message.status = status;
      message.statusAt = new Date();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const release of [...heldAnswers]) release();
      await app.close();
    },
  };
}
