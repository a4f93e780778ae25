import { useTranslation } from 'react-i18next';
import type { RecommendationStatus, Verdict } from '../../api/types';
import { Badge } from '../../ui/Badge';
import { STATUS_META, VERDICT_META } from './status';

export function StatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  const meta = STATUS_META[status] ?? STATUS_META.no_response;
  return (
    <Badge tone={meta.tone} icon={meta.icon} testId="status-badge">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const meta = VERDICT_META[verdict];
  return (
    <Badge tone={meta.tone} icon={meta.icon} testId="verdict-badge">
      {t(`verdict.${verdict}`)}
    </Badge>
  );
}

export function ImportedBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="neutral" icon="⤓" testId="imported-badge">
      {t('recommendation.imported')}
    </Badge>
  );
}
