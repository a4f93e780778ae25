// What a message provider (an SMS centre over SMPP, an HTTP gateway, the development log file) does for
// the sender: accept a message once per idempotency key, say how it failed, and report receipts.

export interface Submission {
  /** The outbox row's id (for logs only). */
  id: number;
  channel: 'sms' | 'email';
  to: string;
  text: string;
  subject?: string;
  /**
   * The same on every submission of this message: a provider that has seen it answers the first
   * submission's ids and sends nothing (a resubmission after a worker died mid-send).
   */
  idempotencyKey: string;
}

export interface Accepted {
  /** The provider's id of each part, in order (one for a short message). */
  providerIds: string[];
  /** The provider had this key already: nothing new was sent, the ids are the first submission's. */
  duplicate: boolean;
  /** The provider's answer, verbatim enough to audit. */
  detail: string;
}

/** Try again later: throttled, queue full, connection lost, gateway busy. */
export class TemporaryFailure extends Error {
  constructor(
    message: string,
    /** The provider's own status, e.g. ESME_RTHROTTLED or HTTP 503. */
    readonly providerStatus: string,
    /** The provider asked for at least this pause. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TemporaryFailure';
  }
}

/** Never try again: an invalid number, a rejected sender, a refused message. */
export class PermanentFailure extends Error {
  constructor(
    message: string,
    readonly providerStatus: string,
  ) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

export type ReceiptState = 'delivered' | 'undeliverable' | 'expired' | 'rejected' | 'unknown';

/** A delivery receipt for one part, as the provider reported it. */
export interface Receipt {
  providerId: string;
  state: ReceiptState;
  /** The provider's word, e.g. DELIVRD, UNDELIV. */
  providerStatus: string;
  at: Date;
}

export interface MessageProvider {
  readonly name: string;
  readonly channel: 'sms' | 'email';
  /** Resolves when the provider has accepted the message; rejects with TemporaryFailure or PermanentFailure. */
  submit(message: Submission): Promise<Accepted>;
  /** Receipts as they arrive (SMPP deliver_sm, a gateway's status); a provider without receipts never calls it. */
  onReceipt(listener: (receipt: Receipt) => void): void;
  /**
   * Messages this provider accepted earlier (perhaps in a process that has gone) whose delivery is not
   * known yet: a provider that asks for statuses (an HTTP gateway) follows them again. Optional: an SMSC
   * sends its receipts to whichever session is bound.
   */
  resume?(open: { providerId: string; sentAt: Date }[]): void;
  close(): Promise<void>;
}
