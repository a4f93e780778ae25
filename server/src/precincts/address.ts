// "Find my inspector by address" (найти своего участкового по адресу): pure functions that turn Russian,
// Kazakh and Latin spellings of an Almaty address into comparable keys, and match a free-text query
// against the address register (street, house, lon, lat) imported from CSV. No database here.
//
// Keys are lowercase Cyrillic: Kazakh letters are folded to their nearest Russian letter and Latin
// spellings are transliterated ("Abay ave" → "абай"), so one register in Russian serves queries in
// all three. The importer stores `streetKeyForStorage(street)` and `houseKeyForStorage(house)` in the
// register rows; `buildAddressIndex` reads those stored keys, so re-import after changing the rules here.

export const streetKinds = ['street', 'avenue', 'microdistrict', 'lane', 'boulevard', 'highway', 'square', 'other'] as const;
export type StreetKind = (typeof streetKinds)[number];

// ---- Characters ------------------------------------------------------------------------------

/** Letter folds applied before anything else. ь/ъ are dropped and э is е so that Latin spellings meet. */
const CHAR_FOLDS = new Map<string, string>([
  ['ё', 'е'], ['э', 'е'], ['ь', ''], ['ъ', ''],
  // Kazakh → nearest Russian letter
  ['ә', 'а'], ['ғ', 'г'], ['қ', 'к'], ['ң', 'н'], ['ө', 'о'], ['ұ', 'у'], ['ү', 'у'], ['һ', 'х'], ['і', 'и'],
  ['ї', 'и'], ['є', 'е'], ['ў', 'у'],
  // Latin with diacritics (Kazakh Latin drafts of 2017–2021, European keyboards) → plain Latin
  ['á', 'a'], ['à', 'a'], ['â', 'a'], ['ä', 'a'], ['ã', 'a'], ['å', 'a'],
  ['é', 'e'], ['è', 'e'], ['ê', 'e'], ['ë', 'e'],
  ['í', 'i'], ['ì', 'i'], ['î', 'i'], ['ï', 'i'],
  ['ó', 'o'], ['ò', 'o'], ['ô', 'o'], ['ö', 'o'], ['õ', 'o'],
  ['ú', 'u'], ['ù', 'u'], ['û', 'u'], ['ü', 'u'], ['ū', 'u'],
  ['ý', 'y'], ['ÿ', 'y'], ['ı', 'y'], ['ñ', 'n'], ['ń', 'n'], ['ğ', 'g'], ['ǵ', 'g'], ['ş', 'sh'], ['ç', 'ch'],
  // apostrophes join, they do not separate ("Qazaq'" / "Аль'Фараби")
  ["'", ''], ['’', ''], ['‘', ''], ['`', ''], ['ʼ', ''],
]);

const FOLDED_CHARS = new RegExp(`[${[...CHAR_FOLDS.keys()].join('').replace(/[\\\]^-]/g, '\\$&')}]`, 'gu');

/** NFKC, lowercase, the folds above, combining marks removed. Idempotent. */
function foldText(text: string): string {
  // № would become "no" under NFKC; it only ever marks a number.
  const lower = text.replace(/№/g, ' # ').normalize('NFKC').toLowerCase().normalize('NFKC');
  return lower.replace(FOLDED_CHARS, (ch) => CHAR_FOLDS.get(ch) ?? ch).replace(/\p{M}+/gu, '');
}

