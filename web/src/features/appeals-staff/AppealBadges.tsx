import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import type { AppealStatus } from './appeals-staff.types';
import { STATUS_META } from './useAppealLabels';

export function AppealStatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  const meta = STATUS_META[status];
  return (
    <Badge tone={meta.tone} icon={meta.icon} testId="appeal-status">
      {t(`appealsStaff.status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="danger" icon="!" testId="overdue-badge">
      {t('appealsStaff.flags.overdue')}
    </Badge>
  );
}

export function ContestedBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="warning" icon="⚑" testId="contested-badge">
      {t('appealsStaff.flags.contested')}
    </Badge>
  );
}

/** Marks a synthetic (demo) row inside a list that may mix real and demo appeals. */
export function SyntheticBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="neutral" icon="◇">
      {t('appealsStaff.flags.synthetic')}
    </Badge>
  );
}
