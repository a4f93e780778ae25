// Reads an uploaded CSV or XLSX of indicator values into rows, naming what is wrong with each.
import { readTable } from '../platform/documents/table-reader.js';
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

/** CSV or XLSX by content (an XLSX is a ZIP); anything else is refused with a reason. */
export async function readValueUpload(buffer: Buffer, filename: string): Promise<ReadResult> {
  const { header, body } = await readTable(buffer, filename, { maxRows: MAX_UPLOAD_ROWS, maxColumns: MAX_UPLOAD_COLUMNS });
  return toRows(header, body, 2);
}
