import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { CompstatChange } from './CompstatChange';
import { scorecardPaths } from './scorecards.api';
import type { CompstatFamily, CompstatWindow } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

export interface CompstatFamilyTableProps {
  family: CompstatFamily;
  asOf: string;
  window: CompstatWindow;
}

/**
 * One CompStat family (the same count at the city and each district) for one window: per
 * department, now, a year earlier and the change; significant changes (|z| ≥ 3) are flagged in words.
 */
export function CompstatFamilyTable({ family, asOf, window }: CompstatFamilyTableProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const caption = t('scorecards.compstat.familyCaption', { name: localized(family.name), window: t(`scorecards.window.${window}`), date: format.day(asOf) });
  const anySynthetic = family.rows.some((row) => row.synthetic);
  return (
    <div className="table-block">
      <TableRegion caption={caption} className="compstat-table" testId="compstat-family">
        <thead>
          <tr>
            <th scope="col">{t('scorecards.compstat.department')}</th>
            <th scope="col" className="num-col">{t('scorecards.compstat.current')}</th>
            <th scope="col" className="num-col">{t('scorecards.compstat.prior')}</th>
            <th scope="col">{t('scorecards.compstat.change')}</th>
          </tr>
        </thead>
        <tbody>
          {family.rows.map((row) => {
            const cell = row.cells.find((c) => c.window === window);
            return (
              <tr key={row.indicatorId} data-testid="compstat-row">
                <th scope="row">
                  <Link to={scorecardPaths.indicator(row.indicatorId)}>{localized(row.department.name)}</Link>
                  {row.synthetic ? (
                    <span className="synthetic-mark" title={t('scorecards.synthetic.badge')}>
                      <span aria-hidden="true"> ◇</span>
                      <span className="visually-hidden"> ({t('scorecards.synthetic.short')})</span>
                    </span>
                  ) : null}
                </th>
                <td className="num">{format.number(cell?.current.count)}</td>
                <td className="num">{format.number(cell?.prior.count)}</td>
                <td>{cell ? <CompstatChange cell={cell} direction={family.direction} /> : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
      {anySynthetic ? <p className="small muted">{t('scorecards.compstat.syntheticLegend')}</p> : null}
    </div>
  );
}
