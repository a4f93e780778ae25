import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { almatyDate, almatyWeekday } from './precincts.format';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The week's reception hours, today marked, and the days that differ (holidays, special hours). */
export function WeeklyHoursTable({ point }: { point: ReceptionPoint }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const today = almatyWeekday();
  const todayDate = almatyDate();
  const upcoming = point.exceptions.filter((e) => e.date >= todayDate).sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="stack">
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="hours-caption">
        <table className="table hours-table" data-testid="hours-table">
          <caption id="hours-caption">{t('precincts.hours.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precincts.hours.day')}</th>
              <th scope="col">{t('precincts.hours.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day) => {
              const h = point.hours.find((x) => x.day === day);
              const isToday = day === today;
              return (
                <tr key={day} className={isToday ? 'is-today' : undefined} aria-current={isToday ? 'date' : undefined}>
                  <th scope="row">
                    {t(`precincts.days.${day}`)}
                    {isToday ? <span className="small muted"> · {t('precincts.hours.todayMark')}</span> : null}
                  </th>
                  <td>{point.allDay ? t('precincts.hours.allDay') : h ? `${h.opens}–${h.closes}` : t('precincts.hours.closed')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {upcoming.length ? (
        <div>
          <h3 className="h3">{t('precincts.hours.exceptions')}</h3>
          <ul className="plain-list exceptions" data-testid="hours-exceptions">
            {upcoming.map((e) => (
              <li key={e.date}>
                <strong>{formatDate(`${e.date}T12:00:00+05:00`)}</strong>: {e.closed || !e.opens || !e.closes ? t('precincts.hours.closed') : `${e.opens}–${e.closes}`}
                {e.note ? <span className="muted"> — {e.note}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="small muted">{t('precincts.hours.noExceptions')}</p>
      )}
    </div>
  );
}
