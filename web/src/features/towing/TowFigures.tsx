import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayFigures } from '../../api/towing.contract';
import { daysBetween } from './towing.dates';
import { useTowFormat } from './useTowFormat';

/** The staff pages show the last two weeks. */
export const FIGURE_DAYS = 14;

export interface TowFiguresProps {
  from: string;
  to: string;
  /** The server's days (only days with tows); the others are shown as zero. */
  days: readonly DayFigures[];
}

const empty = (day: string): DayFigures => ({ day, tows: 0, notified: 0, delivered: 0, deliveredShare: null, medianSecondsToDelivery: null, toCall: 0 });

/** Per day: tows, SMS queued and delivered, the share delivered, the median minutes to delivery, owners to call. */
export function TowFigures({ from, to, days }: TowFiguresProps) {
  const { t } = useTranslation();
  const format = useTowFormat();
  const captionId = useId();
  const byDay = new Map(days.map((d) => [d.day, d]));
  const rows = daysBetween(from, to)
    .reverse()
    .map((day) => byDay.get(day) ?? empty(day));
  const total = rows.reduce((sum, r) => ({ tows: sum.tows + r.tows, notified: sum.notified + r.notified, delivered: sum.delivered + r.delivered, toCall: sum.toCall + r.toCall }), { tows: 0, notified: 0, delivered: 0, toCall: 0 });
  const col = {
    day: t('towing.figures.day'),
    tows: t('towing.figures.tows'),
    notified: t('towing.figures.notified'),
    delivered: t('towing.figures.delivered'),
    share: t('towing.figures.share'),
    median: t('towing.figures.median'),
    toCall: t('towing.figures.toCall'),
  };
  return (
    <div className="table-block">
      <p className="table-caption" id={captionId}>
        {t('towing.figures.caption', { from: format.formatDate(`${from}T12:00:00+05:00`), to: format.formatDate(`${to}T12:00:00+05:00`) })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table tow-figures" aria-labelledby={captionId} data-testid="tow-figures">
          <thead>
            <tr>
              <th scope="col">{col.day}</th>
              <th scope="col" className="num-col">
                {col.tows}
              </th>
              <th scope="col" className="num-col">
                {col.notified}
              </th>
              <th scope="col" className="num-col">
                {col.delivered}
              </th>
              <th scope="col" className="num-col">
                {col.share}
              </th>
              <th scope="col" className="num-col">
                {col.median}
              </th>
              <th scope="col" className="num-col">
                {col.toCall}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.day} data-testid="figures-row" data-day={r.day}>
                <th scope="row" className="nowrap">
                  <time dateTime={r.day}>{format.day(r.day)}</time>
                </th>
                <td className="num" data-testid="figures-tows">
                  {format.integer(r.tows)}
                </td>
                <td className="num">{format.integer(r.notified)}</td>
                <td className="num" data-testid="figures-delivered">
                  {format.integer(r.delivered)}
                </td>
                <td className="num">{format.percent(r.deliveredShare)}</td>
                <td className="num">{format.minutes(r.medianSecondsToDelivery)}</td>
                <td className="num">{format.integer(r.toCall)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('towing.figures.total')}</th>
              <td className="num">{format.integer(total.tows)}</td>
              <td className="num">{format.integer(total.notified)}</td>
              <td className="num">{format.integer(total.delivered)}</td>
              <td className="num">{format.percent(total.notified > 0 ? total.delivered / total.notified : null)}</td>
              <td className="num">—</td>
              <td className="num">{format.integer(total.toCall)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="small muted">{t('towing.figures.note')}</p>
    </div>
  );
}
