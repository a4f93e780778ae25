/**
 * Pulls the quantitative statements out of a response: «установлено 37 модульных
 * круглосуточных постов полиции», «до 18,7%», «409 млн. 178 тыс.», «4,5 раз».
 *
 * Numbers that are not figures are masked out before scanning: dates
 * (10.02.2021, «16 марта», «2020 год», «от 14.12.2015года»), document numbers
 * (№1026, «исх. № 1-7-55/1675-И»), references to articles, points, sections and
 * road signs («статьи 30-1», «п.8», «пункта 2.2.2», «знаками 5.9»), other dotted
 * codes, clock times and ordinals («по 2-му этапу»).
 *
 * Values are magnitudes: a leading «-» or «+» in these reports is as often a dash
 * («2020г.-6069») as a sign, so the sentence is kept for context instead.
 */

import { collapseWhitespace } from './text-normalizer.js';

export type FigureUnit = '%' | 'тенге' | 'ед.' | 'раз';

export interface ExtractedFigure {
  value: number;
  /** '%', 'тенге', 'ед.', 'раз' or null for a plain count. */
  unit: string | null;
  /** What it counts: a short noun phrase taken from the text (may be empty). */
  counts: string;
  /** The sentence the figure comes from, whitespace normalised. */
  sentence: string;
}

/** Stands in for masked characters: neither a letter, a digit nor a space. */
const MASK = '§';
const MONTHS = String.raw`(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*`;
const YEAR_SUFFIX = String.raw`(?:г\.?\s*г\.?|гг\.?|(?:учебн\p{L}*\s+|финансов\p{L}*\s+|календарн\p{L}*\s+)?(?:годы|годов|годом|года|году|год)|г\.|г)(?!\p{L})`;
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const NUMBER_LIST = String.raw`\d+(?:[.\-]\d+)*(?:\s*(?:,|и|-)\s*\d+(?:[.\-]\d+)*)*`;

/** Spans that contain digits but no figure. Order matters: earlier masks win. */
const NON_FIGURE_PATTERNS: readonly RegExp[] = [
  // document numbers: №1026, № 1-7-55/1675-И, исх.№1-7-71/6626-и
  /№\s*[^\s,;)»]+/gu,
  // dates: 10.02.2021г., 14.12.2015года, 01.04.2021
  new RegExp(String.raw`\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s*${YEAR_SUFFIX})?`, 'giu'),
  // dates with a month name: 16 марта, 4 декабря 2008 года
  new RegExp(String.raw`${WORD_START}\d{1,2}(?:-?(?:го|е))?\s+${MONTHS}`, 'giu'),
  // years and year ranges: 2020 год, 2021г., (2021-2023г.г.), 2022-2024 годы, 2021 учебный год
  new RegExp(String.raw`${WORD_START}\d{4,}(?:\s*[-–]\s*\d{4})?\s*${YEAR_SUFFIX}`, 'giu'),
  // list markers at the start of a sentence: «1) предотвращение …», «2). Разрешить …»
  /^\s*(?:\d{1,2}|[а-яё])\)\.?/u,
  // references: статьей 32, п.8, пункта 2.2.2, пунктах 2 и 4 раздела 24, знаками 5.9, 5.10.1-5.10.3
  // (not «в т.ч. 11 постов»: a keyword glued to a dot is an abbreviation's tail)
  new RegExp(
    String.raw`(?<![\p{L}\p{N}.])(?:стать\p{L}*|ст\.|пункт\p{L}*|подпункт\p{L}*|пп?\.|раздел\p{L}*|глав\p{L}*|част[иья]\p{L}*|ч\.|знак\p{L}*|приложени\p{L}*)\s*${NUMBER_LIST}`,
    'giu',
  ),
  // other dotted codes (decimals here are written with a comma): 5.9, 1.2
  /\d+(?:\.\d+)+(?!\s*%)/gu,
  // clock times and phone numbers
  /\d{1,2}:\d{2}/gu,
  /(?:\+?\d\s*)?\(\d{3,5}\)\s*\d{2,3}(?:-\d{2}){2}/gu,
  // ordinals: 2-му этапу, 1-го числа, 3-й квартал
  /\d+-(?:го|му|й|ой|ый|ий|ая|ое|ые|ом)(?!\p{L})/gu,
];

