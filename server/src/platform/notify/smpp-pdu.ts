// What openbeat adds to SMPP 3.4 and reads out of it: the vendor-specific TLVs that carry a message's
// idempotency key (shared by the provider and the test SMSC), command_status names, and delivery receipts.
import smpp from 'smpp';
import type { ReceiptState } from './provider.js';

/**
 * Vendor-specific optional parameters (SMPP 3.4 §5.3.2 reserves 0x1400–0x3FFF for them).
 *
 * submit_sm carries the message's idempotency key and the part's number (1-based) on every part. An SMSC
 * that honours them answers a repeated key and part with the first submission's message_id, sends nothing
 * again, and flags the answer with `openbeat_duplicate` = 1 in submit_sm_resp. An SMSC that does not know
 * these tags ignores them (the specification tells it to skip unknown optional parameters): then a
 * message can still go out twice, but only if the sender dies in the window between the SMSC's
 * submit_sm_resp and the sender's record of it (milliseconds; see sender.ts).
 */
export const OPENBEAT_TLV = {
  /** C-octet string: the message's idempotency key. */
  messageKey: { tag: 'openbeat_message_key', id: 0x1400 },
  /** Integer(1), in submit_sm_resp: 1 = the SMSC already had this key and part; the id is the first one. */
  duplicate: { tag: 'openbeat_duplicate', id: 0x1401 },
  /** Integer(1): which part of the message (1-based) this submit_sm is; 1 for a single message. */
  partNumber: { tag: 'openbeat_part_number', id: 0x1402 },
} as const;

/** Teaches the smpp package the tags once per process (its registry is global, shared by client and server). */
export function registerOpenbeatTlvs(): void {
  if (smpp.tlvs[OPENBEAT_TLV.messageKey.tag]) return;
  smpp.addTLV(OPENBEAT_TLV.messageKey.tag, { id: OPENBEAT_TLV.messageKey.id, type: smpp.types.tlv.cstring });
  smpp.addTLV(OPENBEAT_TLV.duplicate.tag, { id: OPENBEAT_TLV.duplicate.id, type: smpp.types.tlv.int8 });
  smpp.addTLV(OPENBEAT_TLV.partNumber.tag, { id: OPENBEAT_TLV.partNumber.id, type: smpp.types.tlv.int8 });
}

export const SMPP_INTERFACE_VERSION = 0x34;
export const ESME_ROK = 0x00;
export const ESME_RMSGQFUL = 0x14;
/** The SMSC's system error: usually passing, so the message is tried again. */
export const ESME_RSYSERR = 0x08;
export const ESME_RTHROTTLED = 0x58;

/** The specification's name of a command_status, e.g. 0x0B → ESME_RINVDSTADR. */
export function statusName(status: number): string {
  for (const [name, value] of Object.entries(smpp.errors)) if (value === status) return name;
  return `0x${status.toString(16).padStart(8, '0').toUpperCase()}`;
}

/** esm_class message-type bits (2–5) of an SMSC delivery receipt. */
export const ESM_CLASS_RECEIPT = 0x04;

export function isDeliveryReceipt(esmClass: unknown): boolean {
  return typeof esmClass === 'number' && (esmClass & 0x3c) === ESM_CLASS_RECEIPT;
}

/** message_state TLV values (SMPP 3.4 §5.2.28) and the receipt text's stat words. */
const STATE_WORDS: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };
const RECEIPT_STATES: Record<string, ReceiptState> = { DELIVRD: 'delivered', UNDELIV: 'undeliverable', EXPIRED: 'expired', REJECTD: 'rejected' };

export interface ParsedReceipt {
  providerId: string;
  state: ReceiptState;
  /** The SMSC's word: DELIVRD, UNDELIV, … */
  providerStatus: string;
}

/** The text of a short_message as the smpp package hands it over (a Buffer, a string, or { udh, message }). */
export function shortMessageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (value && typeof value === 'object' && 'message' in value) return shortMessageText((value as { message: unknown }).message);
  return '';
}

/**
 * A delivery receipt from a deliver_sm's fields: receipted_message_id and message_state when the SMSC sent
 * those TLVs, else the standard text (SMPP 3.4 Appendix B) "id:… sub:… dlvrd:… submit date:… done date:…
 * stat:DELIVRD err:… text:…". Null when neither names a message.
 */
export function parseReceipt(fields: { receipted_message_id?: unknown; message_state?: unknown; short_message?: unknown; message_payload?: unknown }): ParsedReceipt | null {
  const text = shortMessageText(fields.short_message) || shortMessageText(fields.message_payload);
  const textId = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const textStat = /(?:^|\s)stat:(\S+)/i.exec(text)?.[1]?.toUpperCase();
  const tlvId = typeof fields.receipted_message_id === 'string' && fields.receipted_message_id !== '' ? fields.receipted_message_id : undefined;
  const tlvStat = typeof fields.message_state === 'number' ? STATE_WORDS[fields.message_state] : undefined;
  const providerId = tlvId ?? textId;
  if (!providerId) return null;
  const providerStatus = tlvStat ?? textStat ?? 'UNKNOWN';
  return { providerId, state: RECEIPT_STATES[providerStatus] ?? 'unknown', providerStatus };
}

/** The standard receipt text (the test SMSC writes it; SMSCs differ in details such as Text/text). */
export function receiptText(receipt: { id: string; stat: string; submitted: Date; done: Date; err?: string; text?: string }): string {
  const stamp = (d: Date) =>
    [d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()].map((n) => String(n).padStart(2, '0')).join('');
  const delivered = receipt.stat === 'DELIVRD' ? '001' : '000';
  return `id:${receipt.id} sub:001 dlvrd:${delivered} submit date:${stamp(receipt.submitted)} done date:${stamp(receipt.done)} stat:${receipt.stat} err:${receipt.err ?? '000'} text:${receipt.text ?? ''}`;
}
