/**
 * Splits the text of a department's report on council recommendations into
 * items («п.1» … «п.28»), each with its recommendation, the response, the
 * recommendation's sub-items, the bodies involved, a suggested status and the
 * figures of the response.
 *
 * An item heading is «п» at the start of a line followed by a number: «п 1.»,
 * «п. 2.», «п.3.», «П.5», «п.12)», after optional spaces, tabs or Word artefacts.
 * A heading with a terminator («.» or «)») always counts; one without it
 * («П.5 Обеспечить…») counts only when it continues the numbering, so a line
 * that happens to begin with «п.8 Бюджетного кодекса» stays text. References
 * inside a line («пункта 8», «статьей 32.п.8») never split.
 *
 * The heading paragraph is the recommendation; sub-items «1)» «2).» that follow
 * it directly belong to the recommendation too; everything after is the response.
 */

import { detectAddressees } from './addressee-detector.js';
import { extractFigures, type ExtractedFigure } from './figure-extractor.js';
import { ReportImportError } from './report-import-error.js';
import { classifyStatus, type StatusSuggestion } from './status-classifier.js';
import { cleanLine, collapseWhitespace, normalizeReportText } from './text-normalizer.js';

export interface ParsedSubItem {
  /** '1)' */
  label: string;
  text: string;
}

export interface ParsedItem {
  number: number;
  recommendation: string;
  response: string;
  subItems: ParsedSubItem[];
  /** Bodies mentioned: 'ДП г.Алматы', 'МВД РК', 'Акимат', 'ДЧС', 'КНБ', 'МОН', … */
  addressees: string[];
  suggestedStatus: StatusSuggestion;
  figures: ExtractedFigure[];
}

export interface ParsedReport {
  title: string;
  items: ParsedItem[];
  warnings: string[];
}

/** «п», optional dot, the number, an optional terminator; not «п.2.2» nor «п.1,5». */
const HEADING = /^[ \t]*[пП][ \t]*(?:\.[ \t]*)?(\d{1,3})(?!\d)(?:[ \t]*([.)]))?(?![.,]?\d)/u;
/** «1)», «2).», «а)» at the start of a paragraph. */
const SUB_ITEM = /^(\d{1,2}|[а-яё])\)\.?\s*(.*)$/u;

interface Heading {
  number: number;
  lineIndex: number;
  /** The rest of the heading line, after the number. */
  rest: string;
}

function readHeading(line: string, lineIndex: number, previousNumber: number | null): Heading | null {
  const match = HEADING.exec(line);
  if (!match?.[1]) return null;
  const number = Number(match[1]);
  if (number < 1) return null;
  const rest = line.slice(match[0].length);
  const hasTerminator = match[2] !== undefined;
  if (!hasTerminator) {
    // «П.5 Обеспечить» — but not «п.5а» and not a reference that breaks the numbering
    if (rest.length > 0 && !/^\s/u.test(rest)) return null;
    if (number !== (previousNumber ?? 0) + 1) return null;
  }
  return { number, lineIndex, rest };
}

function findHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((line, lineIndex) => {
    const previous = headings[headings.length - 1];
    const heading = readHeading(line, lineIndex, previous ? previous.number : null);
    if (heading) headings.push(heading);
  });
  return headings;
}

function numberingWarnings(numbers: readonly number[]): string[] {
  const warnings: string[] = [];
  const seen = new Set<number>();
  numbers.forEach((number, index) => {
    if (seen.has(number)) warnings.push(`Item п.${number} appears more than once.`);
    seen.add(number);
    const previous = index > 0 ? numbers[index - 1] : 0;
    if (previous === undefined || number === previous) return;
    if (number < previous) {
      warnings.push(`Item п.${number} follows п.${previous}: numbering goes backwards.`);
    } else if (number > previous + 1) {
      const missing = number - previous === 2 ? `п.${previous + 1}` : `п.${previous + 1}–п.${number - 1}`;
      const after = previous === 0 ? 'at the start' : `after п.${previous}`;
      warnings.push(`Numbering gap ${after}: ${missing} missing before п.${number}.`);
    }
  });
  return warnings;
}

interface ItemText {
  recommendation: string;
  response: string;
  subItems: ParsedSubItem[];
}

function splitItemText(headingRest: string, bodyLines: readonly string[]): ItemText {
  const paragraphs = [headingRest, ...bodyLines].map(cleanLine).filter((line) => line.length > 0);
  const [head = '', ...rest] = paragraphs;
  const recommendationLines = [head];
  const subItems: ParsedSubItem[] = [];
  let index = 0;
  for (; index < rest.length; index += 1) {
    const match = SUB_ITEM.exec(rest[index] ?? '');
    if (!match?.[1]) break;
    subItems.push({ label: `${match[1]})`, text: (match[2] ?? '').trim() });
    recommendationLines.push(rest[index] ?? '');
  }
  return {
    recommendation: recommendationLines.join('\n'),
    response: rest.slice(index).join('\n'),
    subItems,
  };
}

/**
 * Parses the text of a report. Throws ReportImportError('no_items') when no item
 * heading is found; numbering gaps, duplicates and reversals become warnings.
 */
export function parseReport(text: string): ParsedReport {
  const lines = normalizeReportText(text).split('\n');
  const headings = findHeadings(lines);
  const first = headings[0];
  if (!first) {
    throw new ReportImportError(
      'no_items',
      'No recommendation items were found: expected numbered headings such as "п.1." at the start of a line.',
    );
  }

  const title = collapseWhitespace(lines.slice(0, first.lineIndex).join(' '));
  const items = headings.map((heading, index): ParsedItem => {
    const next = headings[index + 1];
    const body = lines.slice(heading.lineIndex + 1, next ? next.lineIndex : lines.length);
    const { recommendation, response, subItems } = splitItemText(heading.rest, body);
    return {
      number: heading.number,
      recommendation,
      response,
      subItems,
      addressees: detectAddressees(`${recommendation}\n${response}`),
      suggestedStatus: classifyStatus(response),
      figures: extractFigures(response),
    };
  });

  const warnings = numberingWarnings(items.map((item) => item.number));
  if (title === '') warnings.push('The report has no title before its first item.');
  for (const item of items) {
    if (item.recommendation === '') warnings.push(`Item п.${item.number} has no recommendation text.`);
  }
  return { title, items, warnings };
}
