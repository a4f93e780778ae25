import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';
import { RankingTable } from './RankingTable';
import type { DistrictRanking } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

/** Where one district stands in each ranking ("3rd of 8"), with the full tables on demand. */
export function RankSummary({ rankings, districtId }: { rankings: DistrictRanking[]; districtId: string }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  if (rankings.length === 0) return <EmptyState>{t('scorecards.district.noRanking')}</EmptyState>;
  return (
    <>
      <ul className="rank-summary" data-testid="rank-summary">
        {rankings.map((ranking) => {
          const row = ranking.rows.find((r) => r.district.id === districtId);
          return (
            <li key={`${ranking.code}-${ranking.window}`} className="card rank-summary-item">
              <span className="rank-summary-place">
                {row?.rank !== null && row?.rank !== undefined
                  ? t('scorecards.district.place', { rank: row.rank, of: ranking.rows.length })
                  : t('scorecards.district.noPlace')}
              </span>
              <span>
                {localized(ranking.name)} · {t(`scorecards.window.${ranking.window}`)}
              </span>
              {row?.per100k !== null && row?.per100k !== undefined ? (
                <span className="small muted">{t('scorecards.district.per100k', { value: format.number(row.per100k) })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <details className="disclosure">
        <summary>{t('scorecards.district.showRankings')}</summary>
        <div className="stack">
          {rankings.map((ranking) => (
            <RankingTable key={`${ranking.code}-${ranking.window}`} ranking={ranking} highlight={districtId} />
          ))}
        </div>
      </details>
    </>
  );
}
