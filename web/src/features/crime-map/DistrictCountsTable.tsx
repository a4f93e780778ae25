import { useTranslation } from 'react-i18next';
import type { PublicDistricts } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export interface DistrictCountsTableProps {
  data: PublicDistricts;
  caption: string;
}

/** Incidents per district for a month: the public map's text alternative, and the only view of crimes against the person. */
export function DistrictCountsTable({ data, caption }: DistrictCountsTableProps) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const format = useCrimeMapFormat();
  const rows = [...data.districts].sort((a, b) => localized(a.name).localeCompare(localized(b.name), locale));
  const withheld = rows.some((r) => r.count === null);
  return (
    <div className="table-block">
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="district-counts-caption">
        <table className="table district-counts" data-testid="district-table">
          <caption id="district-counts-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crimeMap.districts.district')}</th>
              <th scope="col" className="num-col">
                {t('crimeMap.districts.incidents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="district-row" data-district={row.id}>
                <th scope="row">{localized(row.name)}</th>
                <td className="num" data-withheld={row.count === null ? 'true' : undefined}>
                  {row.count === null ? t('crimeMap.districts.fewerThan', { k: format.integer(data.k) }) : format.integer(row.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withheld ? <p className="small muted">{t('crimeMap.districts.withheldNote', { k: format.integer(data.k) })}</p> : null}
    </div>
  );
}
