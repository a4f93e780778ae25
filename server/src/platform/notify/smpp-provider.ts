// The SMPP 3.4 provider: one bind_transceiver session to the operator's SMSC that carries submissions out
// and delivery receipts in.
//
// - The session rebinds by itself, with exponential backoff, whenever it drops, errs or stops answering.
//   Submissions on the wire when it drops fail with TemporaryFailure CONNECTION_LOST; the sender submits
//   them again under the same idempotency key, and an SMSC that honours the key (smpp-pdu.ts) answers the
//   first submission's ids without sending again.
// - At most `window` submit_sm are outstanding (sent, not answered); the rest wait in a FIFO queue and
//   move as answers come back — nothing polls.
// - ESME_RTHROTTLED and ESME_RMSGQFUL pause every submission for a backoff that doubles while the SMSC
//   keeps refusing and resets after an acceptance; other refusals are permanent.
// - A long message goes out as concatenated parts (smpp-encoding.ts), one submit_sm each.
import smpp from 'smpp';
import type { Logger } from 'pino';
import { PermanentFailure, TemporaryFailure, type Accepted, type MessageProvider, type Receipt, type Submission } from './provider.js';
import { concatReference, encodeForSmpp } from './smpp-encoding.js';
import {
  ESME_RMSGQFUL,
  ESME_RSYSERR,
  ESME_ROK,
  ESME_RTHROTTLED,
  isDeliveryReceipt,
  OPENBEAT_TLV,
  parseReceipt,
  registerOpenbeatTlvs,
  SMPP_INTERFACE_VERSION,
  statusName,
} from './smpp-pdu.js';

registerOpenbeatTlvs();

export interface SmppProviderOptions {
  /** smpp://host:port (or ssmpp:// for TLS). */
  url: string;
  systemId: string;
  password: string;
  systemType?: string;
  /** The sender name the owner sees: alphanumeric (≤ 11 characters, e.g. POLICE) or a number. */
  sourceAddr: string;
  /** submit_sm outstanding without a response at most (default 50). */
  window?: number;
  /** How often to send enquire_link while bound (default 30 s). */
  enquireLinkMs?: number;
  /** A bind, submit_sm or enquire_link unanswered this long means a dead link: drop it and rebind (default 30 s). */
  responseTimeoutMs?: number;
  /** A submission that cannot be sent within this long fails temporarily, so the sender records why (default 60 s). */
  queueTimeoutMs?: number;
  /** Pause before rebinding: doubles from min to max on each failed attempt (default 500 ms … 30 s). */
  reconnectMs?: { min: number; max: number };
  /** Pause after ESME_RTHROTTLED / ESME_RMSGQFUL: doubles from min to max (default 1 s … 30 s). */
  throttleMs?: { min: number; max: number };
  logger?: Logger;
}

/** What the provider is doing, for health checks and benchmarks. */
export interface SmppProviderStatus {
  bound: boolean;
  /** submit_sm sent and not yet answered. */
  inFlight: number;
  /** Parts waiting for room in the window, for the pause, or for a bind. */
  queued: number;
  /** How long new submissions are still held back after a throttle answer. */
  pausedForMs: number;
}

/** The parts of one message share this: when one part fails, its siblings still queued are not sent. */
interface Batch {
  failed: boolean;
}

interface Part {
  batch: Batch;
  fields: smpp.PduFields;
  resolve(answer: { id: string; duplicate: boolean }): void;
  reject(error: Error): void;
  queueTimer: NodeJS.Timeout | null;
  responseTimer: NodeJS.Timeout | null;
  sentAt: number;
}

interface Connection {
  session: smpp.Session;
  bound: boolean;
  closed: boolean;
  inFlight: Map<number, Part>;
  timers: { bind: NodeJS.Timeout | null; enquire: NodeJS.Timeout | null; enquireAnswer: NodeJS.Timeout | null; unbind: NodeJS.Timeout | null };
  whenClosed: Promise<void>;
  markClosed(): void;
}

const ALPHANUMERIC_SENDER_MAX = 11;

