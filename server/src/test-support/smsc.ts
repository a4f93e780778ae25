// A real SMSC for tests and benchmarks: the `smpp` package's server on 127.0.0.1, a random port. It binds
// transceivers (interface version 0x34, one system_id/password), answers submit_sm with ids, deduplicates by
// openbeat's idempotency TLVs (key + part), joins concatenated parts into whole texts, sends delivery
// receipts, and lets a test throttle, delay, refuse and drop — and count what the ESME did.
//
// It decodes texts with the package's own GSM 7-bit and UCS-2 decoders, not openbeat's, so a test that
// compares the joined text with the original checks openbeat's encoder against an independent one.
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import smpp from 'smpp';
import { OPENBEAT_TLV, receiptText, registerOpenbeatTlvs, SMPP_INTERFACE_VERSION } from '../platform/notify/smpp-pdu.js';

registerOpenbeatTlvs();

export type ReceiptStat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD' | 'DELETED' | 'UNKNOWN' | 'ACCEPTD';
const MESSAGE_STATE: Record<ReceiptStat, number> = { DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };

export interface ReceiptSettings {
  enabled: boolean;
  /** After the submit_sm_resp. */
  delayMs: number;
  state: ReceiptStat;
  /** Send receipted_message_id and message_state TLVs; false: only the receipt text, as older SMSCs do. */
  tlvs: boolean;
}

export interface TestSmscOptions {
  systemId?: string;
  password?: string;
  respondDelayMs?: number;
  receipts?: Partial<ReceiptSettings>;
  /** Answer a repeated key + part with the first id (default); false: an SMSC that ignores openbeat's TLVs. */
  honourKeys?: boolean;
}

/** A whole message as the SMSC holds it: its parts joined in order. */
export interface SmscMessage {
  key: string | undefined;
  to: string;
  from: string;
  fromTon: number;
  fromNpi: number;
  text: string;
  parts: number;
  ids: string[];
  dataCoding: number;
  registeredDelivery: number;
}

/** One submit_sm as it arrived, and what the SMSC answered. */
export interface SubmitRecord {
  at: number;
  key: string | undefined;
  part: number;
  status: number;
  id: string | undefined;
  duplicate: boolean;
}

interface Accepted {
  id: string;
  to: string;
  from: string;
  fromTon: number;
  fromNpi: number;
  submittedAt: Date;
  session: smpp.Session;
  receiptWanted: boolean;
}

interface PartialMessage {
  key: string | undefined;
  parts: ({ text: string; id: string } | undefined)[];
  first: Omit<SmscMessage, 'text' | 'parts' | 'ids' | 'key'>;
}

const ESME_ROK = 0x00;
const ESME_RINVBNDSTS = smpp.errors.ESME_RINVBNDSTS ?? 0x04;
const ESME_RALYBND = smpp.errors.ESME_RALYBND ?? 0x05;
const ESME_RINVDSTADR = smpp.errors.ESME_RINVDSTADR ?? 0x0b;
const ESME_RBINDFAIL = smpp.errors.ESME_RBINDFAIL ?? 0x0d;
export const ESME_RTHROTTLED = smpp.errors.ESME_RTHROTTLED ?? 0x58;
export const ESME_RMSGQFUL = smpp.errors.ESME_RMSGQFUL ?? 0x14;

export class TestSmsc {
  readonly url: string;
  /** Delay before each submit_sm_resp (to fill the ESME's window). */
  respondDelayMs: number;
  receipts: ReceiptSettings;
  honourKeys: boolean;
  /** Whole messages, in the order their last part arrived. Duplicates are not added again. */
  readonly messages: SmscMessage[] = [];
  /** submit_sm PDUs that arrived per key (all parts, duplicates and refused ones too). */
  readonly submitsByKey = new Map<string, number>();
  /** How many times a key was accepted as new: the most any one of its parts was (1 unless keys are ignored). */
  readonly acceptedByKey = new Map<string, number>();
  readonly submits: SubmitRecord[] = [];
  binds = 0;
  bindFailures = 0;
  unbinds = 0;
  enquireLinks = 0;
  /** Submissions answered with the first id because the key and part were known. */
  duplicates = 0;
  /** The most submit_sm received and not answered yet, at any moment. */
  maxOutstandingSeen = 0;
  receiptsSent = 0;
  receiptsAcked = 0;
  lastBind: { systemId: string; systemType: string; interfaceVersion: number } | null = null;

  private outstanding = 0;
  /** Ids start at a random point: receipts are matched by id, and a database outlives many test SMSCs. */
  private counter = randomInt(0x1000_0000, 0x7000_0000);
  private throttle = { remaining: 0, status: ESME_RTHROTTLED };
  private readonly acceptedParts = new Map<string, Accepted & { count: number }>();
  private readonly partial = new Map<string, PartialMessage>();
  private readonly bound = new Set<smpp.Session>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pendingReceipts: Accepted[] = [];

