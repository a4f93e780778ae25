import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { CheckedRowsTable } from '../../ui/CheckedRowsTable';
import type { PreviewRow } from './performance.types';

const REFUSAL_FIELDS = ['indicator', 'department', 'period', 'value', 'source', 'reason', 'note'] as const;
const isRefusalField = (field: string | null): field is (typeof REFUSAL_FIELDS)[number] =>
  (REFUSAL_FIELDS as readonly (string | null)[]).includes(field);

export interface UploadPreviewTableProps {
  rows: readonly PreviewRow[];
  caption: string;
  /** The file line the server refused on confirm, to mark it. */
  failedLine?: number | undefined;
}

/** The checked rows of an upload: line, values, refused or accepted with why, and what saving would change. */
export function UploadPreviewTable({ rows, caption, failedLine }: UploadPreviewTableProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const cell = (row: PreviewRow, column: 'indicator' | 'department' | 'period' | 'source') => row.row?.[column] ?? row.raw[column] ?? '';

  return (
    <CheckedRowsTable
      rows={rows}
      caption={caption}
      testIdPrefix="upload"
      failedLine={failedLine}
      line={{ label: t('performanceStaff.upload.columns.line'), className: 'wide-cell upload-line', text: (line) => t('performanceStaff.upload.line', { line }) }}
      columns={[
        { label: t('performanceStaff.upload.columns.indicator'), className: 'wide-cell', cell: (row) => <code>{cell(row, 'indicator')}</code> },
        { label: t('performanceStaff.upload.columns.department'), cell: (row) => cell(row, 'department') },
        { label: t('performanceStaff.upload.columns.period'), className: 'nowrap-cell', cell: (row) => cell(row, 'period') },
        { label: t('performanceStaff.upload.columns.value'), className: 'num', cell: (row) => (row.row ? formatNumber(row.row.value) : (row.raw.value ?? '')) },
        { label: t('performanceStaff.upload.columns.source'), className: 'small wide-cell', cell: (row) => cell(row, 'source') },
      ]}
      status={{
        label: t('performanceStaff.upload.columns.status'),
        ok: t('performanceStaff.upload.ok'),
        refused: t('performanceStaff.upload.refused'),
        refusal: (row) => (
          <>
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
        ),
      }}
      change={{
        label: t('performanceStaff.upload.columns.change'),
        className: 'wide-cell',
        cell: (row) => (
          <>
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
          </>
        ),
      }}
    />
  );
}
