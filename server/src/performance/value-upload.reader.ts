// Reads an uploaded CSV or XLSX of indicator values into rows, naming what is wrong with each.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.js';
import type { UploadRow } from './performance.service.js';

export const MAX_UPLOAD_ROWS = 20_000;

/** Accepted column headings (lower-cased), in English, Russian and Kazakh. */
type Column = Exclude<keyof UploadRow, 'line'>;

const headings: Record<Column, string[]> = {
  indicator: ['indicator', 'code', 'показатель', 'код', 'көрсеткіш'],
  department: ['department', 'unit', 'подразделение', 'район', 'бөлімше'],
  period: ['period', 'период', 'кезең'],
  value: ['value', 'значение', 'мән'],
  source: ['source', 'источник', 'дереккөз'],
  note: ['note', 'примечание', 'ескертпе'],
  reason: ['reason', 'причина', 'себеп'],
};

export const TEMPLATE_CSV =
  'indicator,department,period,value,source,note,reason\n' +
  'thefts,city,2021-Q2,2500,"Статистика УКП ДП, форма 1-М",,\n' +
  'thefts_clearance,city,2021-Q2,47.5,"Статистика УКП ДП, форма 1-М",,\n';

export interface ReadRow {
  line: number;
  raw: Record<string, string>;
  row: UploadRow | null;
  reason: string | null;
  field: string | null;
}

export interface ReadResult {
  columns: string[];
  rows: ReadRow[];
}

/** "1 234,5" / "1234.5" / "44,3%" → number; null when it is not one. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function toRows(columns: string[], records: string[][], firstLine: number): ReadResult {
  const lower = columns.map((c) => c.trim().toLowerCase());
  const index = Object.fromEntries(
    (Object.keys(headings) as Column[]).map((key) => [key, lower.findIndex((c) => headings[key].includes(c))]),
  ) as Record<Column, number>;
  const missing = (['indicator', 'period', 'value', 'source'] as const).filter((k) => index[k] < 0);
  if (missing.length) {
    throw new AppError('unprocessable', `the file has no column ${missing.map((m) => `'${m}'`).join(', ')}; the first row must name the columns (download the template)`, 'file');
  }
  const nonEmpty = records.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new AppError('unprocessable', 'the file has a header but no rows', 'file');
  if (nonEmpty.length > MAX_UPLOAD_ROWS) throw new AppError('payload_too_large', `the file has ${nonEmpty.length} rows; at most ${MAX_UPLOAD_ROWS} at once`, 'file');
  const rows: ReadRow[] = [];
  records.forEach((cells, i) => {
    if (!cells.some((cell) => cell.trim() !== '')) return;
    const get = (key: Column) => (index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '');
    const raw = Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()]));
    const line = firstLine + i;
    const fail = (field: string, reason: string): ReadRow => ({ line, raw, row: null, reason, field });
    if (!get('indicator')) return rows.push(fail('indicator', 'the indicator code is empty'));
    if (!get('period')) return rows.push(fail('period', 'the period is empty'));
    const value = parseDecimal(get('value'));
    if (value === null) return rows.push(fail('value', `'${get('value')}' is not a number`));
    rows.push({
      line,
      raw,
      row: {
        line,
        indicator: get('indicator'),
        department: get('department') || 'city',
        period: get('period'),
        value,
        source: get('source'),
        note: get('note').slice(0, 2000),
        reason: get('reason').slice(0, 1000),
      },
      reason: null,
      field: null,
    });
  });
  return { columns, rows };
}

function readCsv(buffer: Buffer): ReadResult {
  const text = buffer.toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new AppError('unprocessable', 'the file is not UTF-8 text; save the CSV as UTF-8', 'file');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    throw new AppError('unprocessable', `the CSV cannot be read: ${(error as Error).message}`, 'file');
  }
  const [header, ...body] = records;
  if (!header) throw new AppError('unprocessable', 'the file is empty', 'file');
  return toRows(header, body, 2);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unprocessable', 'the file is not a readable XLSX workbook', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new AppError('unprocessable', 'the workbook has no rows', 'file');
  const matrix: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix.push(cells);
  });
  const [header, ...body] = matrix;
  return toRows(header ?? [], body, 2);
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** CSV or XLSX by content (an XLSX is a ZIP); anything else is refused with a reason. */
export async function readValueUpload(buffer: Buffer, filename: string): Promise<ReadResult> {
  const lower = filename.toLowerCase();
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    if (!lower.endsWith('.xlsx')) throw new AppError('unsupported_media_type', 'the file is a ZIP archive; upload a .csv or .xlsx file', 'file');
    return readXlsx(buffer);
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) throw new AppError('unsupported_media_type', 'the file is not a valid XLSX workbook (old .xls files are not read; save as .xlsx or CSV)', 'file');
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) throw new AppError('unsupported_media_type', `upload a .csv or .xlsx file, not '${filename}'`, 'file');
  return readCsv(buffer);
}
