import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { ExportLinks } from './ExportLinks';
import { scorecardPaths } from './scorecards.api';
import type { DistrictRanking } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

export interface RankingTableProps {
  ranking: DistrictRanking;
  /** The district whose page this is, highlighted in the table. */
  highlight?: string;
}

/** The eight district departments ranked per 100 000 residents (1 = best in the indicator's direction). */
export function RankingTable({ ranking, highlight }: RankingTableProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const caption = t('scorecards.ranking.caption', {
    name: localized(ranking.name),
    window: t(`scorecards.window.${ranking.window}`),
    date: format.day(ranking.asOf),
  });
  const rows = [...ranking.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const approximate = rows.some((r) => r.district.approximate);
  return (
    <div className="table-block">
      <TableRegion caption={caption} className="ranking-table" testId="ranking-table">
        <thead>
          <tr>
            <th scope="col">{t('scorecards.ranking.rank')}</th>
            <th scope="col">{t('scorecards.ranking.district')}</th>
            <th scope="col" className="num-col">{t('scorecards.ranking.per100k')}</th>
            <th scope="col" className="num-col">{t('scorecards.ranking.countPopulation')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const mine = row.district.id === highlight;
            return (
              <tr key={row.district.id} className={mine ? 'is-highlighted' : undefined} data-testid="ranking-row">
                <td className="num">{row.rank ?? '—'}</td>
                <th scope="row">
                  <Link to={scorecardPaths.district(row.district.id)} aria-current={mine ? 'page' : undefined}>
                    {localized(row.district.name)}
                  </Link>
                  {mine ? <span className="visually-hidden"> ({t('scorecards.ranking.thisDistrict')})</span> : null}
                </th>
                <td className="num">{format.number(row.per100k)}</td>
                <td className="num">
                  {format.number(row.count)}
                  {row.district.population !== null ? (
                    <span className="block small muted">{t('scorecards.ranking.countOf', { population: format.integer(row.district.population) })}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
      <p className="small muted">
        {t(ranking.direction === 'lower_better' ? 'scorecards.ranking.lowerBetter' : 'scorecards.ranking.higherBetter')}
        {approximate ? ` ${t('scorecards.ranking.approximate')}` : ''}
      </p>
      <ExportLinks table="compstat" what={caption} />
    </div>
  );
}
