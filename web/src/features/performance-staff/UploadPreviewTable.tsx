import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import type { PreviewRow } from './performance.types';

const REFUSAL_FIELDS = ['indicator', 'department', 'period', 'value', 'source', 'reason', 'note'] as const;
const isRefusalField = (field: string | null): field is (typeof REFUSAL_FIELDS)[number] =>
  (REFUSAL_FIELDS as readonly (string | null)[]).includes(field);

export interface UploadPreviewTableProps {
  rows: readonly PreviewRow[];
  caption: string;
  /** The file line the server refused on confirm, to mark it. */
  failedLine?: number;
}

/** The checked rows of an upload: line, values, refused or accepted with why, and what saving would change. */
export function UploadPreviewTable({ rows, caption, failedLine }: UploadPreviewTableProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const captionId = useId();
  const cell = (row: PreviewRow, column: 'indicator' | 'department' | 'period' | 'source') => row.row?.[column] ?? row.raw[column] ?? '';
  const value = (row: PreviewRow) => (row.row ? formatNumber(row.row.value) : (row.raw.value ?? ''));
  const labels = {
    line: t('performanceStaff.upload.columns.line'),
    indicator: t('performanceStaff.upload.columns.indicator'),
    department: t('performanceStaff.upload.columns.department'),
    period: t('performanceStaff.upload.columns.period'),
    value: t('performanceStaff.upload.columns.value'),
    source: t('performanceStaff.upload.columns.source'),
    status: t('performanceStaff.upload.columns.status'),
    change: t('performanceStaff.upload.columns.change'),
  };

  return (
    // Focusable so keyboard users can scroll a wide table.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table stack-table upload-table" data-testid="upload-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.line}</th>
            <th scope="col">{labels.indicator}</th>
            <th scope="col">{labels.department}</th>
            <th scope="col">{labels.period}</th>
            <th scope="col">{labels.value}</th>
            <th scope="col">{labels.source}</th>
            <th scope="col">{labels.status}</th>
            <th scope="col">{labels.change}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.line}
              className={`${row.ok ? 'is-ok' : 'is-refused'}${row.line === failedLine ? ' is-failed' : ''}`}
              data-testid="upload-row"
              data-ok={row.ok}
            >
              <th scope="row" className="wide-cell upload-line">
                {t('performanceStaff.upload.line', { line: row.line })}
              </th>
              <td data-label={labels.indicator} className="wide-cell">
                <code>{cell(row, 'indicator')}</code>
              </td>
              <td data-label={labels.department}>{cell(row, 'department')}</td>
              <td data-label={labels.period} className="nowrap-cell">
                {cell(row, 'period')}
              </td>
              <td data-label={labels.value} className="num">
                {value(row)}
              </td>
              <td data-label={labels.source} className="small wide-cell">
                {cell(row, 'source')}
              </td>
              <td data-label={labels.status} className="wide-cell" data-testid="upload-row-status">
                {row.ok ? (
                  <Badge tone="success" icon="✓">
                    {t('performanceStaff.upload.ok')}
                  </Badge>
                ) : (
                  <>
                    <Badge tone="danger" icon="✕">
                      {t('performanceStaff.upload.refused')}
                    </Badge>
                    <p className="refusal">
                      {row.field ? `${t('performanceStaff.upload.column', { column: row.field })} ` : null}
                      {isRefusalField(row.field) ? t(`performanceStaff.upload.refusal.${row.field}`) : null}
                    </p>
                    {/* The server's own words, which name the exact value (the server answers in English). */}
                    {row.reason ? (
                      <p className="small muted" lang="en">
                        {row.reason}
                      </p>
                    ) : null}
                  </>
                )}
              </td>
              <td data-label={labels.change} className="wide-cell">
                {row.change === 'new' ? (
                  <Badge tone="info" icon="+">
                    {t('performanceStaff.upload.change.new')}
                  </Badge>
                ) : null}
                {row.change === 'correction' ? (
                  <>
                    <Badge tone="orange" icon="✎">
                      {t('performanceStaff.upload.change.correction')}
                    </Badge>
                    <p className="small">
                      {t('performanceStaff.upload.previous', { value: row.previous === null ? '—' : formatNumber(row.previous) })}
                      {row.row?.reason ? (
                        <>
                          <br />
                          {t('performanceStaff.upload.reason', { reason: row.row.reason })}
                        </>
                      ) : null}
                    </p>
                  </>
                ) : null}
                {row.change === 'unchanged' ? (
                  <Badge tone="muted" icon="=">
                    {t('performanceStaff.upload.change.unchanged')}
                  </Badge>
                ) : null}
                {row.change === null ? <span className="muted">—</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
