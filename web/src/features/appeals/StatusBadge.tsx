import type { AppealStatus } from '../../api/appeals.contract';
import { Badge } from '../../ui/Badge';
import { STATUS_LOOK, useAppealLabels } from './useAppealLabels';

export function StatusBadge({ status }: { status: AppealStatus }) {
  const labels = useAppealLabels();
  const look = STATUS_LOOK[status];
  return (
    <Badge tone={look.tone} icon={look.icon} testId="appeal-status">
      {labels.status(status)}
    </Badge>
  );
}
