// Tables as files: RFC 4180 CSV and XLSX (exceljs), the same records either way.
import ExcelJS from 'exceljs';

export type TableRecord = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted with ', unless it is a plain number. */
function defuse(text: string): string {
  if (/^[-+]?\d+([.,]\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const cellText = (value: TableRecord[string]): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? defuse(value) : String(value);

const csvCell = (value: TableRecord[string]): string => {
  const text = cellText(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** RFC 4180 CSV with a BOM so spreadsheet programs read Cyrillic correctly. */
export function toCsv(records: readonly TableRecord[], columns: readonly string[] = records[0] ? Object.keys(records[0]) : []): string {
  if (columns.length === 0) return '\uFEFF';
  const lines = [columns.join(','), ...records.map((r) => columns.map((h) => csvCell(r[h])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One worksheet with a bold, frozen header row; numbers stay numbers. */
export async function toXlsx(sheetName: string, records: readonly TableRecord[], columns: readonly string[] = records[0] ? Object.keys(records[0]) : []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'openbeat';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.min(60, Math.max(10, key.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of records) {
    sheet.addRow(Object.fromEntries(columns.map((c) => [c, typeof r[c] === 'number' || typeof r[c] === 'boolean' ? r[c] : cellText(r[c])])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