/** Latin letters written inside a Cyrillic word by a keyboard-layout slip ("Aбая", "Caмал"). */
const LOOKALIKES = new Map(Object.entries({ a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'и', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у' }));

const LATIN_LETTERS = new Map(
  Object.entries({
    a: 'а', b: 'б', c: 'ц', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ж', k: 'к', l: 'л', m: 'м',
    n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', z: 'з',
  }),
);
const LATIN_DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'],
  ['ya', 'я'], ['yu', 'ю'], ['yo', 'е'], ['ye', 'е'],
];

/**
 * Latin → Cyrillic for one word of a–z. Covers the Russian passport scheme and common Kazakh Latin:
 * "Satpayev" → сатпаев, "Zhibek Zholy" → жибек жолы, "Dostyq" → достык (q → к, y → ы),
 * "Abay" / "Abai" → абай and "Raiymbek" → райымбек (y, or i before a consonant, after a vowel is й),
 * "Jeltoqsan" → желтоксан (j → ж).
 */
function transliterate(word: string): string {
  let out = '';
  let i = 0;
  next: while (i < word.length) {
    for (const [latin, cyrillic] of LATIN_DIGRAPHS) {
      if (word.startsWith(latin, i)) {
        out += cyrillic;
        i += latin.length;
        continue next;
      }
    }
    const ch = word[i]!;
    const afterVowel = 'аеиоуыюя'.includes(out[out.length - 1] ?? '-');
    const beforeVowel = 'aeiou'.includes(word[i + 1] ?? '-');
    if (ch === 'y') out += afterVowel ? 'й' : 'ы';
    else if (ch === 'i' && afterVowel && !beforeVowel) out += 'й';
    else out += LATIN_LETTERS.get(ch) ?? ch;
    i += 1;
  }
  return out;
}

/** One word to Cyrillic: mixed-script words get their lookalikes fixed, Latin words are transliterated. */
function toCyrillic(word: string): string {
  if (!/[a-z]/.test(word)) return word;
  if (/[а-я]/.test(word)) return word.replace(/[a-z]/g, (ch) => LOOKALIKES.get(ch) ?? LATIN_LETTERS.get(ch) ?? ch);
  return transliterate(word);
}

// ---- Streets ---------------------------------------------------------------------------------

/** Type words after folding (so "площадь" is "площад", "көшесі" is "кошеси"). */
const TYPE_WORDS = new Map<string, StreetKind>([
  ['улица', 'street'], ['ул', 'street'], ['кошеси', 'street'], ['коше', 'street'], ['кош', 'street'],
  ['проспект', 'avenue'], ['просп', 'avenue'], ['пр', 'avenue'], ['дангылы', 'avenue'], ['дангыл', 'avenue'],
  ['микрорайон', 'microdistrict'], ['мкр', 'microdistrict'], ['мкрн', 'microdistrict'], ['микр', 'microdistrict'],
  ['переулок', 'lane'], ['переул', 'lane'], ['пер', 'lane'], ['тупик', 'lane'], ['туп', 'lane'], ['туйык', 'lane'], ['туйыгы', 'lane'],
  ['булвар', 'boulevard'], ['булвары', 'boulevard'], ['булв', 'boulevard'], ['бул', 'boulevard'], ['гулзар', 'boulevard'], ['гулзары', 'boulevard'],
  ['шоссе', 'highway'], ['шоссеси', 'highway'], ['шос', 'highway'], ['ш', 'highway'],
  ['площад', 'square'], ['площ', 'square'], ['пл', 'square'], ['аланы', 'square'],
  ['проезд', 'other'], ['тракт', 'other'],
]);
/** Abbreviations that are type words only when written with their dot ("даң." but not the name "Дан"). */
const DOTTED_TYPE_WORDS = new Map<string, StreetKind>([['дан', 'avenue'], ['алан', 'square']]);
/** English words checked before transliteration (the Russian and Kazakh Latin ones transliterate into TYPE_WORDS). */
const LATIN_TYPE_WORDS = new Map<string, StreetKind>([
  ['street', 'street'], ['st', 'street'], ['str', 'street'], ['koshesy', 'street'],
  ['avenue', 'avenue'], ['ave', 'avenue'], ['av', 'avenue'], ['prospect', 'avenue'],
  ['microdistrict', 'microdistrict'], ['micro', 'microdistrict'], ['microrayon', 'microdistrict'],
  ['lane', 'lane'], ['ln', 'lane'], ['boulevard', 'boulevard'], ['blvd', 'boulevard'],
  ['highway', 'highway'], ['hwy', 'highway'], ['square', 'square'], ['sq', 'square'], ['ploshad', 'square'],
  ['road', 'other'], ['rd', 'other'],
]);
/** Two-word Kazakh types: "шағын ауданы" (microdistrict), "тас жолы" (highway). */
const TYPE_PAIRS: ReadonlyArray<readonly [string, string, StreetKind]> = [
  ['шагын', 'ауданы', 'microdistrict'], ['шагын', 'аудан', 'microdistrict'],
  ['ыкшам', 'ауданы', 'microdistrict'], ['ыкшам', 'аудан', 'microdistrict'],
  ['тас', 'жолы', 'highway'],
];
/** Hyphenated and dotted abbreviations, rewritten to a full type word before splitting on punctuation. */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}\p{N}])(?:пр-?к?т)\.?(?![\p{L}\p{N}])/gu, ' проспект '],
  [/(?<![\p{L}\p{N}])(?:мкр-н|мк-?н|м-н)\.?(?![\p{L}\p{N}])/gu, ' микрорайон '],
  [/(?<![\p{L}\p{N}])ш\.\s*а(?:\.|(?![\p{L}\p{N}]))/gu, ' микрорайон '],
  [/(?<![\p{L}\p{N}])(?:б-р|бул-р)\.?(?![\p{L}\p{N}])/gu, ' булвар '],
  [/(?<![\p{L}\p{N}])(?:пр-з?д)\.?(?![\p{L}\p{N}])/gu, ' проезд '],
];
/** "им." / "имени" in "ул. им. Абая". */
const NAME_OF = new Set(['им', 'имени']);
/** Ordinal endings after a number: "4-й мкр", "1-я линия". */
const ORDINAL_ENDINGS = new Set(['й', 'я', 'ый', 'ий', 'ой', 'ая', 'ое', 'е', 'го']);

