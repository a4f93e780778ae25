import { describe, expect, it } from 'vitest';

import { AppError } from '../../platform/errors.js';
import { isReportImportError, ReportImportError, toAppError } from './report-import-error.js';

describe('ReportImportError', () => {
  it('carries a stable code and an English message', () => {
    const error = new ReportImportError('no_items', 'No recommendation items were found.');
    expect(error).toBeInstanceOf(Error);
    expect(isReportImportError(error)).toBe(true);
    expect(isReportImportError(new Error('x'))).toBe(false);
    expect(error).toMatchObject({ name: 'ReportImportError', code: 'no_items' });
  });

  it.each([
    ['empty_file', 'unprocessable', 422],
    ['unsupported_format', 'unsupported_media_type', 415],
    ['no_items', 'unprocessable', 422],
    ['unreadable_docx', 'unprocessable', 422],
  ] as const)('maps %s onto the problem catalogue', (code, problem, status) => {
    const appError = toAppError(new ReportImportError(code, 'Explained.'));
    expect(appError).toBeInstanceOf(AppError);
    expect(appError).toMatchObject({ code: problem, status, field: 'file', message: 'Explained.' });
  });
});
