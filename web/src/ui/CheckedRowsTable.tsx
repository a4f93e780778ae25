import { useId, type ReactNode } from 'react';
import { Badge } from './Badge';

/** A row of a file the server has checked: its line in the file, and whether it was accepted. */
export interface CheckedRow {
  line: number;
  ok: boolean;
}

export interface CheckedRowsColumn<Row> {
  label: string;
  className?: string;
  cell: (row: Row) => ReactNode;
}

export interface CheckedRowsTableProps<Row extends CheckedRow> {
  rows: readonly Row[];
  caption: string;
  /** `upload` → data-testid `upload-table`, `upload-row` and `upload-row-status`. */
  testIdPrefix: string;
  /** Classes besides `table stack-table upload-table`. */
  className?: string;
  /** The row's header: its line in the file. */
  line: { label: string; className: string; text: (line: number) => string };
  /** The row's values, between its line and its verdict. */
  columns: readonly CheckedRowsColumn<Row>[];
  /** The verdict: accepted, or refused and why (`refusal` tells why). */
  status: { label: string; ok: string; refused: string; refusal: (row: Row) => ReactNode };
  /** What saving the row would change. */
  change: CheckedRowsColumn<Row>;
  /** The line the server refused on confirm, to mark it. */
  failedLine?: number | undefined;
}

/** The rows of an uploaded file as the server checked them: line, values, verdict, and what saving would change. */
export function CheckedRowsTable<Row extends CheckedRow>({ rows, caption, testIdPrefix, className, line, columns, status, change, failedLine }: CheckedRowsTableProps<Row>) {
  const captionId = useId();
  return (
    // Focusable so keyboard users can scroll a wide table.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={`table stack-table upload-table${className ? ` ${className}` : ''}`} data-testid={`${testIdPrefix}-table`}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{line.label}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">{status.label}</th>
            <th scope="col">{change.label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.line}
              className={`${row.ok ? 'is-ok' : 'is-refused'}${row.line === failedLine ? ' is-failed' : ''}`}
              data-testid={`${testIdPrefix}-row`}
              data-ok={row.ok}
            >
              <th scope="row" className={line.className}>
                {line.text(row.line)}
              </th>
              {columns.map((column) => (
                <td key={column.label} data-label={column.label} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
              <td data-label={status.label} className="wide-cell" data-testid={`${testIdPrefix}-row-status`}>
                {row.ok ? (
                  <Badge tone="success" icon="✓">
                    {status.ok}
                  </Badge>
                ) : (
                  <>
                    <Badge tone="danger" icon="✕">
                      {status.refused}
                    </Badge>
                    {status.refusal(row)}
                  </>
                )}
              </td>
              <td data-label={change.label} className={change.className}>
                {change.cell(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