interface Token {
  text: string;
  dotted: boolean;
  /** The word before transliteration, when it was all Latin. */
  latin: string | null;
}

const LETTER_DIGIT_BOUNDARY = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu;

function tokenize(raw: string): Token[] {
  let text = foldText(raw).replace(LETTER_DIGIT_BOUNDARY, ' ');
  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);
  const tokens: Token[] = [];
  for (const chunk of text.match(/[^\s.]+\.?/gu) ?? []) {
    const parts = chunk.split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
    parts.forEach((part, i) => {
      const latin = /^[a-z]+$/.test(part) ? part : null;
      tokens.push({ text: toCyrillic(part), dotted: i === parts.length - 1 && chunk.endsWith('.'), latin });
    });
  }
  return tokens;
}

function typeOf(token: Token): StreetKind | null {
  return (
    (token.latin !== null ? LATIN_TYPE_WORDS.get(token.latin) : undefined) ??
    TYPE_WORDS.get(token.text) ??
    (token.dotted ? DOTTED_TYPE_WORDS.get(token.text) : undefined) ??
    null
  );
}

/** One pass that drops type words and "им."; the first type word met gives the kind. */
function dropTypeWords(tokens: readonly Token[]): { rest: Token[]; kind: StreetKind | null } {
  const rest: Token[] = [];
  let kind: StreetKind | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const pair = next && TYPE_PAIRS.find(([first, second]) => token.text === first && next.text === second);
    if (pair) {
      kind ??= pair[2];
      i += 1;
      continue;
    }
    const type = typeOf(token);
    if (type) kind ??= type;
    else if (!NAME_OF.has(token.text)) rest.push(token);
  }
  return { rest, kind };
}

export interface StreetAnalysis {
  /** The canonical key: what `normalizeStreet` returns. */
  key: string;
  /** The type written with the name, null when none was. */
  kind: StreetKind | null;
  /** False when the text held nothing but type words ("мкр."); the key is then empty. */
  hasName: boolean;
}

/** The key and the street type of a street name as written in a register or a query. */
export function analyzeStreet(raw: string): StreetAnalysis {
  const tokens = tokenize(raw);
  let kind: StreetKind | null = null;
  let rest = tokens;
  const isWord = (t: Token) => t.text.length > 1 && /\p{L}/u.test(t.text);
  const isInitial = (t: Token) => t.dotted && t.text.length === 1 && /\p{L}/u.test(t.text);
  // Repeat: dropping a word can bring a two-word type together ("шағын ул. ауданы", "тас А. жолы").
  for (;;) {
    const pass = dropTypeWords(rest);
    kind ??= pass.kind;
    // Initials ("ул. М. Ауэзова") go when a real word remains.
    const next = pass.rest.some(isWord) ? pass.rest.filter((t) => !isInitial(t)) : pass.rest;
    if (next.length === rest.length) break;
    rest = next;
  }
  const hasName = rest.length > 0;
  const words: string[] = [];
  for (const token of rest) {
    const previous = words[words.length - 1];
    if (previous !== undefined && /^\p{N}+$/u.test(previous) && ORDINAL_ENDINGS.has(token.text)) continue;
    words.push(token.text);
  }
  return { key: words.join(' '), kind, hasName };
}

/**
 * A canonical key for a street name: "ул. им. Абая", "Абая ул.", "проспект Абая", "Abaya" → "абая";
 * "мкр. Самал-2", "Самал 2 шағын ауданы" → "самал 2"; "4 мкр", "мкр. 4", "4-й микрорайон" → "4".
 * The street type is dropped from the key; `analyzeStreet` gives it separately. Idempotent.
 */
export function normalizeStreet(raw: string): string {
  return analyzeStreet(raw).key;
}

// ---- Houses ----------------------------------------------------------------------------------

const HOUSE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:building|bldg|bld|block|korpus|korp)\b\.?/g, ' корп '],
  [/\b(?:house|h|no)\b\.?/g, ' дом '],
  [/\b(?:apt|apartment|flat|office)\b\.?/g, ' кв '],
  [/\b(?:str|stroenie)\b\.?/g, ' стр '],
];
const HOUSE_LETTERS = new Map(
  Object.entries({
    a: 'а', b: 'б', c: 'с', d: 'д', e: 'е', g: 'г', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', v: 'в', x: 'х', y: 'у', z: 'з',
  }),
);
const CANONICAL_HOUSE = /^0*(\d+)(\p{L}?)(?:\/0*(\d+)(\p{L}?))?(?:к0*(\d+))?(?:с0*(\d+))?$/u;