  private constructor(
    private readonly server: smpp.Server,
    port: number,
    private readonly credentials: { systemId: string; password: string },
    options: TestSmscOptions,
  ) {
    this.url = `smpp://127.0.0.1:${port}`;
    this.respondDelayMs = options.respondDelayMs ?? 0;
    this.receipts = { enabled: true, delayMs: 10, state: 'DELIVRD', tlvs: true, ...options.receipts };
    this.honourKeys = options.honourKeys ?? true;
    server.on('session', (session: smpp.Session) => this.attach(session));
  }

  static async start(options: TestSmscOptions = {}): Promise<TestSmsc> {
    const server = smpp.createServer(() => {});
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new TestSmsc(server, port, { systemId: options.systemId ?? 'openbeat', password: options.password ?? 'secret' }, options);
  }

  /** Sessions bound now. */
  get boundSessions(): number {
    return this.bound.size;
  }

  /** Answers the next `n` submit_sm with `status` (ESME_RTHROTTLED, ESME_RMSGQFUL, ESME_RINVDSTADR, …). */
  throttleNext(n: number, status: number = ESME_RTHROTTLED): void {
    this.throttle = { remaining: n, status };
  }

  /** Destroys every session's socket, as a network failure would; answers how many there were. */
  dropConnections(): number {
    const sessions = [...this.server.sessions];
    for (const session of sessions) session.destroy();
    return sessions.length;
  }

