import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { LinkCard } from '../../ui/LinkCard';
import { useAuth } from '../auth/AuthProvider';
import { ADMINS, APPEAL_HANDLERS, hasRole } from '../auth/roles';
import { appealsStaffApi } from './appeals-staff.api';

/** The staff workspace's way into the appeal queue, with what waits there (for appeal handlers only). */
export function AppealsLinkCard() {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const { user } = useAuth();
  const handler = hasRole(user, APPEAL_HANDLERS);
  // Counts only: a failure leaves the card's plain text, the queue page shows the problem.
  const queue = useQuery((signal) => (handler ? appealsStaffApi.queue({ queue: 'mine' }, signal) : Promise.resolve(undefined)), [handler]);
  if (!handler) return null;
  const counts = queue.data?.counts;
  return (
    <LinkCard to="/staff/appeals" title={t('appealsStaff.workspace.appeals')} icon="✉">
      {counts ? t('appealsStaff.workspace.counts', { mine: formatNumber(counts.mine ?? queue.data?.total ?? 0), overdue: formatNumber(counts.overdue ?? 0) }) : t('appealsStaff.workspace.appealsText')}
    </LinkCard>
  );
}

/** Admin: Open311 keys and the appeal categories' deadlines. */
export function Open311LinkCard() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!hasRole(user, ADMINS)) return null;
  return (
    <LinkCard to="/admin/open311" title={t('appealsStaff.workspace.open311')} icon="⇄">
      {t('appealsStaff.workspace.open311Text')}
    </LinkCard>
  );
}
