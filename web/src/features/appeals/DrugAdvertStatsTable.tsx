import { useTranslation } from 'react-i18next';
import type { DrugAdvertStats } from '../../api/appeals.contract';
import { kazakhDates } from '../../i18n/intl-fallback';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';

const MONTH = /^(\d{4})-(\d{2})$/;

/** п.3: drug adverts reported and removed per month, with the median days to remove. */
export function DrugAdvertStatsTable({ stats }: { stats: DrugAdvertStats }) {
  const { t } = useTranslation();
  const { locale, formatNumber, kazakhFallback } = useLocale();
  const monthName = (code: string) => {
    const m = MONTH.exec(code);
    if (!m) return code;
    if (kazakhFallback) return kazakhDates.month(Number(m[1]), Number(m[2]));
    try {
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
    } catch {
      return code;
    }
  };
  const months = [...stats.months].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <div className="stack" data-testid="drug-stats">
      <p>
        {t('appeals.drugStats.open', { count: stats.open })}
      </p>
      {months.length === 0 ? (
        <EmptyState>{t('appeals.drugStats.empty')}</EmptyState>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('appeals.drugStats.caption')}>
          <table className="table drug-stats-table">
            <caption>
              <span className="caption-text">{t('appeals.drugStats.caption')}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('appeals.drugStats.month')}</th>
                <th scope="col" className="num">
                  {t('appeals.drugStats.reported')}
                </th>
                <th scope="col" className="num">
                  {t('appeals.drugStats.removed')}
                </th>
                <th scope="col" className="num">
                  {t('appeals.drugStats.median')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td className="num">{formatNumber(m.reported)}</td>
                  <td className="num">{formatNumber(m.removed)}</td>
                  <td className="num">{m.medianDaysToRemove === null ? '—' : t('appeals.drugStats.days', { count: m.medianDaysToRemove, value: formatNumber(m.medianDaysToRemove) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