/** 1 500 · 1500 · 18,7 — thousands may be grouped with single spaces. */
const NUMBER = /\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?/gu;
const SCALE_WORDS = String.raw`(тыс|тысяч[аи]?|млн|миллион(?:а|ов)?|млрд|миллиард(?:а|ов)?|трлн)`;
const SCALE = new RegExp(String.raw`^\s*${SCALE_WORDS}(?!\p{L})\.?`, 'iu');
const FOLLOWING_SCALED = new RegExp(String.raw`^\s*(\d{1,3}(?:,\d+)?)\s*${SCALE_WORDS}(?!\p{L})\.?`, 'iu');

function scaleOf(word: string): number {
  const lower = word.toLowerCase();
  if (lower.startsWith('тыс')) return 1e3;
  if (lower.startsWith('млрд') || lower.startsWith('миллиард')) return 1e9;
  if (lower.startsWith('млн') || lower.startsWith('миллион')) return 1e6;
  return 1e12;
}

/** Cardinal suffixes: 22-х, 5-ти, 7-ми, 2-ух. */
const CARDINAL_SUFFIX = /^-(?:х|ти|ми|ух|ех|и)(?!\p{L})/u;
const UNIT_PATTERNS: readonly { unit: FigureUnit; pattern: RegExp }[] = [
  { unit: '%', pattern: /^\s*%/u },
  { unit: 'тенге', pattern: /^\s*(?:тенге|тг\.?|₸)(?!\p{L})/iu },
  { unit: 'ед.', pattern: /^\s*(?:ед\.|единиц\p{L}*)/iu },
  { unit: 'раз', pattern: /^\s*раза?(?!\p{L})/iu },
];
const MONEY_CONTEXT = /(?:финансирован|бюджет|сумм|средств|стоимост|затрат|расход|тенге)/iu;

const STOP_WORDS: ReadonlySet<string> = new Set([
  'в', 'во', 'на', 'из', 'и', 'или', 'а', 'но', 'с', 'со', 'по', 'от', 'до', 'за', 'для', 'о', 'об', 'обо',
  'к', 'ко', 'у', 'при', 'через', 'над', 'под', 'между', 'что', 'чтобы', 'который', 'которые', 'которых',
  'которая', 'которое', 'как', 'так', 'также', 'где', 'когда', 'если', 'же', 'ли', 'не', 'ни', 'т', 'г',
  'т.г', 'т.ч', 'т.е', 'т.д', 'т.к', 'то', 'это', 'все', 'всего', 'более', 'менее', 'около', 'том', 'числе',
  'них', 'них:', 'ним', 'чем',
]);
/** Words skipped between a number and the phrase before it: «составил 42%», «до 18,7%». */
const LEAD_SKIP: ReadonlySet<string> = new Set([
  'составляет', 'составляют', 'составил', 'составила', 'составило', 'составили', 'составит', 'составят',
  'до', 'на', 'около', 'более', 'менее', 'свыше', 'всего', 'по', 'в', 'с', 'от', 'из', 'за', 'уже', 'лишь',
  'только', 'почти', 'порядка', 'примерно', 'как',
]);
const MAX_PHRASE_WORDS = 4;
const MAX_PRECEDING_WORDS = 4;

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'г', 'гг', 'т.г', 'т.е', 'т.д', 'т.к', 'т.ч', 'т.п', 'ед', 'тыс', 'млн', 'млрд', 'исх', 'пр', 'им', 'ул',
  'обл', 'ст', 'п', 'пп', 'ч', 'др', 'руб', 'см', 'стр', 'рис', 'тел', 'каб', 'мкр', 'р-н', 'вх', 'гр', 'чел',
]);

