/**
 * Turns an uploaded report file into text: DOCX through mammoth, plain text as
 * UTF-8 (or UTF-16 with a BOM, or windows-1251 when the bytes are not UTF-8).
 * Everything else is refused with a ReportImportError that names the problem.
 *
 * The content decides, not the name: a ZIP is read as DOCX whatever it is
 * called, an image is refused even when named `.txt`. The name and MIME type
 * only add refusals (a `.docx` that is not a ZIP, a declared PDF or image).
 */

import mammoth from 'mammoth';

import { ReportImportError } from './report-import-error.js';

export interface ReportFileInput {
  buffer: Buffer;
  filename: string;
  mimeType?: string;
}

interface Signature {
  name: string;
  bytes: readonly number[];
  offset?: number;
}

const ZIP: readonly number[] = [0x50, 0x4b, 0x03, 0x04];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Formats people upload by mistake, recognised by their first bytes. */
const UNSUPPORTED_SIGNATURES: readonly Signature[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'a legacy Word (.doc) or other OLE document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'an RTF document', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];

/** Declared types refused even before looking at the bytes. */
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tif: 'a TIFF image',
  tiff: 'a TIFF image',
  heic: 'a HEIC image',
  doc: 'a legacy Word (.doc) document',
  rtf: 'an RTF document',
  odt: 'an OpenDocument text',
  xls: 'a spreadsheet',
  xlsx: 'a spreadsheet',
};

const SUPPORTED_HINT = 'Upload the report as DOCX or as plain text (.txt).';

function startsWith(buffer: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (buffer.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => buffer[offset + index] === byte);
}

function extensionOf(filename: string): string {
  const match = /\.([^./\\]+)$/u.exec(filename.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

function unsupported(what: string, filename: string): ReportImportError {
  return new ReportImportError('unsupported_format', `"${filename}" is ${what}, not a report text. ${SUPPORTED_HINT}`);
}

function emptyFile(filename: string, detail = 'is empty'): ReportImportError {
  return new ReportImportError('empty_file', `"${filename}" ${detail}: there is no report text to import.`);
}

async function readDocx(buffer: Buffer, filename: string): Promise<string> {
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer });
    text = result.value;
  } catch (error) {
    throw new ReportImportError(
      'unreadable_docx',
      `"${filename}" could not be read as a DOCX document (it may be damaged, or a different kind of ZIP archive). ${SUPPORTED_HINT}`,
      { cause: error },
    );
  }
  if (text.trim() === '') throw emptyFile(filename, 'is a DOCX document without text');
  return text;
}

/** Share of control characters (other than tab, line feed, carriage return, form feed) in the text. */
function controlCharacterShare(text: string): number {
  if (text.length === 0) return 0;
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/gu)?.length ?? 0;
  return controls / text.length;
}

function decodeText(buffer: Buffer, filename: string): string {
  let text: string;
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    // Word's "Unicode text" is UTF-16 with a byte order mark
    text = new TextDecoder(buffer[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buffer);
  } else {
    if (buffer.includes(0)) throw unsupported('binary content (it contains NUL bytes)', filename);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      text = new TextDecoder('windows-1251').decode(buffer);
    }
  }
  text = text.replace(/^\uFEFF/u, '');
  if (controlCharacterShare(text) > 0.01) throw unsupported('binary content', filename);
  return text;
}

/**
 * Reads the text of an uploaded report. Throws ReportImportError with code
 * 'empty_file', 'unsupported_format' or 'unreadable_docx'.
 */
export async function readReportText(input: ReportFileInput): Promise<string> {
  const { buffer, filename } = input;
  const mimeType = input.mimeType?.toLowerCase().split(';')[0]?.trim() ?? '';
  const extension = extensionOf(filename);

  if (buffer.length === 0) throw emptyFile(filename);

  if (startsWith(buffer, ZIP)) return readDocx(buffer, filename);
  if (extension === 'docx' || mimeType === DOCX_MIME) {
    throw new ReportImportError(
      'unreadable_docx',
      `"${filename}" is declared as DOCX but is not a DOCX (ZIP) archive. ${SUPPORTED_HINT}`,
    );
  }

  const signature = UNSUPPORTED_SIGNATURES.find((candidate) => startsWith(buffer, candidate.bytes, candidate.offset));
  if (signature) throw unsupported(signature.name, filename);
  const declared = UNSUPPORTED_EXTENSIONS[extension];
  if (declared) throw unsupported(declared, filename);
  if (mimeType.startsWith('image/') || mimeType === 'application/pdf') {
    throw unsupported(`declared as ${mimeType}`, filename);
  }

  const text = decodeText(buffer, filename);
  if (text.trim() === '') throw emptyFile(filename, 'contains only whitespace');
  return text;
}
