import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { appealsStaffApi } from '../features/appeals-staff/appeals-staff.api';
import { APPEAL_STATUSES, QUEUES, type AppealStatus, type QueueName } from '../features/appeals-staff/appeals-staff.types';
import { QueueTable } from '../features/appeals-staff/QueueTable';
import { QueueTabs } from '../features/appeals-staff/QueueTabs';
import { useAppealLabels, useAppealReference } from '../features/appeals-staff/useAppealLabels';
import { useAuth } from '../features/auth/AuthProvider';
import { useLocale } from '../i18n/useLocale';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { Select } from '../ui/fields';
import { LoadingState } from '../ui/LoadingState';
import { Pager } from '../ui/Pager';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

const isQueue = (value: string | null): value is QueueName => !!value && (QUEUES as readonly string[]).includes(value);
const isStatus = (value: string | null): value is AppealStatus => !!value && (APPEAL_STATUSES as readonly string[]).includes(value);

/** Appeal handlers' queues: their own first, then unrouted, overdue, contested, drug adverts, proposals, all. */
export function StaffAppealsPage() {
  const { t } = useTranslation();
  const { localized, formatNumber } = useLocale();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const queue: QueueName = isQueue(params.get('queue')) ? (params.get('queue') as QueueName) : 'mine';
  const status = isStatus(params.get('status')) ? (params.get('status') as AppealStatus) : undefined;
  const category = params.get('category') || undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  usePageTitle(t('appealsStaff.queue.title'));

  const { categories, units } = useAppealReference();
  const labels = useAppealLabels(categories.data, units.data);
  const list = useQuery((signal) => appealsStaffApi.queue({ queue, status, category, page }, signal), [queue, status, category, page]);

  const href = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'queue' && value === 'mine')) next.delete(key);
      else next.set(key, String(value));
    }
    const qs = next.toString();
    return qs ? `?${qs}` : '?';
  };
  const setFilter = (key: 'status' | 'category', value: string) => setParams(new URLSearchParams(href({ [key]: value, page: 1 }).slice(1)), { replace: true });

  const lead = !user
    ? ''
    : user.role === 'inspector'
      ? t('appealsStaff.queue.lead.inspector')
      : user.scope.kind === 'district'
        ? t('appealsStaff.queue.lead.district', { district: labels.district(user.scope.districtId) })
        : t('appealsStaff.queue.lead.city');

  const sortedCategories = [...(categories.data ?? [])].sort((a, b) => localized(a.name).localeCompare(localized(b.name)));
  const items = list.data?.items ?? [];
  const synthetic = items.filter((item) => item.synthetic).length;
  const queueName = t(`appealsStaff.queues.${queue}`);
  const pagerLabels = {
    nav: t('appealsStaff.pager.label'),
    previous: t('appealsStaff.pager.prev'),
    next: t('appealsStaff.pager.next'),
    status: (current: number, pages: number) => t('appealsStaff.pager.where', { page: current, pages }),
  };

  return (
    <div className="page sa-queue-page">
      <StaffPageHeader title={t('appealsStaff.queue.title')} lead={lead} />
      <p className="muted small">{t(`appealsStaff.queueHelp.${queue}`)}</p>

      <QueueTabs current={queue} counts={list.data?.counts} hrefFor={(q) => href({ queue: q, page: 1 })} />

      <form className="filters sa-filters" role="search" aria-label={t('appealsStaff.queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select id="appeal-filter-status" label={t('appealsStaff.queue.status')} value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
          <option value="">{t('appealsStaff.queue.anyStatus')}</option>
          {APPEAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.status(s)}
            </option>
          ))}
        </Select>
        <Select id="appeal-filter-category" label={t('appealsStaff.queue.category')} value={category ?? ''} onChange={(e) => setFilter('category', e.target.value)}>
          <option value="">{t('appealsStaff.queue.anyCategory')}</option>
          {sortedCategories.map((c) => (
            <option key={c.code} value={c.code}>
              {localized(c.name)}
              {c.active ? '' : ` (${t('appealsStaff.queue.inactive')})`}
            </option>
          ))}
        </Select>
        {status || category ? (
          <div className="filters-actions">
            <button type="button" className="button button-secondary" onClick={() => setParams(new URLSearchParams(href({ status: undefined, category: undefined, page: 1 }).slice(1)))}>
              {t('appealsStaff.queue.reset')}
            </button>
          </div>
        ) : null}
      </form>
      {categories.error ? <ProblemAlert error={categories.error} onRetry={categories.reload} /> : null}

      <section aria-labelledby="appeal-results-title" aria-busy={list.loading}>
        <h2 id="appeal-results-title" className="results-title">
          {queueName}
          {list.data ? (
            <span className="results-count" data-testid="appeal-total">
              {t('appealsStaff.queue.found', { total: formatNumber(list.data.total) })}
            </span>
          ) : null}
        </h2>
        {synthetic ? <DemoNotice>{t('appealsStaff.demo.queue')}</DemoNotice> : null}
        {list.loading && !list.data ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <div className={list.loading ? 'is-stale' : undefined}>
            {items.length ? (
              <>
                <QueueTable
                  items={items}
                  caption={t('appealsStaff.queue.caption', { queue: queueName, page: list.data.page })}
                  category={labels.category}
                  district={labels.district}
                  markSynthetic={synthetic > 0 && synthetic < items.length}
                />
                <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} labels={pagerLabels} hrefFor={(p) => href({ page: p })} />
              </>
            ) : (
              <EmptyState>{status || category ? t('appealsStaff.queue.emptyFiltered') : t(`appealsStaff.queueEmpty.${queue}`)}</EmptyState>
            )}
          </div>
        ) : null}
      </section>
    </div>
  );
}
