import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';
import { CheckedRowsTable } from '../../ui/CheckedRowsTable';

export interface ImportPreviewTableProps {
  rows: readonly ImportRow[];
  caption: string;
}

/** The checked rows of an import: the line, its key, accepted or refused (why, which field), and what saving would change. */
export function ImportPreviewTable({ rows, caption }: ImportPreviewTableProps) {
  const { t } = useTranslation();
  return (
    <CheckedRowsTable
      rows={rows}
      caption={caption}
      testIdPrefix="import"
      className="import-table"
      line={{ label: t('precincts.import.columns.line'), className: 'upload-line', text: (line) => t('precincts.import.line', { line }) }}
      columns={[{ label: t('precincts.import.columns.key'), cell: (row) => (row.key ? <code>{row.key}</code> : <span className="muted">—</span>) }]}
      status={{
        label: t('precincts.import.columns.status'),
        ok: t('precincts.import.ok'),
        refused: t('precincts.import.refused'),
        refusal: (row) => (
          <>
            {row.field ? <p className="refusal">{t('precincts.import.field', { field: row.field })}</p> : null}
            {/* The server's own words (in English) name the exact value. */}
            {row.reason ? (
              <p className="small" lang="en">
                {row.reason}
              </p>
            ) : null}
          </>
        ),
      }}
      change={{
        label: t('precincts.import.columns.change'),
        cell: (row) =>
          row.change ? (
            <Badge tone={row.change === 'new' ? 'info' : row.change === 'update' ? 'orange' : 'muted'} icon={row.change === 'new' ? '+' : row.change === 'update' ? '✎' : '='}>
              {t(`precincts.import.change.${row.change}`)}
            </Badge>
          ) : (
            <span className="muted">—</span>
          ),
      }}
    />
  );
}
