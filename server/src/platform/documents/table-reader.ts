// Reads an uploaded CSV (UTF-8, comma or semicolon) or XLSX (first sheet) into a header and rows of
// text cells, refusing what is not such a file with a reason. Shared by every module that imports tables.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';

export interface TableLimits {
  maxRows: number;
  maxColumns: number;
}

/** The header row and the rows under it (the first body row is line 2 of the file). */
export interface Table {
  header: string[];
  body: string[][];
}

function readCsv(buffer: Buffer): Table {
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
  return { header, body };
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

async function readXlsx(buffer: Buffer, limits: TableLimits): Promise<Table> {
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
  const width = Math.min(headerRow.actualCellCount > 0 ? headerRow.cellCount : 0, limits.maxColumns + 1);
  const matrix: string[][] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    if (rowNumber > limits.maxRows + 1) {
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
  if (tooMany) throw new AppError('payload_too_large', `the sheet goes beyond row ${limits.maxRows + 1}; upload at most ${limits.maxRows} rows at once`, 'file');
  const [header, ...body] = matrix;
  return { header: header ?? [], body };
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** CSV or XLSX by content (an XLSX is a ZIP); anything else is refused with a reason. */
export async function readTable(buffer: Buffer, filename: string, limits: TableLimits): Promise<Table> {
  const lower = filename.toLowerCase();
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    if (!lower.endsWith('.xlsx')) throw new AppError('unsupported_media_type', 'the file is a ZIP archive; upload a .csv or .xlsx file', 'file');
    return readXlsx(buffer, limits);
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) throw new AppError('unsupported_media_type', 'the file is not a valid XLSX workbook (old .xls files are not read; save as .xlsx or CSV)', 'file');
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) throw new AppError('unsupported_media_type', `upload a .csv or .xlsx file, not '${filename}'`, 'file');
  return readCsv(buffer);
}
