// Reads an uploaded CSV or XLSX of indicator values into rows, naming what is wrong with each.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../platform/errors.js';
import type { UploadRow } from './performance.service.js';

export const MAX_UPLOAD_ROWS = 5_000;
/** Columns read from a file; a values file has seven. */
export const MAX_UPLOAD_COLUMNS = 30;
/** The longest cell kept, as the schema allows (source 500, note 2000). */
const MAX_CELL = 2000;

const cellLimits: Record<string, number> = { indicator: 64, department: 64, period: 20, source: 500, note: 2000, reason: 1000 };

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

/** "1 234,5" / "1234.5" / "44,3%" → number; null when it is not one (or not finite). */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(',', '.');
  if (cleaned.length > 40 || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function toRows(columns: string[], records: string[][], firstLine: number): ReadResult {
  if (columns.length > MAX_UPLOAD_COLUMNS) throw new AppError('unprocessable', `the file has ${columns.length} columns; a values file has at most ${MAX_UPLOAD_COLUMNS}`, 'file');
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
    const raw = Object.fromEntries(columns.map((c, j) => [c.slice(0, 100), (cells[j] ?? '').trim().slice(0, MAX_CELL)]));
    const line = firstLine + i;
    const fail = (field: string, reason: string): ReadRow => ({ line, raw, row: null, reason, field });
    const tooLong = (Object.keys(cellLimits) as Column[]).find((key) => get(key).length > cellLimits[key]!);
    if (tooLong) return rows.push(fail(tooLong, `the ${tooLong} is longer than ${cellLimits[tooLong]} characters`));
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

function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  // Excel turns «2021-03» into a date; a period must be typed as text, so say what happened.
  if (value instanceof Date) return `${value.toISOString().slice(0, 10)} (Excel date: type the period as text)`;
  // A cell formatted as % holds a fraction: 44.3 % is stored as 0.443.
  if (typeof value === 'number' && numFmt?.includes('%')) return String(Number((value * 100).toPrecision(12)));
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
  // Only rows that hold cells are visited, and only as many columns as the header names: a stray cell
  // at XFD1048576 must not make the reader walk a million empty rows.
  const headerRow = sheet.getRow(1);
  const width = Math.min(headerRow.actualCellCount > 0 ? headerRow.cellCount : 0, MAX_UPLOAD_COLUMNS + 1);
  const matrix: string[][] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    if (rowNumber > MAX_UPLOAD_ROWS + 1) {
      tooMany = true;
      return;
    }
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    // Keep line numbers true to the sheet: pad the rows eachRow skipped with empty ones.
    while (matrix.length < rowNumber - 1) matrix.push([]);
    matrix.push(cells);
  });
  if (tooMany) throw new AppError('payload_too_large', `the sheet goes beyond row ${MAX_UPLOAD_ROWS + 1}; upload at most ${MAX_UPLOAD_ROWS} rows at once`, 'file');
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
