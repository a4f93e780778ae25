import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { ChangeDiff } from '../../ui/ChangeDiff';
import { EmptyState } from '../../ui/EmptyState';
import { useActorLabel } from '../auth/useActorLabel';
import { useActionLabel } from '../audit/useActionLabel';
import { useValueLabel } from '../audit/useValueLabel';

/** The recommendation's change history, from the public audit log. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const { actorLabel } = useActorLabel();
  const actionLabel = useActionLabel();
  const valueLabel = useValueLabel();
  if (entries.length === 0) return <EmptyState>{t('history.empty')}</EmptyState>;
  return (
    <ol className="timeline" data-testid="history">
      {[...entries]
        .sort((a, b) => b.seq - a.seq)
        .map((entry) => (
          <li key={entry.seq} className="timeline-item">
            <p className="timeline-head">
              <time dateTime={entry.at}>{formatDate(entry.at, true)}</time> · <strong>{actionLabel(entry.action)}</strong> ·{' '}
              <span>{actorLabel(entry.actor)}</span> <span className="muted small">#{entry.seq}</span>
            </p>
            <ChangeDiff before={entry.before} after={entry.after} formatValue={valueLabel} />
          </li>
        ))}
    </ol>
  );
}