function houseStep(text: string): string {
  let s = foldText(text);
  for (const [pattern, replacement] of HOUSE_WORDS) s = s.replace(pattern, replacement);
  s = s.replace(/[a-z]/g, (ch) => HOUSE_LETTERS.get(ch) ?? ch);
  s = s
    .replace(/(?<=\p{N})[\s\-–—,]+(?=\p{N})/gu, '/') // "12-1", "12 1" → 12/1
    .replace(/[^\p{L}\p{N}/]+/gu, '') // spaces, dots, dashes, quotes
    .replace(/(?:кв|квартира|офис|оф|подезд|этаж)\p{N}.*$/u, '') // an apartment is not a house
    .replace(/^(?:дом|д|уй)+(?=\p{N})/u, '')
    .replace(/(?<=\p{N})(?:уй|дом)$/u, '')
    .replace(/(?:корпус|корп|кор|блок|бл)(?=\p{N})/gu, 'к')
    .replace(/(?:строение|стр)(?=\p{N})/gu, 'с')
    .replace(/(?:литера|литер|лит)(?=\p{L})/gu, '');
  const m = CANONICAL_HOUSE.exec(s);
  if (!m) return s;
  const [, number, letter, fraction, fractionLetter, block, building] = m;
  return `${number}${letter}${fraction ? `/${fraction}${fractionLetter}` : ''}${block ? `к${block}` : ''}${building ? `с${building}` : ''}`;
}

/**
 * A canonical house number: "д. 12", "дом 12", "№12" → "12"; "12 А", "12-a" → "12а"; "12/1";
 * "12 корп. 1", "12 к1", "12к1" → "12к1"; "12 стр. 2" → "12с2"; "12, кв. 5" → "12".
 * Latin letters become their Cyrillic lookalikes or transliterations (a → а, b → б, v → в). Idempotent.
 */
