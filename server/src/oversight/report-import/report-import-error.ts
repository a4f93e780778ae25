/**
 * The one error type the report importer throws. `code` is stable and safe to
 * map onto an API problem type; `message` is an English sentence for people.
 */
export type ReportImportErrorCode = 'empty_file' | 'unsupported_format' | 'no_items' | 'unreadable_docx';

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