export class SmppProvider implements MessageProvider {
  readonly name = 'smpp';
  readonly channel = 'sms' as const;
  private readonly window: number;
  private readonly enquireLinkMs: number;
  private readonly responseTimeoutMs: number;
  private readonly queueTimeoutMs: number;
  private readonly reconnectMs: { min: number; max: number };
  private readonly throttleLimits: { min: number; max: number };
  private readonly source: { source_addr: string; source_addr_ton: number; source_addr_npi: number };
  private readonly logger: Logger | undefined;
  private conn: Connection | null = null;
  private queue: Part[] = [];
  private listeners: ((receipt: Receipt) => void)[] = [];
  private reconnectAttempts = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** The current throttle backoff; 0 while the SMSC accepts. */
  private throttleMs = 0;
  private pauseStartedAt = 0;
  private pausedUntil = 0;
  private pauseTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  private onIdle: (() => void) | null = null;

  /** Binds at once, so that receipts for messages sent before a restart arrive even when nothing new is sent. */
  constructor(private readonly options: SmppProviderOptions) {
    this.window = Math.max(1, options.window ?? 50);
    this.enquireLinkMs = options.enquireLinkMs ?? 30_000;
    this.responseTimeoutMs = options.responseTimeoutMs ?? 30_000;
    this.queueTimeoutMs = options.queueTimeoutMs ?? 60_000;
    this.reconnectMs = options.reconnectMs ?? { min: 500, max: 30_000 };
    this.throttleLimits = options.throttleMs ?? { min: 1_000, max: 30_000 };
    this.logger = options.logger;
    this.source = sourceAddress(options.sourceAddr);
    this.connect();
  }

  status(): SmppProviderStatus {
    return {
      bound: this.conn?.bound ?? false,
      inFlight: this.conn?.inFlight.size ?? 0,
      queued: this.queue.length,
      pausedForMs: Math.max(0, this.pausedUntil - Date.now()),
    };
  }

