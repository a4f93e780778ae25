// The rules of a tow (п.24): its states, the one-time code the owner receives, and the SMS text made from
// the administrator's template. No database here.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { smsShape, type SmsShape } from '../platform/notify/sms-encoding.js';

export const towStatuses = ['towed', 'at_lot', 'released', 'cancelled'] as const;
export type TowStatus = (typeof towStatuses)[number];

export type TowAction = 'at_lot' | 'release' | 'cancel';

/** Which step may follow which: a tow reaches the lot, then is released; it may be cancelled until released. */
export function nextStatus(current: TowStatus, action: TowAction): TowStatus | null {
  if (action === 'at_lot') return current === 'towed' ? 'at_lot' : null;
  if (action === 'release') return current === 'at_lot' || current === 'towed' ? 'released' : null;
  return current === 'towed' || current === 'at_lot' ? 'cancelled' : null;
}

export const MAX_TOW_PHOTOS = 4;
/** A fine above this is a typing error (the largest parking fines are far below). */
export const MAX_FINE_TENGE = 5_000_000;
/** The owner may look the tow up for this long after it was registered. */
export const LOOKUP_DAYS = 30;
/** Failed look-ups per plate per hour before the plate is locked for the rest of the hour. */
export const LOOKUP_FAILURES_PER_HOUR = 10;

/** Six digits the owner types from the SMS. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The short link's token: 8 characters of base62 (about 47 bits). It only opens the look-up page; the
 * car is shown for the code from the SMS, so the token need not be a secret on its own.
 */
export function newLinkToken(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(8);
  return [...bytes].map((b) => alphabet[b % 62]).join('');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A code's hash with the tow's salt. A six-digit code is short, so what protects it is the look-up limit
 * per plate and per address, not the hash; the hash keeps the code itself out of the database.
 */
export function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

export function secretMatches(salt: string, secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(salt, secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---- The SMS ------------------------------------------------------------------------------------

export type TemplateLang = 'ru' | 'kk';
export type TemplatePurpose = 'notice' | 'released';

/** The placeholders a template may use, with what they stand for. */
export const templateFields: Record<TemplatePurpose, readonly string[]> = {
  notice: ['plate', 'reason', 'fine', 'lot', 'address', 'hours', 'phone', 'code', 'link'],
  released: ['plate', 'time'],
};

/**
 * The default texts. A Cyrillic SMS is UCS-2: 70 characters in one part, 67 per part of a long one; the
 * notice fits two parts with the demo's longest lot, reason and link (a test holds it to that).
 */
export const defaultTemplates: Record<TemplatePurpose, Record<TemplateLang, string>> = {
  notice: {
    ru: '{plate} эвакуирован, {reason}, штраф {fine} тг. Стоянка: {address}, {hours}. Код {code} {link}',
    kk: '{plate} эвакуацияланды, {reason}, айыппұл {fine} тг. Тұрақ: {address}, {hours}. Код {code} {link}',
  },
  released: {
    ru: 'Авто {plate} выдано со штрафстоянки {time}.',
    kk: '{plate} көлігі тұрақтан {time} берілді.',
  },
};

/** Fills a template; an unknown placeholder stays as written (the editor refuses those before saving). */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Placeholders a template uses that its purpose does not know. */
export function unknownPlaceholders(purpose: TemplatePurpose, template: string): string[] {
  const known = new Set(templateFields[purpose]);
  return [...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]!).filter((name) => !known.has(name));
}

/** The shape of the text a template makes with the given values: what the editor shows. */
export function templatePreview(template: string, values: Record<string, string>): { text: string; shape: SmsShape } {
  const text = renderTemplate(template, values);
  return { text, shape: smsShape(text) };
}

/** The link as an SMS carries it: phones link `example.kz/c/…` without the scheme, and it saves 8 characters. */
export function smsLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}/c/${token}`;
}

/** Tenge with a space between thousands, as an SMS writes it: 17 250. */
export function formatTenge(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
