/**
 * The one error type the report importer throws. `code` is stable and safe to
 * map onto an API problem type; `message` is an English sentence for people.
 */

import { AppError, type ProblemCode } from '../../platform/errors.js';

export type ReportImportErrorCode = 'empty_file' | 'unsupported_format' | 'no_items' | 'unreadable_docx' | 'too_large';

export class ReportImportError extends Error {
  override readonly name = 'ReportImportError';
  readonly code: ReportImportErrorCode;

  constructor(code: ReportImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isReportImportError(value: unknown): value is ReportImportError {
  return value instanceof ReportImportError;
}

/** How each import failure answers over HTTP (see platform/errors.ts). */
export const REPORT_IMPORT_PROBLEMS = {
  empty_file: 'unprocessable',
  unsupported_format: 'unsupported_media_type',
  no_items: 'unprocessable',
  unreadable_docx: 'unprocessable',
  too_large: 'payload_too_large',
} as const satisfies Record<ReportImportErrorCode, ProblemCode>;

/** The catalogue error a route throws for an import failure; the offending field is the uploaded file. */
export function toAppError(error: ReportImportError, field = 'file'): AppError {
  return new AppError(REPORT_IMPORT_PROBLEMS[error.code], error.message, field);
}
