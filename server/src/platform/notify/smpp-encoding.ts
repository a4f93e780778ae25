// A text as the short_message of one or more submit_sm PDUs (3GPP TS 23.038 and 23.040): GSM 7-bit
// default alphabet (data_coding 0, one septet per octet, as SMPP carries it) when smsShape says gsm7,
// otherwise UCS-2 (data_coding 8, UTF-16BE). A long text goes out as concatenated parts, each starting
// with a user data header (IEI 0x00: 8-bit reference, total, sequence) and flagged by esm_class 0x40.
// A part never ends inside a character: not between an escape and its extension character, not between
// the halves of a surrogate pair — so a part may hold one unit less than the limit.
import { smsShape, type SmsEncoding } from './sms-encoding.js';

/** The default alphabet: a character's position is its septet. ESC (0x1B) leads the extension table. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_ESCAPE = 0x1b;
const GSM_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);
const basicSeptet = new Map([...GSM_BASIC].map((ch, i) => [ch, i]));
const extensionChar = new Map([...GSM_EXTENSION].map(([ch, septet]) => [septet, ch]));

export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;
/** esm_class bit: the short_message starts with a user data header. */
export const ESM_CLASS_UDHI = 0x40;

const LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

export interface SmppPart {
  /** The short_message octets: the UDH (for a part of a long message) and the encoded text. */
  shortMessage: Buffer;
  /** The text this part carries (for logs and tests). */
  text: string;
}

export interface SmppEncoded {
  encoding: SmsEncoding;
  dataCoding: number;
  /** 0 for a single message; ESM_CLASS_UDHI when the parts carry a UDH. */
  esmClass: number;
  parts: SmppPart[];
}

/** One character's octets: septets (GSM 7-bit) or UTF-16BE code units (UCS-2). */
function encodeChar(ch: string, encoding: SmsEncoding): number[] {
  if (encoding === 'ucs2') {
    const out: number[] = [];
    for (let i = 0; i < ch.length; i++) {
      const unit = ch.charCodeAt(i);
      out.push(unit >> 8, unit & 0xff);
    }
    return out;
  }
  const extension = GSM_EXTENSION.get(ch);
  if (extension !== undefined) return [GSM_ESCAPE, extension];
  const septet = basicSeptet.get(ch);
  // A literal ESC would read as the start of an extension character; smsShape counts it as one septet.
  if (septet === undefined || septet === GSM_ESCAPE) return [0x20];
  return [septet];
}

/** The units a character counts for against the part limit: septets, or UTF-16 code units. */
function unitsOf(octets: number[], encoding: SmsEncoding): number {
  return encoding === 'ucs2' ? octets.length / 2 : octets.length;
}

/**
 * The submit_sm bodies for a text. `reference` (0–255) ties the parts of one long message together on the
 * handset; it must be the same on every submission of the message (see concatReference).
 */
export function encodeForSmpp(text: string, reference: number): SmppEncoded {
  const { encoding } = smsShape(text);
  const limits = LIMITS[encoding];
  const chars = [...text].map((ch) => ({ ch, octets: encodeChar(ch, encoding) }));
  const total = chars.reduce((sum, c) => sum + unitsOf(c.octets, encoding), 0);
  const dataCoding = DATA_CODING[encoding];
  if (total <= limits.single) {
    return { encoding, dataCoding, esmClass: 0, parts: [{ shortMessage: Buffer.from(chars.flatMap((c) => c.octets)), text }] };
  }
  const chunks: (typeof chars)[] = [];
  let chunk: typeof chars = [];
  let units = 0;
  for (const c of chars) {
    const size = unitsOf(c.octets, encoding);
    if (units + size > limits.part) {
      chunks.push(chunk);
      chunk = [];
      units = 0;
    }
    chunk.push(c);
    units += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  if (chunks.length > 255) throw new RangeError(`a message of ${chunks.length} parts exceeds the 255 a UDH can number`);
  const ref = reference & 0xff;
  const parts = chunks.map((part, i) => ({
    shortMessage: Buffer.from([0x05, 0x00, 0x03, ref, chunks.length, i + 1, ...part.flatMap((c) => c.octets)]),
    text: part.map((c) => c.ch).join(''),
  }));
  return { encoding, dataCoding, esmClass: ESM_CLASS_UDHI, parts };
}

/**
 * The concatenation reference for a message, from its idempotency key (FNV-1a, low 8 bits). Derived rather
 * than counted so that a resubmission after a crash carries the same reference: parts the SMSC already had
 * and parts sent now still join on the handset. Two long messages to one phone share a reference 1 time
 * in 256; the handset tells them apart by sender and arrival only, the known limit of 8-bit references.
 */
export function concatReference(idempotencyKey: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(idempotencyKey, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0xff;
}

/** A user data header's concatenation element (IEI 0x00), if the octets start with one. */
export interface Concatenation {
  reference: number;
  total: number;
  sequence: number;
}

/** Splits a short_message into its UDH's concatenation element and the text octets after the header. */
export function readUdh(shortMessage: Buffer): { concatenation: Concatenation | null; body: Buffer } {
  const headerLength = shortMessage[0] ?? 0;
  const body = shortMessage.subarray(1 + headerLength);
  let offset = 1;
  while (offset + 1 < 1 + headerLength) {
    const iei = shortMessage[offset]!;
    const length = shortMessage[offset + 1]!;
    if (iei === 0x00 && length === 3) {
      return { concatenation: { reference: shortMessage[offset + 2]!, total: shortMessage[offset + 3]!, sequence: shortMessage[offset + 4]! }, body };
    }
    offset += 2 + length;
  }
  return { concatenation: null, body };
}

/** Decodes text octets of one data_coding (0: GSM 7-bit, one septet per octet; 8: UCS-2). */
export function decodeSmppText(octets: Buffer, dataCoding: number): string {
  if (dataCoding === DATA_CODING.ucs2) {
    let text = '';
    for (let i = 0; i + 1 < octets.length; i += 2) text += String.fromCharCode(octets.readUInt16BE(i));
    return text;
  }
  let text = '';
  for (let i = 0; i < octets.length; i++) {
    const septet = octets[i]!;
    if (septet === GSM_ESCAPE && i + 1 < octets.length) {
      text += extensionChar.get(octets[++i]!) ?? ' ';
    } else {
      text += GSM_BASIC[septet] ?? ' ';
    }
  }
  return text;
}
