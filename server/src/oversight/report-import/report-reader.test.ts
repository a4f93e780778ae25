import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';

import { ReportImportError } from './report-import-error.js';
import { readReportText } from './report-reader.js';

const SAMPLE = 'Информация ДП г. Алматы\nп.1. Рекомендация.\nОтвет.\n';

async function docxOf(lines: readonly string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(document);
}

async function rejection(promise: Promise<unknown>): Promise<ReportImportError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ReportImportError);
  return error as ReportImportError;
}

describe('readReportText: text files', () => {
  it('decodes UTF-8 and strips the BOM', async () => {
    const buffer = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(await readReportText({ buffer, filename: 'report.txt' })).toBe(SAMPLE);
  });

  it('falls back to windows-1251 when the bytes are not UTF-8', async () => {
    // «Ответ» in windows-1251
    const buffer = Buffer.from([0xce, 0xf2, 0xe2, 0xe5, 0xf2, 0x0a]);
    expect(await readReportText({ buffer, filename: 'report.txt', mimeType: 'text/plain' })).toBe('Ответ\n');
  });

  it('decodes UTF-16 with a byte order mark (Word "Unicode text")', async () => {
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(await readReportText({ buffer, filename: 'report.txt' })).toBe(SAMPLE);
  });

  it('reads text whatever its name says, unless the name declares another format', async () => {
    expect(await readReportText({ buffer: Buffer.from(SAMPLE), filename: 'report' })).toBe(SAMPLE);
    expect(await readReportText({ buffer: Buffer.from(SAMPLE), filename: 'report.md' })).toBe(SAMPLE);
  });
});

describe('readReportText: DOCX', () => {
  it('extracts the paragraphs of a DOCX', async () => {
    const buffer = await docxOf(['Информация ДП г. Алматы', 'п.1. Рекомендация.', 'Ответ.']);
    const text = await readReportText({ buffer, filename: 'report.docx' });
    expect(text.split('\n').filter((line) => line !== '')).toEqual([
      'Информация ДП г. Алматы',
      'п.1. Рекомендация.',
      'Ответ.',
    ]);
  });

  it('recognises a DOCX by its ZIP signature even under another name', async () => {
    const buffer = await docxOf(['п.1. Рекомендация.']);
    expect(await readReportText({ buffer, filename: 'upload.bin' })).toContain('п.1. Рекомендация.');
  });

  it('refuses a ZIP that is not a Word document', async () => {
    // an empty ZIP archive: local file header signature, then nothing mammoth can use
    const buffer = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(60, 1)]);
    const error = await rejection(readReportText({ buffer, filename: 'report.docx' }));
    expect(error.code).toBe('unreadable_docx');
    expect(error.message).toMatch(/could not be read as a DOCX/);
  });

  it('refuses a file named .docx that is not a ZIP archive', async () => {
    const error = await rejection(readReportText({ buffer: Buffer.from(SAMPLE), filename: 'report.docx' }));
    expect(error.code).toBe('unreadable_docx');
  });

  it('reports a DOCX without text as empty', async () => {
    const error = await rejection(readReportText({ buffer: await docxOf(['', '  ']), filename: 'blank.docx' }));
    expect(error.code).toBe('empty_file');
  });
});

describe('readReportText: refusals', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.txt', 'empty_file', /is empty/],
    ['a whitespace-only file', Buffer.from(' \r\n\t\u00a0 \n'), 'blank.txt', 'empty_file', /only whitespace/],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.txt', 'unsupported_format', /PNG image/],
    ['a JPEG image', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'photo.jpg', 'unsupported_format', /JPEG image/],
    ['a GIF image', Buffer.from('GIF89a\u0001\u0000', 'latin1'), 'a.gif', 'unsupported_format', /GIF image/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'report.pdf', 'unsupported_format', /PDF document/],
    ['a legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'report.doc', 'unsupported_format', /legacy Word/],
    ['binary content with NUL bytes', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), 'data.txt', 'unsupported_format', /NUL bytes/],
    ['binary content full of control bytes', Buffer.from([0x01, 0x02, 0x03, 0x41, 0x1b, 0x42]), 'data.txt', 'unsupported_format', /binary/],
    ['a text file named .pdf', Buffer.from(SAMPLE), 'report.pdf', 'unsupported_format', /PDF document/],
  ] as const)('refuses %s', async (_what, buffer, filename, code, message) => {
    const error = await rejection(readReportText({ buffer, filename }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(filename);
    expect(error.name).toBe('ReportImportError');
  });

  it('refuses content declared as an image by its MIME type', async () => {
    const error = await rejection(readReportText({ buffer: Buffer.from(SAMPLE), filename: 'x', mimeType: 'image/png' }));
    expect(error.code).toBe('unsupported_format');
  });
});