  async submit(message: Submission): Promise<Accepted> {
    if (this.closing) throw new TemporaryFailure('the SMPP provider is closed', 'CLOSED');
    const destination = destinationAddress(message.to);
    if (!destination) throw new PermanentFailure('the recipient is not an international phone number', 'INVALID_RECIPIENT');
    let encoded: ReturnType<typeof encodeForSmpp>;
    try {
      encoded = encodeForSmpp(message.text, concatReference(message.idempotencyKey));
    } catch (error) {
      // more parts than a UDH can number: no retry will make it fit
      throw new PermanentFailure(error instanceof Error ? error.message : String(error), 'TOO_LONG');
    }
    const batch: Batch = { failed: false };
    const answers = await Promise.allSettled(
      encoded.parts.map((part, i) =>
        this.enqueue(batch, {
          service_type: '',
          ...this.source,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: destination,
          esm_class: encoded.esmClass,
          registered_delivery: 1,
          data_coding: encoded.dataCoding,
          short_message: part.shortMessage,
          [OPENBEAT_TLV.messageKey.tag]: message.idempotencyKey,
          [OPENBEAT_TLV.partNumber.tag]: i + 1,
        }),
      ),
    );
    const errors = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as Error] : []));
    if (errors.length > 0) {
      // A refused part decides the message; otherwise the first temporary cause, not its siblings' "not sent".
      throw errors.find((e) => e instanceof PermanentFailure) ?? errors.find((e) => !(e instanceof TemporaryFailure && e.providerStatus === 'PART_FAILED')) ?? errors[0];
    }
    const accepted = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const duplicates = accepted.filter((a) => a.duplicate).length;
    const parts = accepted.length === 1 ? '' : ` in ${accepted.length} parts`;
    return {
      providerIds: accepted.map((a) => a.id),
      duplicate: duplicates === accepted.length,
      detail:
        duplicates === 0
          ? `accepted by the SMSC${parts} (${encoded.encoding})`
          : duplicates === accepted.length
            ? `the SMSC already had this key${parts}: nothing sent again`
            : `the SMSC already had ${duplicates} of ${accepted.length} parts; sent the rest`,
    };
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listeners.push(listener);
  }

  /** Lets the submissions on the wire be answered (up to 5 s), unbinds, and closes the connection. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  // ---- the send window ----

  private enqueue(batch: Batch, fields: smpp.PduFields): Promise<{ id: string; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      const part: Part = {
        batch,
        fields,
        resolve,
        reject: (error) => {
          batch.failed = true;
          reject(error);
          this.abandonSiblings(batch);
        },
        queueTimer: null,
        responseTimer: null,
        sentAt: 0,
      };
      part.queueTimer = setTimeout(() => {
        this.queue = this.queue.filter((p) => p !== part);
        const bound = this.conn?.bound ?? false;
        part.reject(
          bound
            ? new TemporaryFailure(`not sent within ${this.queueTimeoutMs} ms: the send window stayed full`, 'QUEUE_TIMEOUT')
            : new TemporaryFailure(`not sent within ${this.queueTimeoutMs} ms: no SMSC bind`, 'NOT_BOUND'),
        );
      }, this.queueTimeoutMs);
      this.queue.push(part);
      this.pump();
    });
  }

  /** Takes the still-queued parts of a message that will be submitted again anyway out of the queue. */
  private abandonSiblings(batch: Batch): void {
    const siblings = this.queue.filter((p) => p.batch === batch);
    if (siblings.length === 0) return;
    this.queue = this.queue.filter((p) => p.batch !== batch);
    for (const part of siblings) {
      if (part.queueTimer) clearTimeout(part.queueTimer);
      part.reject(new TemporaryFailure('not sent: another part of the message failed', 'PART_FAILED'));
    }
  }

  /** Sends queued parts while bound, not paused, and the window has room. Called on every change of those. */
  private pump(): void {
    const conn = this.conn;
    if (!conn?.bound || this.closing) return;
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) {
      this.pauseTimer ??= setTimeout(() => {
        this.pauseTimer = null;
        this.pump();
      }, pause);
      return;
    }
    while (this.queue.length > 0 && conn.inFlight.size < this.window) this.send(conn, this.queue.shift()!);
  }

  private send(conn: Connection, part: Part): void {
    if (part.queueTimer) clearTimeout(part.queueTimer);
    const pdu = new smpp.PDU('submit_sm', part.fields);
    part.sentAt = Date.now();
    if (!conn.session.send(pdu, (response) => this.answered(conn, pdu.sequence_number, response))) {
      part.reject(new TemporaryFailure('connection lost', 'CONNECTION_LOST'));
      return;
    }
    const sequence = pdu.sequence_number;
    conn.inFlight.set(sequence, part);
    part.responseTimer = setTimeout(() => {
      if (!conn.inFlight.delete(sequence)) return;
      part.reject(new TemporaryFailure(`no submit_sm_resp within ${this.responseTimeoutMs} ms`, 'RESPONSE_TIMEOUT'));
      this.logger?.warn({ sequence }, 'SMSC left a submit_sm unanswered: dropping the connection');
      conn.session.destroy();
    }, this.responseTimeoutMs);
  }

  private answered(conn: Connection, sequence: number, response: smpp.PDU): void {
    const part = conn.inFlight.get(sequence);
    if (!part) return; // answered after its timeout: already failed and dropped
    conn.inFlight.delete(sequence);
    if (part.responseTimer) clearTimeout(part.responseTimer);
    const status = response.command_status;
    if (response.command === 'submit_sm_resp' && status === ESME_ROK) {
      // Only a submission sent after the last pause began shows the SMSC has caught up.
      if (part.sentAt >= this.pauseStartedAt) this.throttleMs = 0;
      part.resolve({ id: typeof response.message_id === 'string' ? response.message_id : '', duplicate: response[OPENBEAT_TLV.duplicate.tag] === 1 });
    } else if (status === ESME_RTHROTTLED || status === ESME_RMSGQFUL) {
      const name = statusName(status);
      this.slowDown(part.sentAt, name);
      part.reject(new TemporaryFailure(`the SMSC answered ${name}: submissions paused for ${this.throttleMs} ms`, name, this.throttleMs));
    } else if (status === ESME_RSYSERR) {
      // the SMSC's own system error is usually short-lived: try the message again later (same key)
      const name = statusName(status);
      part.reject(new TemporaryFailure(`the SMSC answered ${name}`, name));
    } else {
      const name = statusName(status);
      part.reject(new PermanentFailure(`the SMSC refused the message: ${response.command === 'generic_nack' ? `generic_nack ${name}` : name}`, name));
    }
    if (conn.inFlight.size === 0) this.onIdle?.();
    this.pump();
  }

  /**
   * Holds every new submission back for the current backoff. Answers to submissions sent before the pause
   * began arrive in a burst and say nothing new, so only one sent after it doubles the backoff.
   */
  private slowDown(sentAt: number, status: string): void {
    if (sentAt < this.pauseStartedAt) return;
    const { min, max } = this.throttleLimits;
    this.throttleMs = this.throttleMs === 0 ? min : Math.min(max, this.throttleMs * 2);
    this.pauseStartedAt = Date.now();
    this.pausedUntil = this.pauseStartedAt + this.throttleMs;
    this.logger?.warn({ status, pauseMs: this.throttleMs }, 'SMSC asked to slow down: pausing submissions');
  }

  // ---- the connection ----

  private connect(): void {
    this.reconnectTimer = null;
    if (this.closing) return;
    const session = smpp.connect({ url: this.options.url });
    let markClosed = () => {};
    const whenClosed = new Promise<void>((resolve) => (markClosed = resolve));
    const conn: Connection = { session, bound: false, closed: false, inFlight: new Map(), timers: { bind: null, enquire: null, enquireAnswer: null, unbind: null }, whenClosed, markClosed };
    this.conn = conn;
    // a TLS session (ssmpp://) may bind once the handshake is done
    session.on(this.options.url.startsWith('ssmpp:') ? 'secureConnect' : 'connect', () => this.bind(conn));
    session.on('error', (error: Error) => {
      // A socket error closes the socket anyway; a malformed PDU leaves the package's reader stuck: drop it.
      this.logger?.warn({ err: error }, 'SMPP connection error');
      session.destroy();
    });
    session.on('close', () => this.disconnected(conn));
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('deliver_sm', (pdu: smpp.PDU) => this.delivered(session, pdu));
    session.on('unbind', (pdu: smpp.PDU) => {
      // The SMSC ends the session (maintenance): answer, close, and bind again after the usual pause.
      session.send(pdu.response());
      session.close();
    });
    session.on('unknown', (pdu: smpp.PDU) => session.send(pdu.response()));
  }

  private bind(conn: Connection): void {
    conn.timers.bind = setTimeout(() => {
      this.logger?.warn('SMSC did not answer bind_transceiver: reconnecting');
      conn.session.destroy();
    }, this.responseTimeoutMs);
    conn.session.bind_transceiver(
      {
        system_id: this.options.systemId,
        password: this.options.password,
        system_type: this.options.systemType ?? '',
        interface_version: SMPP_INTERFACE_VERSION,
        addr_ton: 0,
        addr_npi: 0,
        address_range: '',
      },
      (response) => {
        if (conn.timers.bind) clearTimeout(conn.timers.bind);
        if (conn.closed) return;
        if (response.command_status !== ESME_ROK) {
          // Wrong credentials stay wrong, but an SMSC also refuses binds while it restarts: keep trying, slowly.
          this.logger?.error({ status: statusName(response.command_status) }, 'SMSC refused bind_transceiver');
          conn.session.destroy();
          return;
        }
        conn.bound = true;
        this.reconnectAttempts = 0;
        this.logger?.info({ url: this.options.url }, 'bound to the SMSC');
        conn.timers.enquire = setInterval(() => this.enquire(conn), this.enquireLinkMs);
        this.pump();
      },
    );
  }

  /** Proves the link is alive: an enquire_link unanswered within the response timeout drops it. */
  private enquire(conn: Connection): void {
    if (!conn.bound || conn.timers.enquireAnswer) return;
    conn.timers.enquireAnswer = setTimeout(() => {
      this.logger?.warn('SMSC did not answer enquire_link: reconnecting');
      conn.session.destroy();
    }, this.responseTimeoutMs);
    conn.session.enquire_link({}, () => {
      if (conn.timers.enquireAnswer) clearTimeout(conn.timers.enquireAnswer);
      conn.timers.enquireAnswer = null;
    });
  }

  private disconnected(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.bound = false;
    if (conn.timers.bind) clearTimeout(conn.timers.bind);
    if (conn.timers.enquire) clearInterval(conn.timers.enquire);
    if (conn.timers.enquireAnswer) clearTimeout(conn.timers.enquireAnswer);
    if (conn.timers.unbind) clearTimeout(conn.timers.unbind);
    const lost = [...conn.inFlight.values()];
    conn.inFlight.clear();
    for (const part of lost) {
      if (part.responseTimer) clearTimeout(part.responseTimer);
      part.reject(new TemporaryFailure('connection lost', 'CONNECTION_LOST'));
    }
    if (this.conn === conn) this.conn = null;
    conn.markClosed();
    this.onIdle?.();
    if (this.closing) return;
    const { min, max } = this.reconnectMs;
    // ±20 % so that several app processes do not all rebind at the same instant
    const delay = Math.round(Math.min(max, min * 2 ** this.reconnectAttempts) * (0.8 + Math.random() * 0.4));
    this.reconnectAttempts++;
    this.logger?.warn({ lost: lost.length, rebindInMs: delay }, 'SMPP connection closed: rebinding');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  // ---- receipts ----

  private delivered(session: smpp.Session, pdu: smpp.PDU): void {
    try {
      if (!isDeliveryReceipt(pdu.esm_class)) {
        this.logger?.debug('ignoring a mobile-originated deliver_sm');
        return;
      }
      const parsed = parseReceipt({ receipted_message_id: pdu.receipted_message_id, message_state: pdu.message_state, short_message: pdu.short_message, message_payload: pdu.message_payload });
      if (!parsed) {
        this.logger?.warn('a delivery receipt named no message');
        return;
      }
      // The SMSC's "done date" carries no time zone; the time it reached us is the honest one.
      const receipt: Receipt = { ...parsed, at: new Date() };
      for (const listener of this.listeners) {
        try {
          listener(receipt);
        } catch (error) {
          this.logger?.error({ err: error }, 'a receipt listener failed');
        }
      }
    } finally {
      session.send(pdu.response());
    }
  }

  // ---- shutdown ----

  private async shutDown(): Promise<void> {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.reconnectTimer = this.pauseTimer = null;
    const queued = this.queue;
    this.queue = [];
    for (const part of queued) {
      if (part.queueTimer) clearTimeout(part.queueTimer);
      part.reject(new TemporaryFailure('the SMPP provider is closing', 'CLOSED'));
    }
    const conn = this.conn;
    if (conn && !conn.closed) {
      if (conn.inFlight.size > 0) await this.idle(Math.min(this.responseTimeoutMs, 5_000));
      if (conn.bound && !conn.closed) {
        conn.timers.unbind = setTimeout(() => conn.session.destroy(), 2_000);
        conn.session.unbind({}, () => conn.session.close());
      } else {
        conn.session.destroy();
      }
      await conn.whenClosed;
    }
    this.listeners = [];
  }

  /** Resolves when no submission is on the wire any more, or after `ms`. */
  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.onIdle = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.onIdle = done;
    });
  }
}

/** An alphanumeric sender is TON 5 (alphanumeric), NPI 0; a number is international (TON 1, NPI 1, E.164). */
function sourceAddress(sender: string): { source_addr: string; source_addr_ton: number; source_addr_npi: number } {
  if (/^\+?\d+$/.test(sender)) return { source_addr: sender.replace(/^\+/, ''), source_addr_ton: 1, source_addr_npi: 1 };
  if (sender.length === 0 || sender.length > ALPHANUMERIC_SENDER_MAX) {
    throw new Error(`an alphanumeric SMS sender has 1 to ${ALPHANUMERIC_SENDER_MAX} characters: "${sender}" has ${sender.length}`);
  }
  return { source_addr: sender, source_addr_ton: 5, source_addr_npi: 0 };
}

/** The recipient's E.164 digits (the outbox stores +7…), or null when it is no phone number. */
function destinationAddress(recipient: string): string | null {
  return /^\+?(\d{6,15})$/.exec(recipient.replace(/[\s()-]/g, ''))?.[1] ?? null;
}
