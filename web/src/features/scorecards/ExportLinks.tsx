import { useTranslation } from 'react-i18next';
import { exportUrl, type ExportFormat, type ExportTable } from './scorecards.api';

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** CSV and XLSX downloads of a table, placed next to it. */
export function ExportLinks({ table, what }: { table: ExportTable; what: string }) {
  const { t } = useTranslation();
  return (
    <p className="export-links small" data-testid={`export-${table}`}>
      <span className="muted">{t('scorecards.export.label')}</span>
      {FORMATS.map((format) => (
        <a key={format} href={exportUrl(table, format)} download className="export-link">
          <span aria-hidden="true">⇩ </span>
          {format.toUpperCase()}
          <span className="visually-hidden"> — {t('scorecards.export.what', { what })}</span>
        </a>
      ))}
    </p>
  );
}
