// Hides personal data in the free text of an appeal before it is shown publicly: phone numbers,
// e-mail addresses, IIN/BIN (ИИН/БИН), vehicle plates and bank card numbers. Each one becomes a
// language-neutral marker (`[phone]`, `[email]`, `[id]`, `[plate]`, `[card]`) that the web app
// translates; nothing of the value is kept. Dates, times, years, addresses, sums of money, counts,
// article numbers and percentages stay as they are. Pure: no database.
//
// The rules run one after another over the text, most specific first: e-mail, card, IIN/BIN,
// plate, phone, then the weaker phone shapes that need a word such as «тел.» before them, and last
// any run of ten or more digits, which is never left in public text whatever it is. Guarantees,
// checked by property tests: no run of ten digits and no "@domain.tld" survives, and masking an
// already masked text changes nothing.

export const maskKinds = ['phone', 'email', 'iin', 'plate', 'card'] as const;
export type MaskKind = (typeof maskKinds)[number];

/** What replaces each kind of value. `iin` covers the IIN of a person and the BIN of a company. */
export const maskMarkers: Readonly<Record<MaskKind, string>> = {
  phone: '[phone]',
  email: '[email]',
  iin: '[id]',
  plate: '[plate]',
  card: '[card]',
};

export interface MaskResult {
  text: string;
  /** One entry per kind found, in the order of `maskKinds`; empty when nothing was masked. */
  masked: { kind: MaskKind; count: number }[];
}

// ---- Pattern pieces ----------------------------------------------------------------------------

/** A space inside a number: ordinary, no-break, thin, narrow no-break. */
const SP = String.raw`[ \u00a0\u2009\u202f]`;
/** Hyphen, non-breaking hyphen, en and em dash. */
const DASH = String.raw`[\-\u2010\u2011\u2013\u2014]`;
/** A separator between digit groups: one space, or a dash with optional spaces around it. */
const SEP_REQUIRED = `(?:${SP}?${DASH}${SP}?|${SP})`;
/** The same, or none. */
const SEP = `${SEP_REQUIRED}?`;
/** Exactly one space or dash. */
const GAP = `(?:${SP}|${DASH})`;

// A value starts and ends at a word edge. `]` and `[` count like a digit or a letter beside it:
// they are the edges of markers, which replaced digits or letters, so a second pass over masked
// text sees the same edges as the first pass did. A digit glued on by `.`, `,`, `/`, `:` or a dash
// also blocks (12.03.2026, 150/2, 2-555-555/2026 are not phones), but a letter does not (тел.255…).
const LEFT = String.raw`(?<![\p{L}\p{N}\]])(?<![\p{N}\]][.,/:\-\u2013])`;
const RIGHT = String.raw`(?![\p{L}\p{N}\[])(?![.,/:\-\u2013][\p{N}\[])`;

const MARKER = String.raw`\[(?:phone|email|id|plate|card)\]`;

/**
 * Before a value that is only taken with a keyword: the keyword, then at most two more words among
 * any amount of non-letters and markers («Телефон участкового: 8 701 123 45 67 или 25-55-55»). The
 * test counts words, not characters, so it answers the same before and after masking (masking
 * shortens the text but removes no words: e-mails and plates are masked before it runs).
 */
const keywordChain = (keywords: string) => {
  const between = String.raw`(?:[^\p{L}]|${MARKER})*`;
  // `(?<!\[)`: the `phone` inside a `[phone]` marker is not a keyword.
  return new RegExp(String.raw`(?<![\p{L}\[])(?:${keywords})\p{L}*${between}(?:\p{L}+${between}){0,2}$`, 'iu');
};

// Words after which short numbers are phones. «Номер» is not one of them: it also precedes case
// and document numbers.
const PHONE_CONTEXT = keywordChain(
  String.raw`тел|моб|сот\.|сотов|whats${SP}?app|ват[сц]ап|вотсап|вацап|viber|вайбер|telegram|телеграм|phone|tel|позвон|перезвон|звон|байланыс|хабарлас`,
);
const ID_CONTEXT = keywordChain(String.raw`ИИН|БИН|ЖСН|БСН|IIN|BIN|ИНН`);

