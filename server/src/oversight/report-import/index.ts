/**
 * Report import (oversight): read a department's report on council
 * recommendations from DOCX or text, and parse it into items with suggested
 * statuses and figures. Pure logic; storing the result is the oversight service's job.
 */

import { parseReport, type ParsedReport } from './report-parser.js';
import { ReportImportError } from './report-import-error.js';
import { readReportText, type ReportFileInput } from './report-reader.js';

export { ADDRESSEE_RULES, detectAddressees, type AddresseeRule } from './addressee-detector.js';
export { extractFigures, splitSentences, type ExtractedFigure, type FigureUnit } from './figure-extractor.js';
export {
  isReportImportError,
  REPORT_IMPORT_PROBLEMS,
  ReportImportError,
  toAppError,
  type ReportImportErrorCode,
} from './report-import-error.js';
export { parseReport, type ParsedItem, type ParsedReport, type ParsedSubItem } from './report-parser.js';
export { readReportText, type ReportFileInput } from './report-reader.js';
export {
  classifyStatus,
  findStatusEvidence,
  RECOMMENDATION_STATUSES,
  STATUS_RULES,
  type RecommendationStatus,
  type StatusEvidence,
  type StatusRule,
  type StatusSuggestion,
} from './status-classifier.js';
export { normalizeReportText } from './text-normalizer.js';

/** A report of 28 items is ~75 000 characters; anything past this is not a report (or a zip bomb). */
export const MAX_REPORT_CHARS = 2_000_000;

/** Reads an uploaded report file and parses it. Throws ReportImportError. */
export async function importReportFile(input: ReportFileInput): Promise<ParsedReport> {
  const text = await readReportText(input);
  if (text.length > MAX_REPORT_CHARS) {
    throw new ReportImportError('too_large', `The report text is ${text.length} characters long; at most ${MAX_REPORT_CHARS} are accepted.`);
  }
  return parseReport(text);
}