export function normalizeHouse(raw: string): string {
  // Steps repeat until nothing changes, so that the result is a fixed point whatever one step exposes.
  let current = raw;
  for (let i = 0; i < 4; i++) {
    const next = houseStep(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The leading number of a house key ("150/2" → 150), null when it has none. */
export function houseNumber(houseKey: string): number | null {
  const m = /^\d+/.exec(houseKey);
  return m ? Number(m[0]) : null;
}

/** What the importer stores as `AddressRow.streetKey` for a register row's street. */
export const streetKeyForStorage = normalizeStreet;
/** What the importer stores as `AddressRow.houseKey` for a register row's house. */
export const houseKeyForStorage = normalizeHouse;

// ---- Queries ---------------------------------------------------------------------------------

export interface AddressQuery {
  /** The street key (as `normalizeStreet`). */
  street: string;
  /** The house key (as `normalizeHouse`), null when none was given. */
  house: string | null;
  kind: StreetKind | null;
}

interface ParsedQuery extends AddressQuery {
  /** The house was marked ("д. 5") or set apart by a comma, so it cannot be part of the street name. */
  houseMarked: boolean;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const word = (body: string, flags = 'gu') => new RegExp(`${NOT_LETTER_BEFORE}(?:${body})${NOT_LETTER_AFTER}`, flags);

const QUERY_NOISE: readonly RegExp[] = [
  // apartment, entrance, floor, office
  word('(?:кв|квартира|оф|офис|подезд|под|этаж|эт|apt|flat)\\.?\\s*\\d+\\p{L}?'),
  // postal codes: 050000, and the Kazpost codes since 2015 (A15E3C0)
  word('\\d{6}'),
  word('[a-z]\\d{2}[a-z]\\d[a-z]\\d'),
  // the city, with or without "г." / "город" / "қаласы"
  word('(?:г\\.?\\s*|город\\s+)?(?:алматы|алма\\s*-?\\s*ата|almaty|alma\\s*-?\\s*ata)(?:\\s+(?:каласы|city|г\\.?))?'),
  word('(?:республика\\s+)?(?:казахстан|kazakhstan|рк)'),
];
/** A comma-separated part that names a district or region rather than the street. */
const DISTRICT_SEGMENT = /(?<![\p{L}\p{N}])(?:район|р-н|district|область|обл|облысы)(?![\p{L}\p{N}])|(?<!(?:шагын|ыкшам)\s+)(?<![\p{L}])ауданы?(?![\p{L}])/u;
const HOUSE_MARKER = /(?:(?<![\p{L}\p{N}])(?:дом|д|уй|no|house)\.?|#)\s*(?=\d)/gu;
const HOUSE_TAIL =
  /^(.*?)[\s,]+(\d+(?:\s*-?\s*\p{L}(?!\p{L}))?(?:\s*[/-]\s*\d+(?:\s*\p{L}(?!\p{L}))?)?(?:\s*(?:корпус|корп|кор|к|k|стр|строение|с)\.?\s*\d+)?)(?:\s*-?\s*уй)?\.?\s*$/u;
const QUERY_MAX_LENGTH = 200; // an address is shorter; longer text only costs time

function parseQuery(text: string): ParsedQuery {
  let s = foldText(text.slice(0, QUERY_MAX_LENGTH));
  for (const pattern of QUERY_NOISE) s = s.replace(pattern, ' ');
  const segments = s
    .split(/[,;]/)
    .map((segment) => segment.trim())
    .filter((segment) => /[\p{L}\p{N}]/u.test(segment) && !DISTRICT_SEGMENT.test(segment));

  let street = segments.join(', ');
  let house: string | null = null;
  let houseMarked = false;
  const named = (candidate: string) => analyzeStreet(candidate).hasName;

  const markers = [...street.matchAll(HOUSE_MARKER)];
  const marker = markers[markers.length - 1];
  const last = segments[segments.length - 1];
  const tail = HOUSE_TAIL.exec(street);
  if (marker?.index !== undefined && named(street.slice(0, marker.index))) {
    house = street.slice(marker.index);
    street = street.slice(0, marker.index);
    houseMarked = true;
  } else if (segments.length > 1 && last !== undefined && /^\d/.test(last) && named(segments.slice(0, -1).join(' '))) {
    house = last;
    street = segments.slice(0, -1).join(' ');
    houseMarked = true;
  } else if (tail && named(tail[1]!)) {
    street = tail[1]!;
    house = tail[2]!;
  } else if (/[a-z]/.test(street) && !/[а-я]/.test(street)) {
    // English order: "150 Abay ave"
    const lead = /^\s*(\d+\p{L}?(?:\/\d+\p{L}?)?)[\s,]+(.+)$/u.exec(street);
    if (lead && named(lead[2]!)) {
      house = lead[1]!;
      street = lead[2]!;
    }
  }

  const analysis = analyzeStreet(street);
  let houseKey = house === null ? null : normalizeHouse(house) || null;
  let streetKey = analysis.key;
  // "мкр Самал 2": a bare number after a microdistrict name is its number, not a house.
  if (analysis.kind === 'microdistrict' && !houseMarked && houseKey !== null && /^\d+$/.test(houseKey) && /\p{L}$/u.test(streetKey)) {
    streetKey = `${streetKey} ${houseKey}`;
    houseKey = null;
  }
  return { street: streetKey, house: houseKey, kind: analysis.kind, houseMarked };
}

/**
 * Splits a free-text address into a street key, a house key and the street type:
 * "Алматы, ул. Абая 150/2" → { street: "абая", house: "150/2", kind: "street" };
 * "мкр Самал-2 д. 58" → { street: "самал 2", house: "58", kind: "microdistrict" }.
 * The city (Алматы, Almaty, Алма-Ата), the country, districts, postal codes and apartments are dropped.
 */
export function parseAddressQuery(text: string): AddressQuery {
  const { street, house, kind } = parseQuery(text);
  return { street, house, kind };
}

// ---- Register index --------------------------------------------------------------------------

/** A row of the address register (адресный реестр), with the keys the importer computed. */
export interface AddressRow {
  id: string;
  streetKey: string;
  houseKey: string;
  /** As written in the register. */
  street: string;
  house: string;
  lon: number;
  lat: number;
}

/**
 * A register row as read from CSV, with its keys added. Keys of recent streets and houses are
 * remembered, since a register repeats each street hundreds of times.
 */
export function toAddressRow(input: Omit<AddressRow, 'streetKey' | 'houseKey'>): AddressRow {
  return { ...input, streetKey: remembered(streetKeys, input.street, streetKeyForStorage), houseKey: remembered(houseKeys, input.house, houseKeyForStorage) };
}

const REMEMBERED_KEYS = 20_000;
const streetKeys = new Map<string, string>();
const houseKeys = new Map<string, string>();

function remembered(cache: Map<string, string>, raw: string, normalize: (raw: string) => string): string {
  let key = cache.get(raw);
  if (key === undefined) {
    if (cache.size >= REMEMBERED_KEYS) cache.clear();
    key = normalize(raw);
    cache.set(raw, key);
  }
  return key;
}

/** The parts of a street key that fuzzy matching compares. */
interface StreetProbe {
  /** The key without spaces, so that "Толе би" meets "Толеби". */
  compact: string;
  /** The compact key with one trailing а/я/й/ы/и cut from each longer word: Russian "Абая" meets Kazakh "Абай". */
  stem: string;
  /** The numbers in the key: "Самал 2" must never meet "Самал 3". */
  digits: string;
  /** Stemmed words of three letters or more, for "Мухтара Ауэзова" ↔ "Ауэзова". */
  words: string[];
  /** Distinct letter pairs of `compact` and `stem`, the prefilter for fuzzy matching. */
  grams: string[];
}

interface StreetEntry extends StreetProbe {
  /** Position in `AddressIndex.entries`. */
  n: number;
  key: string;
  /** Sorted by house number. */
  rows: AddressRow[];
  byHouse: Map<string, AddressRow[]>;
  /** The type written in each spelling of the street in the register ("ул. Тимирязева", "пер. Тимирязева"). */
  kinds: Map<string, StreetKind | null>;
}

/** The register grouped by street, with the distinct streets indexed for fuzzy lookup. */
export interface AddressIndex {
  /** By street key without spaces. */
  readonly streets: ReadonlyMap<string, StreetEntry>;
  readonly entries: readonly StreetEntry[];
  /** Letter pair → the entries (by `n`) whose key holds it. */
  readonly byGram: ReadonlyMap<string, readonly number[]>;
  readonly byLength: ReadonlyMap<number, readonly StreetEntry[]>;
  readonly byWord: ReadonlyMap<string, readonly StreetEntry[]>;
  readonly size: number;
}

const stemWord = (w: string) => (w.length > 3 && /\p{L}$/u.test(w) ? w.replace(/[аяйыи]$/u, '') : w);

function pairsOf(text: string, into: Set<string>): void {
  for (let i = 0; i + 1 < text.length; i++) into.add(text.slice(i, i + 2));
}

function probe(streetKey: string): StreetProbe {
  const words = streetKey.split(/\s+/).filter((w) => w !== '');
  const compact = words.join('');
  const stem = words.map(stemWord).join('');
  const grams = new Set<string>();
  pairsOf(compact, grams);
  pairsOf(stem, grams);
  return {
    compact,
    stem,
    digits: words.filter((w) => /^\p{N}+$/u.test(w)).join(' '),
    words: [...new Set(words.filter((w) => w.length >= 3 && /\p{L}/u.test(w)).map(stemWord))],
    grams: [...grams],
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareHouses(a: AddressRow, b: AddressRow): number {
  return (houseNumber(a.houseKey) ?? Infinity) - (houseNumber(b.houseKey) ?? Infinity) || byText(a.houseKey, b.houseKey) || byText(a.id, b.id);
}

/**
 * Groups the register by street key (spaces ignored) and indexes the distinct keys by letter pair,
 * length and word, so that fuzzy matching looks at a few distinct streets, not at every row.
 * Uses the stored `streetKey` / `houseKey`.
 */
export function buildAddressIndex(rows: readonly AddressRow[]): AddressIndex {
  const byKey = new Map<string, AddressRow[]>();
  for (const row of rows) pushTo(byKey, row.streetKey, row);
  const streets = new Map<string, StreetEntry>();
  const entries: StreetEntry[] = [];
  for (const [key, keyRows] of byKey) {
    const p = probe(key);
    if (p.compact === '') continue;
    let entry = streets.get(p.compact);
    if (!entry) {
      entry = { ...p, n: entries.length, key, rows: [], byHouse: new Map(), kinds: new Map() };
      streets.set(p.compact, entry);
      entries.push(entry);
    }
    for (const row of keyRows) {
      entry.rows.push(row);
      pushTo(entry.byHouse, row.houseKey, row);
      if (!entry.kinds.has(row.street)) entry.kinds.set(row.street, analyzeStreet(row.street).kind);
    }
  }
  const byGram = new Map<string, number[]>();
  const byLength = new Map<number, StreetEntry[]>();
  const byWord = new Map<string, StreetEntry[]>();
  for (const entry of entries) {
    const numbered = entry.rows.map((row) => ({ row, number: houseNumber(row.houseKey) ?? Infinity }));
    numbered.sort((a, b) => a.number - b.number || byText(a.row.houseKey, b.row.houseKey) || byText(a.row.id, b.row.id));
    entry.rows = numbered.map(({ row }) => row);
    for (const gram of entry.grams) pushTo(byGram, gram, entry.n);
    pushTo(byLength, entry.compact.length, entry);
    for (const w of entry.words) pushTo(byWord, w, entry);
  }
  return { streets, entries, byGram, byLength, byWord, size: rows.length };
}

// ---- Matching --------------------------------------------------------------------------------

let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), computed in
 * the band |i − j| ≤ max and giving up with `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const limit = Math.min(max, a.length + b.length);
  const outside = limit + 1;
  if (rowCurrent.length <= b.length + 1) {
    rowBefore = new Int32Array(b.length * 2 + 2);
    rowPrevious = new Int32Array(b.length * 2 + 2);
    rowCurrent = new Int32Array(b.length * 2 + 2);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  if (limit + 1 <= b.length) previous[limit + 1] = outside;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(b.length, i + limit);
    const ai = a.charCodeAt(i - 1);
    current[lo - 1] = lo === 1 ? Math.min(i, outside) : outside;
    let rowMin = current[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi + 1 <= b.length) current[hi + 1] = outside;
    if (rowMin > limit) return max + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}

/** Edits allowed for a key of this compact length: none for very short keys. */
const allowedEdits = (length: number) => (length <= 3 ? 0 : length <= 6 ? 1 : length <= 11 ? 2 : 3);
const MAX_STREETS = 10;

/** How alike two streets are, 0 when too far apart to propose. */
function streetSimilarity(query: StreetProbe, entry: StreetProbe, maxEdits: number): number {
  if (query.digits !== entry.digits) return 0;
  if (query.compact === entry.compact) return 1;
  const stemEdits = editDistance(query.stem, entry.stem, maxEdits) + 0.5;
  const edits = Math.min(stemEdits, editDistance(query.compact, entry.compact, Math.min(maxEdits, Math.floor(stemEdits))));
  if (edits > maxEdits) return 0;
  return 1 - edits / Math.max(query.compact.length, entry.compact.length);
}

/**
 * "Ауэзова" inside "Мухтара Ауэзова": every word of the shorter key is a word of the longer one.
 * A query without a number ("Самал") also meets the numbered keys ("Самал-2"), lower.
 */
function containmentSimilarity(query: StreetProbe, entry: StreetProbe): number {
  const numbered = query.digits === '' && entry.digits !== '';
  if ((query.digits !== entry.digits && !numbered) || query.words.length === 0 || entry.words.length === 0) return 0;
  const [short, long] = query.words.length <= entry.words.length ? [query, entry] : [entry, query];
  if (!short.words.every((w) => long.words.includes(w))) return 0;
  const coverage = short.compact.length / long.compact.length;
  if (coverage < 0.4) return 0;
  return (0.6 + 0.3 * coverage) * (numbered ? NUMBER_MISSING : 1);
}

/**
 * Entries that may lie within `maxEdits` of the query. One edit changes at most three distinct letter
 * pairs, so a key within k edits shares at least (pairs − 3k) of them: a lossless filter.
 */
function fuzzyCandidates(index: AddressIndex, query: StreetProbe, maxEdits: number): Iterable<StreetEntry> {
  const compactPairs = new Set<string>();
  const stemPairs = new Set<string>();
  pairsOf(query.compact, compactPairs);
  pairsOf(query.stem, stemPairs);
  const needed = Math.min(compactPairs.size, stemPairs.size) - 3 * maxEdits;
  const spread = maxEdits + 3; // a stem is shorter than its key by a letter a word (up to three words here)
  const near = (entry: StreetEntry) =>
    entry.digits === query.digits &&
    (Math.abs(entry.compact.length - query.compact.length) <= maxEdits || Math.abs(entry.stem.length - query.stem.length) <= maxEdits);
  if (needed <= 0) {
    const found: StreetEntry[] = [];
    for (let length = query.compact.length - spread; length <= query.compact.length + spread; length++) {
      for (const entry of index.byLength.get(length) ?? []) if (near(entry)) found.push(entry);
    }
    return found;
  }
  const shared = new Uint16Array(index.entries.length);
  const found: StreetEntry[] = [];
  for (const gram of query.grams) {
    for (const n of index.byGram.get(gram) ?? []) {
      shared[n] = shared[n]! + 1;
      const entry = index.entries[n]!;
      if (shared[n] === needed && near(entry)) found.push(entry);
    }
  }
  return found;
}

const NUMBER_MISSING = 0.8;

interface StreetCandidate {
  entry: StreetEntry;
  similarity: number;
  /** The query named no number and the street has one ("Самал" for "Самал-2"). */
  numberMissing: boolean;
}

function findStreets(index: AddressIndex, streetKey: string): StreetCandidate[] {
  const query = probe(streetKey);
  if (query.compact === '') return [];
  const found = new Map<StreetEntry, number>();
  const offer = (entry: StreetEntry, similarity: number) => {
    if (similarity > 0 && similarity > (found.get(entry) ?? 0)) found.set(entry, similarity);
  };
  const exact = index.streets.get(query.compact);
  if (exact) offer(exact, 1);
  const maxEdits = allowedEdits(query.compact.length);
  if (maxEdits > 0) {
    for (const entry of fuzzyCandidates(index, query, maxEdits)) if (entry !== exact) offer(entry, streetSimilarity(query, entry, maxEdits));
  }
  for (const w of query.words) {
    for (const entry of index.byWord.get(w) ?? []) offer(entry, containmentSimilarity(query, entry));
  }
  return [...found]
    .sort((a, b) => b[1] - a[1] || byText(a[0].compact, b[0].compact))
    .slice(0, MAX_STREETS)
    .map(([entry, similarity]) => ({ entry, similarity, numberMissing: query.digits === '' && entry.digits !== '' }));
}

export interface AddressMatch {
  row: AddressRow;
  /**
   * 1 for the exact street and house; (0.5, 0.95] for a similar street with the same house;
   * at most 0.45 for a street whose house was not found (its nearest houses) or not given.
   */
  score: number;
  /** Street key and house key both equal to the query's. */
  exact: boolean;
}

interface Reading {
  street: string;
  house: string | null;
  weight: number;
}

/** Ways to read the query: "Самал 2" is Самал house 2, or the microdistrict Самал-2. */
function readings(query: ParsedQuery): Reading[] {
  const list: Reading[] = [{ street: query.street, house: query.house, weight: 1 }];
  const words = query.street.split(' ');
  const lastWord = words[words.length - 1] ?? '';
  if (query.house !== null && !query.houseMarked && /^\d+$/.test(query.house)) {
    list.push({ street: `${query.street} ${query.house}`, house: null, weight: 0.98 });
  } else if (query.house === null && words.length > 1 && /^\d+$/.test(lastWord)) {
    list.push({ street: words.slice(0, -1).join(' '), house: lastWord, weight: 0.98 });
  }
  return list;
}

/** Numeric distance between houses; the other side of the street (odd/even) counts extra. */
function houseGap(wanted: string, found: string): number {
  const a = houseNumber(wanted);
  const b = houseNumber(found);
  if (a === null || b === null) return 100;
  return Math.abs(a - b) + (a === b ? 0.5 : 0) + (a % 2 !== b % 2 ? 1.5 : 0);
}

/** A query that names another street type than the register loses a little. */
const KIND_MISMATCH = 0.98;

const isIndex = (source: readonly AddressRow[] | AddressIndex): source is AddressIndex => !Array.isArray(source);

/**
 * Finds register rows for a free-text address, best first. Exact street and house score 1; then a
 * similar street (typo, Kazakh or Latin spelling) with the same house; then, when the house is not in
 * the register or was not given, the nearest houses of the likeliest streets. Pass an index from
 * `buildAddressIndex` when matching more than once; a plain array is indexed on every call.
 */
export function matchAddress(query: string, source: readonly AddressRow[] | AddressIndex, limit = 5): AddressMatch[] {
  if (limit <= 0) return [];
  const index = isIndex(source) ? source : buildAddressIndex(source);
  const parsed = parseQuery(query);
  const best = new Map<AddressRow, AddressMatch>();
  const offer = (entry: StreetEntry, row: AddressRow, fullScore: number, exact: boolean) => {
    // "пер. Тимирязева" and "ул. Тимирязева" share a key; the type written in the query decides between them.
    const kind = entry.kinds.get(row.street) ?? null;
    const score = parsed.kind !== null && kind !== null && kind !== parsed.kind ? fullScore * KIND_MISMATCH : fullScore;
    const known = best.get(row);
    if (!known || score > known.score) best.set(row, { row, score, exact: exact || (known?.exact ?? false) });
  };

  for (const reading of readings(parsed)) {
    const streetCompact = reading.street.replace(/\s+/g, '');
    for (const { entry, similarity, numberMissing } of findStreets(index, reading.street)) {
      const sameStreet = entry.compact === streetCompact;
      if (reading.house === null) {
        // The lowest house of each spelling: "ул. Абая" and "пр. Абая" share a key but are two streets.
        const seen = new Set<string>();
        for (const row of entry.rows) {
          if (seen.has(row.street)) continue;
          seen.add(row.street);
          offer(entry, row, 0.45 * similarity * reading.weight, false);
        }
        continue;
      }
      const sameHouse = entry.byHouse.get(reading.house);
      if (sameHouse) {
        // "Самал 58" may be house 58 of Самал-1 or Самал-2, or the unknown microdistrict Самал-58: a suggestion only.
        const score = sameStreet ? 1 : numberMissing && !parsed.houseMarked ? 0.45 * similarity : 0.5 + 0.45 * similarity;
        for (const row of sameHouse) offer(entry, row, score * reading.weight, sameStreet);
        continue;
      }
      const wanted = reading.house;
      const nearest = entry.rows
        .map((row) => ({ row, gap: houseGap(wanted, row.houseKey) }))
        .sort((a, b) => a.gap - b.gap)
        .slice(0, limit);
      for (const { row, gap } of nearest) offer(entry, row, (0.45 * similarity * reading.weight) / (1 + gap / 10), false);
    }
  }

  return [...best.values()]
    .sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || byText(a.row.streetKey, b.row.streetKey) || compareHouses(a.row, b.row))
    .slice(0, limit);
}
