import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { ChangeDiff } from '../../ui/ChangeDiff';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useActorLabel } from '../auth/useActorLabel';
import { AUDIT_PAGE_SIZE, auditApi } from './audit.api';
import { useActionLabel, useEntityLabel } from './useActionLabel';
import { useValueLabel } from './useValueLabel';

/** UUIDs are long; eight characters identify an entity on this page. */
function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}

/** The public audit log, newest first, paged by sequence number. */
export function AuditLog() {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const { actorLabel } = useActorLabel();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const valueLabel = useValueLabel();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);

  const load = async (before?: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await auditApi.list(before);
      setEntries((current) => (before === undefined ? page.items : [...current, ...page.items]));
      setHasMore(page.items.length >= AUDIT_PAGE_SIZE);
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const oldest = entries.at(-1)?.seq;

  return (
    <div data-testid="audit-log">
      {entries.length === 0 && !loading && !error ? <EmptyState>{t('audit.empty')}</EmptyState> : null}
      {entries.length > 0 ? (
        <ol className="audit-list">
          {entries.map((entry) => (
            <li key={entry.seq} className="card audit-entry" data-testid="audit-entry">
              <div className="audit-entry-head">
                <span className="audit-seq">#{entry.seq}</span>
                <strong>{actionLabel(entry.action)}</strong>
                <span className="muted small" title={entry.entityId}>
                  {entityLabel(entry.entity)}
                  {entry.entityId ? ` · ${shortId(entry.entityId)}` : ''}
                </span>
              </div>
              <dl className="meta meta-inline">
                <div>
                  <dt>{t('audit.who')}</dt>
                  <dd>{actorLabel(entry.actor)}</dd>
                </div>
                <div>
                  <dt>{t('audit.when')}</dt>
                  <dd>
                    <time dateTime={entry.at}>{formatDate(entry.at, true)}</time>
                  </dd>
                </div>
              </dl>
              <ChangeDiff before={entry.before} after={entry.after} formatValue={valueLabel} />
              <p className="hash small muted" title={entry.hash}>
                {t('audit.hash')}: <code>{entry.hash.slice(0, 16)}…</code>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {error ? <ProblemAlert error={error} onRetry={() => void load(oldest)} /> : null}
      {loading ? <LoadingState /> : null}
      {hasMore && !loading ? (
        <button type="button" className="button button-secondary" onClick={() => void load(oldest)}>
          {t('audit.more')}
        </button>
      ) : null}
    </div>
  );
}
