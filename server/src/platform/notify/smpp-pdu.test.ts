import { describe, expect, it } from 'vitest';
import { isDeliveryReceipt, parseReceipt, receiptText, statusName } from './smpp-pdu.js';

describe('SMPP PDUs: statuses and delivery receipts', () => {
  it('names command_status values as the specification does', () => {
    expect(statusName(0x58)).toBe('ESME_RTHROTTLED');
    expect(statusName(0x14)).toBe('ESME_RMSGQFUL');
    expect(statusName(0x0b)).toBe('ESME_RINVDSTADR');
    expect(statusName(0x0400)).toBe('0x00000400');
  });

  it('recognises a receipt by the esm_class message type, with or without other bits', () => {
    expect(isDeliveryReceipt(0x04)).toBe(true);
    expect(isDeliveryReceipt(0x44)).toBe(true);
    expect(isDeliveryReceipt(0x00)).toBe(false);
    expect(isDeliveryReceipt(0x08)).toBe(false);
    expect(isDeliveryReceipt(undefined)).toBe(false);
  });

  it('reads the receipted_message_id and message_state TLVs first', () => {
    const text = 'id:OTHER sub:001 dlvrd:000 submit date:2401011200 done date:2401011201 stat:UNDELIV err:001 text:x';
    expect(parseReceipt({ receipted_message_id: '0000002A', message_state: 2, short_message: { message: text } })).toEqual({
      providerId: '0000002A',
      state: 'delivered',
      providerStatus: 'DELIVRD',
    });
  });

  it('falls back to the standard receipt text, whatever the case of its keys', () => {
    const at = new Date(Date.UTC(2025, 2, 4, 5, 6));
    for (const [stat, state] of [
      ['DELIVRD', 'delivered'],
      ['UNDELIV', 'undeliverable'],
      ['EXPIRED', 'expired'],
      ['REJECTD', 'rejected'],
      ['ACCEPTD', 'unknown'],
      ['DELETED', 'unknown'],
    ] as const) {
      const text = receiptText({ id: 'ab12', stat, submitted: at, done: at });
      expect(text).toBe(`id:ab12 sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2503040506 done date:2503040506 stat:${stat} err:000 text:`);
      expect(parseReceipt({ short_message: { message: text } })).toEqual({ providerId: 'ab12', state, providerStatus: stat });
    }
    expect(parseReceipt({ short_message: Buffer.from('ID:77 SUB:001 DLVRD:001 SUBMIT DATE:2401011200 DONE DATE:2401011201 STAT:delivrd ERR:000 Text:hello') })).toEqual({
      providerId: '77',
      state: 'delivered',
      providerStatus: 'DELIVRD',
    });
    expect(parseReceipt({ message_payload: { message: 'id:9 stat:EXPIRED' } })).toMatchObject({ providerId: '9', state: 'expired' });
  });

  it('answers null for a deliver_sm that names no message', () => {
    expect(parseReceipt({ short_message: { message: 'hello, this is a reply' } })).toBeNull();
    expect(parseReceipt({})).toBeNull();
  });
});