  /** Sends enquire_link on every bound session; answers how many answered within `timeoutMs`. */
  async pingSessions(timeoutMs = 1000): Promise<number> {
    const answers = await Promise.all(
      [...this.bound].map(
        (session) =>
          new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            if (!session.enquire_link({}, () => (clearTimeout(timer), resolve(true)))) resolve(false);
          }),
      ),
    );
    return answers.filter(Boolean).length;
  }

  /** Resolves when `predicate` holds; fails after `timeoutMs` naming `what`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'the SMSC condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private later(ms: number, task: () => void): void {
    if (ms <= 0) return task();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  private attach(session: smpp.Session): void {
    session.on('error', () => {}); // a client that vanishes resets the socket: that is what tests do
    session.on('close', () => this.bound.delete(session));
    session.on('bind_transceiver', (pdu: smpp.PDU) => this.bind(session, pdu));
    for (const refused of ['bind_transmitter', 'bind_receiver']) {
      session.on(refused, (pdu: smpp.PDU) => {
        this.bindFailures++;
        session.send(pdu.response({ command_status: ESME_RBINDFAIL }));
      });
    }
    session.on('enquire_link', (pdu: smpp.PDU) => {
      this.enquireLinks++;
      session.send(pdu.response());
    });
    session.on('unbind', (pdu: smpp.PDU) => {
      this.unbinds++;
      this.bound.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: smpp.PDU) => this.submit(session, pdu));
    session.on('deliver_sm_resp', () => this.receiptsAcked++);
    session.on('unknown', (pdu: smpp.PDU) => session.send(pdu.response()));
  }

  private bind(session: smpp.Session, pdu: smpp.PDU): void {
    const systemId = String(pdu.system_id ?? '');
    this.lastBind = { systemId, systemType: String(pdu.system_type ?? ''), interfaceVersion: Number(pdu.interface_version) };
    if (this.bound.has(session)) {
      session.send(pdu.response({ command_status: ESME_RALYBND }));
      return;
    }
    if (pdu.interface_version !== SMPP_INTERFACE_VERSION || systemId !== this.credentials.systemId || pdu.password !== this.credentials.password) {
      this.bindFailures++;
      session.send(pdu.response({ command_status: ESME_RBINDFAIL }));
      session.close();
      return;
    }
    this.binds++;
    this.bound.add(session);
    session.send(pdu.response({ system_id: 'OPENBEAT-TEST-SMSC' }));
    // receipts that found no bound session wait for the next bind, as an SMSC stores them
    const waiting = this.pendingReceipts;
    this.pendingReceipts = [];
    for (const accepted of waiting) this.sendReceipt(accepted);
  }

  private submit(session: smpp.Session, pdu: smpp.PDU): void {
    this.outstanding++;
    this.maxOutstandingSeen = Math.max(this.maxOutstandingSeen, this.outstanding);
    const key = typeof pdu[OPENBEAT_TLV.messageKey.tag] === 'string' ? (pdu[OPENBEAT_TLV.messageKey.tag] as string) : undefined;
    const part = typeof pdu[OPENBEAT_TLV.partNumber.tag] === 'number' ? (pdu[OPENBEAT_TLV.partNumber.tag] as number) : 1;
    const record: SubmitRecord = { at: Date.now(), key, part, status: ESME_ROK, id: undefined, duplicate: false };
    this.submits.push(record);
    if (key) this.submitsByKey.set(key, (this.submitsByKey.get(key) ?? 0) + 1);
    const answer = (fields: smpp.PduFields, after?: () => void) =>
      this.later(this.respondDelayMs, () => {
        this.outstanding--;
        session.send(pdu.response(fields));
        after?.();
      });
    const refuse = (status: number) => {
      record.status = status;
      answer({ command_status: status });
    };

    if (!this.bound.has(session)) return refuse(ESME_RINVBNDSTS);
    if (this.throttle.remaining > 0) {
      this.throttle.remaining--;
      return refuse(this.throttle.status);
    }
    const to = String(pdu.destination_addr ?? '');
    if (!/^\d{6,15}$/.test(to)) return refuse(ESME_RINVDSTADR);

    const partKey = key === undefined ? undefined : `${key}#${part}`;
    const known = partKey && this.honourKeys ? this.acceptedParts.get(partKey) : undefined;
    if (known) {
      this.duplicates++;
      record.id = known.id;
      record.duplicate = true;
      // The first receipt may have gone to an ESME that died before recording it: report it again.
      return answer({ message_id: known.id, [OPENBEAT_TLV.duplicate.tag]: 1 }, () => {
        if (known.receiptWanted) this.scheduleReceipt({ ...known, session });
      });
    }

    const id = (++this.counter).toString(16).toUpperCase().padStart(8, '0');
    record.id = id;
    const accepted: Accepted = {
      id,
      to,
      from: String(pdu.source_addr ?? ''),
      fromTon: Number(pdu.source_addr_ton),
      fromNpi: Number(pdu.source_addr_npi),
      submittedAt: new Date(),
      session,
      receiptWanted: (Number(pdu.registered_delivery) & 0x03) !== 0,
    };
    if (key !== undefined && partKey !== undefined) {
      const count = (this.acceptedParts.get(partKey)?.count ?? 0) + 1;
      this.acceptedParts.set(partKey, { ...accepted, count });
      this.acceptedByKey.set(key, Math.max(this.acceptedByKey.get(key) ?? 0, count));
    }
    this.collect(key, accepted, pdu);
    answer({ message_id: id }, () => {
      if (accepted.receiptWanted) this.scheduleReceipt(accepted);
    });
  }

  /** Files a part under its concatenation reference; a message is whole when its last missing part arrives. */
  private collect(key: string | undefined, accepted: Accepted, pdu: smpp.PDU): void {
    const shortMessage = pdu.short_message as { udh?: Buffer[]; message?: unknown } | undefined;
    const text = typeof shortMessage?.message === 'string' ? shortMessage.message : '';
    const about = {
      to: accepted.to,
      from: accepted.from,
      fromTon: accepted.fromTon,
      fromNpi: accepted.fromNpi,
      dataCoding: Number(pdu.data_coding),
      registeredDelivery: Number(pdu.registered_delivery),
    };
    const concat = shortMessage?.udh?.find((ie) => ie[0] === 0x00 && ie[1] === 3);
    if (!concat) {
      this.messages.push({ key, ...about, text, parts: 1, ids: [accepted.id] });
      return;
    }
    const [, , reference, total, sequence] = concat;
    const id = `${accepted.from}|${accepted.to}|${reference}|${total}`;
    const partial = this.partial.get(id) ?? { key, parts: Array.from({ length: total! }, () => undefined), first: about };
    this.partial.set(id, partial);
    partial.parts[sequence! - 1] = { text, id: accepted.id };
    if (partial.parts.every(Boolean)) {
      this.partial.delete(id);
      const parts = partial.parts as { text: string; id: string }[];
      this.messages.push({ key: partial.key, ...partial.first, text: parts.map((p) => p.text).join(''), parts: parts.length, ids: parts.map((p) => p.id) });
    }
  }

  private scheduleReceipt(accepted: Accepted): void {
    if (!this.receipts.enabled) return;
    this.later(this.receipts.delayMs, () => this.sendReceipt(accepted));
  }

  /** On the session that submitted, or any bound one if it is gone, or the next to bind. */
  private sendReceipt(accepted: Accepted): void {
    const session = this.bound.has(accepted.session) ? accepted.session : [...this.bound][0];
    if (!session) {
      this.pendingReceipts.push(accepted);
      return;
    }
    const stat = this.receipts.state;
    const text = receiptText({ id: accepted.id, stat, submitted: accepted.submittedAt, done: new Date() });
    const fields: smpp.PduFields = {
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: accepted.to,
      dest_addr_ton: accepted.fromTon,
      dest_addr_npi: accepted.fromNpi,
      destination_addr: accepted.from,
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(text, 'ascii'),
      ...(this.receipts.tlvs ? { receipted_message_id: accepted.id, message_state: MESSAGE_STATE[stat] } : {}),
    };
    if (session.deliver_sm(fields)) this.receiptsSent++;
    else this.pendingReceipts.push(accepted);
  }
}

/** Starts a test SMSC on 127.0.0.1 and a random port; close it when done. */
export function startTestSmsc(options: TestSmscOptions = {}): Promise<TestSmsc> {
  return TestSmsc.start(options);
}