/**
 * A number followed by one of these is money, a share or a count, never personal data. Further
 * digit groups, or markers that replaced them, may come in between («+15 000 000 тенге»), so the
 * answer does not change once those digits are masked.
 */
const AMOUNT_AFTER = new RegExp(
  String.raw`^(?:${SEP_REQUIRED}(?:\d+|${MARKER}))*${SP}*(?:тенге|теңге|тнг|тг|₸|kzt|руб|₽|usd|\$|долл|евро|eur|€|тыс|млн|млрд|трлн|%|процент|чел|шт)`,
  'iu',
);
const AMOUNT_BEFORE = new RegExp(String.raw`[$€₸₽]${SP}*$`, 'u');
/** «№ 2-555-555» is a file number, not a phone. */
const NUMBER_SIGN_BEFORE = new RegExp(String.raw`(?:№|N°|No\.?|#)${SP}*$`, 'iu');

// Latin letters and the Cyrillic letters that look like them (people type plates with either).
const PLATE_LETTER = '[A-ZАВЕКМНОРСТУХ]';
/**
 * Letter groups that are words or units in Russian and Kazakh, so «в 150 км», «д. 150 кв 12» or
 * «с 150 на 12» are not plates.
 */
const PLATE_STOP_WORDS = new Set([
  'км', 'кв', 'см', 'мм', 'мкр', 'ст', 'тк', 'тех', 'сек', 'мес', 'ком', 'кор', 'тоо', 'ао', 'рк', 'вко', 'ско', 'зко',
  'на', 'не', 'но', 'он', 'от', 'ох', 'ах', 'ух', 'ну', 'то', 'те', 'та', 'тот', 'там', 'тем', 'том', 'как', 'кто',
  'еще', 'ее', 'мне', 'нам', 'нас', 'вас', 'вам', 'вот', 'все', 'сам', 'мен', 'сен', 'тек', 'ма', 'ме', 'ек', 'ет',
]);

// ---- Checks ------------------------------------------------------------------------------------

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The Luhn checksum of card numbers. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit of an IIN or BIN: weights 1…11, or 3…11,1,2 when the first sum gives 10. */
function iinChecksumValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === d[11];
}

/** An IIN starts with a birth date YYMMDD and a century/sex digit 1–6; a BIN with YYMM and a type digit 4–6. */
function looksLikeIinOrBin(digits: string): boolean {
  if (!iinChecksumValid(digits)) return false;
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const iin = month >= 1 && month <= 12 && day >= 1 && day <= 31 && /[1-6]/.test(digits[6] ?? '');
  const bin = month >= 1 && month <= 12 && /[4-6]/.test(digits[4] ?? '');
  return iin || bin;
}

const isAmount = (text: string, start: number, end: number) =>
  AMOUNT_AFTER.test(text.slice(end, end + 200)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 4), start));

const contextBefore = (context: RegExp, text: string, start: number) => context.test(text.slice(Math.max(0, start - 200), start));

// ---- E-mail ------------------------------------------------------------------------------------

// "@domain.tld", Cyrillic domains (почта.рф) included. The local part before the "@" is taken by
// walking back from it rather than by the pattern: a pattern starting with `[…]*@` would retry
// from every character of a long run of letters or digits, which is quadratic.
const EMAIL_DOMAIN = /@(?:[\p{L}\p{N}_\-]+\.)+\p{L}[\p{L}\p{N}_\-]*/gu;
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+\-]/u;

/** Replaces every address, or bare "@domain.tld", by the e-mail marker; returns how many. */
function maskEmails(text: string): { text: string; count: number } {
  let out = '';
  let copiedUpTo = 0;
  let count = 0;
  for (const match of text.matchAll(EMAIL_DOMAIN)) {
    let start = match.index;
    while (start > copiedUpTo && EMAIL_LOCAL_CHAR.test(text[start - 1] ?? '')) start -= 1;
    out += text.slice(copiedUpTo, start) + maskMarkers.email;
    copiedUpTo = match.index + match[0].length;
    count += 1;
  }
  return { text: out + text.slice(copiedUpTo), count };
}

