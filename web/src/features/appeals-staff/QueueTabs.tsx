import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { QUEUES, type QueueName } from './appeals-staff.types';

export interface QueueTabsProps {
  current: QueueName;
  /** Appeals in each queue, as the server counts them for this account; a queue it leaves out is not this account's. */
  counts: Record<string, number> | undefined;
  /** The link to a queue (keeps the other filters). */
  hrefFor: (queue: QueueName) => string;
}

/** The queues as links with their counts: the account's own queue first. */
export function QueueTabs({ current, counts, hrefFor }: QueueTabsProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const known = counts && Object.keys(counts).length > 0;
  const queues = QUEUES.filter((queue) => !known || queue in counts || queue === current);
  return (
    <nav className="sa-queues" aria-label={t('appealsStaff.queue.queuesLabel')}>
      <ul className="sa-queue-list">
        {queues.map((queue) => {
          const count = counts?.[queue];
          const active = queue === current;
          return (
            <li key={queue}>
              <Link
                to={hrefFor(queue)}
                className={`sa-queue${active ? ' is-active' : ''}${queue === 'overdue' && count ? ' is-alert' : ''}`}
                aria-current={active ? 'page' : undefined}
                data-testid={`queue-${queue}`}
              >
                <span>{t(`appealsStaff.queues.${queue}`)}</span>
                {count !== undefined ? <span className="sa-queue-count">{formatNumber(count)}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
