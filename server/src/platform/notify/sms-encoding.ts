// How an SMS is encoded and into how many parts it splits (3GPP TS 23.038): GSM 7-bit when every
// character is in the default alphabet (160 characters, 153 per part of a long message; characters of
// the extension table count twice), otherwise UCS-2 (70 characters, 67 per part) — so any Cyrillic letter
// makes the whole message UCS-2.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsShape {
  encoding: SmsEncoding;
  /** Septets (GSM 7-bit) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Characters per part for this encoding when the message is long. */
  perSegment: number;
}

export function smsShape(text: string): SmsShape {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extension.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const segments = septets <= 160 ? 1 : Math.ceil(septets / 153);
    return { encoding: 'gsm7', units: septets, segments: Math.max(1, segments), perSegment: septets <= 160 ? 160 : 153 };
  }
  const units = text.length; // UTF-16 code units, as UCS-2 counts them
  const segments = units <= 70 ? 1 : Math.ceil(units / 67);
  return { encoding: 'ucs2', units, segments: Math.max(1, segments), perSegment: units <= 70 ? 70 : 67 };
}