// ---- Rules -------------------------------------------------------------------------------------

interface Match {
  value: string;
  start: number;
  text: string;
  groups: (string | undefined)[];
}

interface Rule {
  pattern: RegExp;
  /** The kind to mask the match as, or null to leave it alone. */
  classify: (match: Match) => MaskKind | null;
}

const rule = (source: string, classify: Rule['classify']): Rule => ({ pattern: new RegExp(source, 'giu'), classify });

/** A long run of digits: a phone when it has a phone's length and start, a card when Luhn-valid, else an identifier. */
function classifyDigitRun(digits: string): MaskKind {
  if ((digits.length === 10 && digits.startsWith('7')) || (digits.length === 11 && /^[78]/.test(digits))) return 'phone';
  if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return 'card';
  return 'iin';
}

const phoneUnlessAmount = ({ value, start, text }: Match): MaskKind | null => (isAmount(text, start, start + value.length) ? null : 'phone');

const rules: Rule[] = [
  // Cards: 13–19 digits, together or in the usual groups (4-4-4-4[-3], 4-6-5, 4-6-4, 4-4-5), Luhn-valid.
  rule(String.raw`(?<!\p{N})\d{13,19}(?!\p{N})`, ({ value }) => (luhnValid(value) ? 'card' : null)),
  rule(
    `${LEFT}(?:\\d{4}(?:${GAP}\\d{4}){3}(?:${GAP}\\d{3})?|\\d{4}${GAP}\\d{6}${GAP}\\d{4,5}|\\d{4}${GAP}\\d{4}${GAP}\\d{5})${RIGHT}`,
    (m) => (luhnValid(digitsOf(m.value)) && !isAmount(m.text, m.start, m.start + m.value.length) ? 'card' : null),
  ),

  // IIN/BIN: twelve digits together always; grouped 6-6, 4-4-4 or 3-3-3-3 when the check digit and
  // the date part fit, or when «ИИН»/«БИН» comes before (the keyword rule runs further down).
  rule(String.raw`(?<!\p{N})\d{12}(?!\p{N})`, () => 'iin'),
  rule(
    `${LEFT}(?:\\d{6}${GAP}\\d{6}|\\d{4}${GAP}\\d{4}${GAP}\\d{4}|\\d{3}(?:${GAP}\\d{3}){3})${RIGHT}`,
    (m) => (looksLikeIinOrBin(digitsOf(m.value)) && !isAmount(m.text, m.start, m.start + m.value.length) ? 'iin' : null),
  ),

  // Plates: 123 ABC 02 / 123AB02 (region 01–20), and the pre-2012 A 123 BCD.
  rule(
    `(?<![\\p{L}\\p{N}\\]])\\d{3}${GAP}?(${PLATE_LETTER}{2,3})${GAP}?(?:0[1-9]|1\\d|20)(?![\\p{L}\\p{N}\\[])`,
    ({ groups }) => (PLATE_STOP_WORDS.has((groups[0] ?? '').toLowerCase()) ? null : 'plate'),
  ),
  rule(`(?<![\\p{L}\\p{N}\\]])(${PLATE_LETTER})${GAP}?\\d{3}${GAP}?(${PLATE_LETTER}{2,3})(?![\\p{L}\\p{N}\\[])`, ({ groups }) => {
    const [first = '', last = ''] = groups;
    if (PLATE_STOP_WORDS.has(last.toLowerCase())) return null;
    // «в 150 мм», «с 150 на»: in lower-case Cyrillic this shape is a preposition and a word.
    if (/^[а-яё]+$/u.test(first + last)) return null;
    return 'plate';
  }),

  // Phones, most specific first.
  // Kazakhstan: +7 / 8 / 7, then ten digits, the code possibly in brackets: +7 (701) 123-45-67.
  rule(`${LEFT}(?:\\+${SP}?7|[78])${SEP}(?:\\(${SP}?\\d{3}${SP}?\\)|\\d{3})${SEP}\\d(?:${SEP}\\d){6}${RIGHT}`, () => 'phone'),
  // International: a plus sign and eight or more digits.
  rule(`${LEFT}\\+${SP}?\\d(?:${SEP}(?:\\(${SP}?\\d{1,5}${SP}?\\)|\\d)){5,18}${RIGHT}`, (m) =>
    digitsOf(m.value).length >= 8 ? phoneUnlessAmount(m) : null,
  ),
  // Ten digits starting with 7 (mobile and city codes are all 7xx): 701 123 45 67, (727) 255-55-55.
  rule(`${LEFT}(?:\\(${SP}?7\\d{2}${SP}?\\)|7\\d{2})${SEP}\\d(?:${SEP}\\d){6}${RIGHT}`, () => 'phone'),
  // Any code in brackets: (7272) 55-55-55.
  rule(`${LEFT}\\(${SP}?\\d{3,5}${SP}?\\)${SEP}\\d(?:${SEP}\\d){4,6}${RIGHT}`, () => 'phone'),
  // City numbers: 255-55-55, 2-555-555, 255 55 55.
  rule(`${LEFT}(?:\\d{3}${DASH}\\d{2}${DASH}\\d{2}|\\d${DASH}\\d{3}${DASH}\\d{3}|\\d{3}${SP}\\d{2}${SP}\\d{2})${RIGHT}`, (m) =>
    NUMBER_SIGN_BEFORE.test(m.text.slice(Math.max(0, m.start - 6), m.start)) ? null : phoneUnlessAmount(m),
  ),

  // Shapes that are phones only after a phone word: «тел. 25-55-55», «тел 2 555 555», «звоните 2555555».
  rule(`${LEFT}(?:\\d{2,3}${GAP}\\d{2}${GAP}\\d{2}|\\d${GAP}\\d{3}${GAP}\\d{3}|\\d{5,7})${RIGHT}`, (m) =>
    contextBefore(PHONE_CONTEXT, m.text, m.start) && !NUMBER_SIGN_BEFORE.test(m.text.slice(Math.max(0, m.start - 6), m.start))
      ? phoneUnlessAmount(m)
      : null,
  ),
  rule(`${LEFT}(?:\\d{6}${GAP}\\d{6}|\\d{4}${GAP}\\d{4}${GAP}\\d{4}|\\d{3}(?:${GAP}\\d{3}){3}|\\d{2}(?:${GAP}\\d{2}){5})${RIGHT}`, (m) =>
    contextBefore(ID_CONTEXT, m.text, m.start) && !isAmount(m.text, m.start, m.start + m.value.length) ? 'iin' : null,
  ),

  // Whatever is left: ten or more digits in a row never go out.
  rule(String.raw`\d{10,}`, ({ value }) => classifyDigitRun(value)),
];

// ---- Masking -----------------------------------------------------------------------------------

export function maskPersonalData(text: string): MaskResult {
  const counts = new Map<MaskKind, number>();
  const emails = maskEmails(text);
  if (emails.count > 0) counts.set('email', emails.count);
  let result = emails.text;
  for (const { pattern, classify } of rules) {
    result = result.replace(pattern, (value: string, ...rest: unknown[]) => {
      // replace() passes the capture groups, then the offset, the whole string (and no named groups here).
      const textIndex = rest.findIndex((arg) => typeof arg === 'number');
      const start = rest[textIndex] as number;
      const whole = rest[textIndex + 1] as string;
      const groups = rest.slice(0, textIndex) as (string | undefined)[];
      const kind = classify({ value, start, text: whole, groups });
      if (kind === null) return value;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      return maskMarkers[kind];
    });
  }
  return {
    text: result,
    masked: maskKinds.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 })),
  };
}
