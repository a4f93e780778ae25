import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { AppealStatusBadge, ContestedBadge, OverdueBadge, SyntheticBadge } from './AppealBadges';
import type { StaffAppealSummary } from './appeals-staff.types';

export interface QueueTableProps {
  items: readonly StaffAppealSummary[];
  caption: string;
  category: (code: string) => string;
  district: (id: string | null) => string;
  /** Mark demo rows one by one (only when the page mixes demo and real appeals). */
  markSynthetic: boolean;
}

/** The queue: a table on a wide screen, one card per appeal on a phone (the cells carry their column's name). */
export function QueueTable({ items, caption, category, district, markSynthetic }: QueueTableProps) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const col = {
    code: t('appealsStaff.queue.col.code'),
    category: t('appealsStaff.queue.col.category'),
    excerpt: t('appealsStaff.queue.col.excerpt'),
    place: t('appealsStaff.queue.col.place'),
    deadline: t('appealsStaff.queue.col.deadline'),
    status: t('appealsStaff.queue.col.status'),
  };
  return (
    <div className="sa-table-wrap">
      <table className="table sa-table" data-testid="appeal-queue">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{col.code}</th>
            <th scope="col">{col.category}</th>
            <th scope="col">{col.excerpt}</th>
            <th scope="col">{col.place}</th>
            <th scope="col">{col.deadline}</th>
            <th scope="col">{col.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} className={item.overdue ? 'is-overdue' : undefined} data-testid="appeal-row" data-code={item.code}>
              <th scope="row" className="sa-table-code">
                <Link to={`/staff/appeals/${encodeURIComponent(item.code)}`}>{item.code}</Link>
                {markSynthetic && item.synthetic ? <SyntheticBadge /> : null}
              </th>
              <td data-label={col.category}>
                {category(item.categoryCode)}
                {item.kind !== 'appeal' ? <span className="muted small sa-kind"> · {t(`appealsStaff.kind.${item.kind}`)}</span> : null}
              </td>
              <td data-label={col.excerpt} className="sa-table-excerpt">
                {item.excerpt || <span className="muted">{t('appealsStaff.queue.noText')}</span>}
              </td>
              <td data-label={col.place}>
                {item.precinctCode ? t('appealsStaff.queue.precinct', { code: item.precinctCode }) : null}
                {item.precinctCode && item.districtId ? <br /> : null}
                {item.districtId ? <span className="muted small">{district(item.districtId)}</span> : null}
                {!item.precinctCode && !item.districtId ? <span className="muted">{t('appealsStaff.queue.noPlace')}</span> : null}
              </td>
              <td data-label={col.deadline} className="sa-table-deadline">
                <span className={item.overdue ? 'sa-overdue-date' : undefined}>{formatDate(item.deadlineAt)}</span>
                {item.overdue ? <OverdueBadge /> : null}
              </td>
              <td data-label={col.status}>
                <span className="badges">
                  <AppealStatusBadge status={item.status} />
                  {item.contested ? <ContestedBadge /> : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
