import { useTranslation } from 'react-i18next';
import { exportUrl, type ExportTable } from './scorecards.api';
import { TableRegion } from './TableRegion';

const TABLES: readonly ExportTable[] = ['programmes', 'budget-lines', 'measures', 'indicators', 'indicator-values', 'compstat', 'trust'];

/** Every table of the performance module as CSV and XLSX. */
export function OpenDataLinks() {
  const { t } = useTranslation();
  return (
    <TableRegion caption={t('scorecards.openData.caption')} className="open-data-table" testId="open-data-table">
      <thead>
        <tr>
          <th scope="col">{t('scorecards.openData.table')}</th>
          <th scope="col">{t('scorecards.openData.download')}</th>
        </tr>
      </thead>
      <tbody>
        {TABLES.map((table) => {
          const name = t(`scorecards.openData.tables.${table}`);
          return (
            <tr key={table}>
              <th scope="row">{name}</th>
              <td className="nowrap">
                <a href={exportUrl(table, 'csv')} download className="export-link">
                  CSV<span className="visually-hidden"> — {name}</span>
                </a>
                {' · '}
                <a href={exportUrl(table, 'xlsx')} download className="export-link">
                  XLSX<span className="visually-hidden"> — {name}</span>
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableRegion>
  );
}
