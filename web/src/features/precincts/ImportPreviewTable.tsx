import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';

export interface ImportPreviewTableProps {
  rows: readonly ImportRow[];
  caption: string;
}

/** The checked rows of an import: the line, its key, accepted or refused (why, which field), and what saving would change. */
export function ImportPreviewTable({ rows, caption }: ImportPreviewTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const labels = {
    key: t('precincts.import.columns.key'),
    status: t('precincts.import.columns.status'),
    change: t('precincts.import.columns.change'),
  };
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table stack-table upload-table import-table" data-testid="import-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('precincts.import.columns.line')}</th>
            <th scope="col">{labels.key}</th>
            <th scope="col">{labels.status}</th>
            <th scope="col">{labels.change}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.ok ? 'is-ok' : 'is-refused'} data-testid="import-row" data-ok={row.ok}>
              <th scope="row" className="upload-line">
                {t('precincts.import.line', { line: row.line })}
              </th>
              <td data-label={labels.key}>{row.key ? <code>{row.key}</code> : <span className="muted">—</span>}</td>
              <td data-label={labels.status} className="wide-cell" data-testid="import-row-status">
                {row.ok ? (
                  <Badge tone="success" icon="✓">
                    {t('precincts.import.ok')}
                  </Badge>
                ) : (
                  <>
                    <Badge tone="danger" icon="✕">
                      {t('precincts.import.refused')}
                    </Badge>
                    {row.field ? <p className="refusal">{t('precincts.import.field', { field: row.field })}</p> : null}
                    {/* The server's own words (in English) name the exact value. */}
                    {row.reason ? (
                      <p className="small" lang="en">
                        {row.reason}
                      </p>
                    ) : null}
                  </>
                )}
              </td>
              <td data-label={labels.change}>
                {row.change ? (
                  <Badge tone={row.change === 'new' ? 'info' : row.change === 'update' ? 'orange' : 'muted'} icon={row.change === 'new' ? '+' : row.change === 'update' ? '✎' : '='}>
                    {t(`precincts.import.change.${row.change}`)}
                  </Badge>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