function isVerbLike(word: string): boolean {
  // reflexive verbs, short passive participles, present-tense verbs: «являются», «наделены», «превышает»
  return (
    /(?:ся|сь)$/iu.test(word) ||
    /^\p{L}{3,}(?:ен|ан|ян)[аоы]$/iu.test(word) ||
    /^\p{L}{3,}(?:ает|яет|ует|еет|ают|яют|уют|еют)$/iu.test(word)
  );
}

function isParticiple(word: string): boolean {
  // long participles open a new clause: «граффити-надписей содержащих ...», «фактов указанных ...»
  return /(?:ющ|ящ|ащ|вш|ем|им)(?:ий|ая|ее|ие|их|им|ими|его|ему|ую|ей|ого|ому|ых|ые|ой)$/iu.test(word);
}

function maskNonFigures(sentence: string): string {
  let masked = sentence;
  for (const pattern of NON_FIGURE_PATTERNS) {
    masked = masked.replace(pattern, (match) => MASK.repeat(match.length));
  }
  return masked;
}

/** Splits text into sentences: at line breaks, «;», and «. ! ?» before a capital or digit (not after abbreviations or initials). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    let start = 0;
    for (const boundary of line.matchAll(/([.!?;]+)\s+/gu)) {
      const punctuation = boundary[1] ?? '';
      const end = boundary.index + boundary[0].length;
      const next = line.slice(end, end + 2);
      // Only the last word matters; a bounded window keeps this linear on very long lines.
      const before = line.slice(Math.max(start, boundary.index - 64), boundary.index);
      const lastWord = (/([\p{L}.\-]+)$/u.exec(before)?.[1] ?? '').toLowerCase();
      const isAbbreviation = ABBREVIATIONS.has(lastWord) || /^\p{L}(?:\.\p{L})*$/u.test(lastWord);
      const breaks =
        punctuation.includes(';') ||
        /\.\./u.test(punctuation) ||
        (/^[«"(]?[\p{Lu}\d]/u.test(next) && !(punctuation === '.' && isAbbreviation));
      if (breaks) {
        sentences.push(line.slice(start, boundary.index + punctuation.length));
        start = end;
      }
    }
    sentences.push(line.slice(start));
  }
  return sentences.map(collapseWhitespace).filter((sentence) => sentence.length > 0);
}

function parseNumber(raw: string): number {
  return Number(raw.replace(/ /g, '').replace(',', '.'));
}

function roundValue(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

interface NumberTail {
  value: number;
  unit: FigureUnit | null;
  scaled: boolean;
  /** Offset in the sentence just after the number, its scale, suffix and unit. */
  end: number;
}

/** Reads what follows a number: «-ти», «млн. 178 тыс.», «%», «тенге», «ед.», «раз». */
function readTail(masked: string, rawNumber: string, numberEnd: number): NumberTail {
  let value = parseNumber(rawNumber);
  let position = numberEnd;
  let scaled = false;

  const suffix = CARDINAL_SUFFIX.exec(masked.slice(position));
  if (suffix) position += suffix[0].length;

  const scale = SCALE.exec(masked.slice(position));
  if (scale?.[1]) {
    let lastScale = scaleOf(scale[1]);
    value *= lastScale;
    position += scale[0].length;
    scaled = true;
    // «409 млн. 178 тыс.», «1 млрд. 795 млн. 680 тыс.»
    for (;;) {
      const more = FOLLOWING_SCALED.exec(masked.slice(position));
      const moreScale = more?.[2] ? scaleOf(more[2]) : 1;
      if (!more?.[1] || moreScale >= lastScale) break;
      value += parseNumber(more[1]) * moreScale;
      lastScale = moreScale;
      position += more[0].length;
    }
  }

  let unit: FigureUnit | null = null;
  for (const candidate of UNIT_PATTERNS) {
    const match = candidate.pattern.exec(masked.slice(position));
    if (match) {
      unit = candidate.unit;
      position += match[0].length;
      break;
    }
  }
  return { value: roundValue(value), unit, scaled, end: position };
}

