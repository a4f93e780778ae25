import { useTranslation } from 'react-i18next';
import type { PlanResult } from '../../api/patrol.contract';
import { useLocale } from '../../i18n/useLocale';
import { usePatrolFormat } from './usePatrolFormat';

export interface SectorTableProps {
  result: PlanResult;
  selected: string | null;
  onSelect: (sectorId: string) => void;
}

/** Every sector with its crews in the plan and the share of its forecast risk their stops cover. */
export function SectorTable({ result, selected, onSelect }: SectorTableProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = usePatrolFormat();
  return (
    <div className="table-wrap patrol-sector-table" tabIndex={0} role="region" aria-labelledby="plan-sectors-caption">
      <table className="table" data-testid="sector-table">
        <caption id="plan-sectors-caption">{t('patrol.sectors.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('patrol.sectors.code')}</th>
            <th scope="col" className="num">
              {t('patrol.sectors.car')}
            </th>
            <th scope="col" className="num">
              {t('patrol.sectors.foot')}
            </th>
            <th scope="col" className="num">
              {t('patrol.sectors.posts')}
            </th>
            <th scope="col" className="num">
              {t('patrol.sectors.covered')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.sectors.map((s) => (
            <tr key={s.id} aria-current={s.id === selected ? 'true' : undefined} data-sector={s.code}>
              <th scope="row">
                <button type="button" className="button-link" onClick={() => onSelect(s.id)} aria-label={t('patrol.sectors.choose', { code: s.code })}>
                  {s.code}
                </button>
                <span className="block small muted patrol-district">{localized(s.districtName)}</span>
              </th>
              <td className="num">{format.integer(s.car)}</td>
              <td className="num">{format.integer(s.foot)}</td>
              <td className="num">{format.integer(s.posts)}</td>
              <td className="num">{format.share(s.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
