import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PatrolShift, PlanSummary } from '../../api/patrol.contract';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';
import { PATROL_PATH } from './patrol.api';
import { usePatrolFormat } from './usePatrolFormat';

export interface PlanListProps {
  plans: PlanSummary[];
  shifts: PatrolShift[];
  openId: string | null;
}

/** Recent plans, newest first; each opens on this page. */
export function PlanList({ plans, shifts, openId }: PlanListProps) {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const format = usePatrolFormat();
  if (plans.length === 0) return <EmptyState>{t('patrol.plans.empty')}</EmptyState>;
  const shiftName = (code: string) => localized(shifts.find((s) => s.code === code)?.name) || code;
  return (
    <div className="table-wrap patrol-plans" tabIndex={0} role="region" aria-labelledby="plan-list-caption">
      <table className="table" data-testid="plan-list">
        <caption id="plan-list-caption">{t('patrol.plans.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('patrol.plans.date')}</th>
            <th scope="col">{t('patrol.plans.shift')}</th>
            <th scope="col" className="num">
              {t('patrol.plans.coverage')}
            </th>
            <th scope="col">{t('patrol.plans.status')}</th>
            <th scope="col">{t('patrol.plans.created')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.slice(0, 10).map((plan) => (
            <tr key={plan.id} aria-current={plan.id === openId ? 'true' : undefined}>
              <td>
                <Link className="nowrap" to={`${PATROL_PATH}?plan=${plan.id}`} aria-label={t('patrol.plans.open', { shift: shiftName(plan.shift), date: formatDate(plan.date) })}>
                  {formatDate(plan.date)}
                </Link>
                {plan.id === openId ? <span className="muted small"> · {t('patrol.plans.opened')}</span> : null}
              </td>
              <td>{shiftName(plan.shift)}</td>
              <td className="num">{plan.share === null ? '—' : format.share(plan.share)}</td>
              <td>{t(`patrol.produce.status.${plan.status}`)}</td>
              <td>{formatDate(plan.createdAt, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