const WORD_AHEAD = /^(\s*)([\p{L}][\p{L}\-]*)/u;

/** The noun phrase after a number: «модульных круглосуточных постов полиции». */
function followingPhrase(masked: string, from: number): string {
  const words: string[] = [];
  let rest = masked.slice(from);
  while (words.length < MAX_PHRASE_WORDS) {
    const match = WORD_AHEAD.exec(rest);
    if (!match?.[2]) break;
    // the phrase continues only across plain spaces, and must start right after the number
    if (words.length > 0 && (match[1] ?? '').length === 0) break;
    const word = match[2];
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower) || isVerbLike(word)) break;
    if (words.length > 0 && isParticiple(word)) break;
    words.push(word);
    rest = rest.slice(match[0].length);
    if (!/^ +[\p{L}]/u.test(rest)) break;
  }
  return words.join(' ');
}

/** The noun phrase before a number, for «удельный вес ... до 18,7%» or «носимые радиостанции – 99,2%». */
function precedingPhrase(masked: string, numberStart: number): string {
  const tokens = masked.slice(0, numberStart).split(/(\s+)/u);
  const words: string[] = [];
  let skipping = true;
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index] ?? '';
    if (token.length === 0 || /^\s+$/u.test(token)) continue;
    if (skipping && (/^[–—\-:=+]+$/u.test(token) || LEAD_SKIP.has(token.toLowerCase()))) continue;
    skipping = false;
    if (!/^[\p{L}][\p{L}\-]*$/u.test(token)) {
      // a word glued to punctuation ends the phrase; keep the word when punctuation trails it
      break;
    }
    if (STOP_WORDS.has(token.toLowerCase()) || isVerbLike(token)) break;
    words.unshift(token);
    if (words.length === MAX_PRECEDING_WORDS) break;
  }
  return words.join(' ');
}

/** Extracts the figures of one text (a response), sentence by sentence, in text order. */
export function extractFigures(text: string): ExtractedFigure[] {
  const figures: ExtractedFigure[] = [];
  for (const sentence of splitSentences(text)) {
    const masked = maskNonFigures(sentence);
    const numbers = [...masked.matchAll(NUMBER)].filter((match) => {
      const before = masked.slice(Math.max(0, match.index - 2), match.index);
      // glued to a word or a code: «УП-2», «1-12-23/657»
      return !/[\p{L}\p{N}/,.]$/u.test(before) && !/\p{L}-$/u.test(before);
    });
    const tails = numbers.map((match) => readTail(masked, match[0], match.index + match[0].length));

    let consumedUntil = 0;
    numbers.forEach((match, index) => {
      const ownTail = tails[index];
      // «178» in «409 млн. 178 тыс.» belongs to the figure before it
      if (!ownTail || match.index < consumedUntil) return;
      consumedUntil = ownTail.end;
      // «4-5 раза», «7000-8000 тыс.»: the first number of a range takes the second's tail
      const nextMatch = numbers[index + 1];
      const nextTail = tails[index + 1];
      const numberEnd = match.index + match[0].length;
      const isRangeStart =
        nextMatch !== undefined &&
        nextTail !== undefined &&
        ownTail.end === numberEnd &&
        /^\s?[-–—]\s?$/u.test(masked.slice(numberEnd, nextMatch.index));
      const tail =
        isRangeStart && nextTail && nextMatch
          ? { ...nextTail, value: roundValue(parseNumber(match[0]) * (nextTail.value / parseNumber(nextMatch[0]))) }
          : ownTail;

      let unit: FigureUnit | null = tail.unit;
      if (unit === null && tail.scaled && MONEY_CONTEXT.test(sentence)) unit = 'тенге';

      let counts = followingPhrase(masked, tail.end);
      if (counts === '' && unit === 'ед.') counts = 'единиц';
      if (counts === '') counts = precedingPhrase(masked, match.index);

      figures.push({ value: tail.value, unit, counts, sentence });
    });
  }
  return figures;
}
