import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery';
import { AppealFilters } from '../features/appeals/AppealFilters';
import { appealPaths, appealsApi } from '../features/appeals/appeals.api';
import { AppealsPager } from '../features/appeals/AppealsPager';
import { AppealSummaryList } from '../features/appeals/AppealSummaryList';
import { DrugAdvertStatsTable } from '../features/appeals/DrugAdvertStatsTable';
import { MyAppealsList } from '../features/appeals/MyAppealsList';
import { TrackByCode } from '../features/appeals/TrackByCode';
import { usePublicList } from '../features/appeals/usePublicList';
import { QueryBlock } from '../ui/QueryBlock';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { usePageTitle } from '../ui/usePageTitle';

/** п.1, п.3: follow an appeal, the appeals this browser filed, the public list, and drug-advert removals. */
export function AppealsPage() {
  const { t } = useTranslation();
  usePageTitle(t('appeals.list.title'));
  const categories = useQuery(() => appealsApi.categories(), []);
  const { list, values, page, update, reset } = usePublicList();
  const stats = useQuery((signal) => appealsApi.drugAdvertStats(signal), []);

  return (
    <div className="page appeals-page">
      <header className="page-header">
        <h1>{t('appeals.list.title')}</h1>
        <p className="lead">{t('appeals.list.lead')}</p>
        <div className="button-row">
          <Link to={appealPaths.new()} className="button button-primary" data-testid="new-appeal">
            {t('appeals.list.new')}
          </Link>
          <Link to={appealPaths.proposals} className="button button-secondary">
            {t('appeals.list.proposals')}
          </Link>
        </div>
      </header>

      <section className="card section" aria-labelledby="follow-title">
        <h2 id="follow-title">{t('appeals.follow.title')}</h2>
        <TrackByCode />
      </section>

      <section className="section" aria-labelledby="mine-title">
        <h2 id="mine-title">{t('appeals.mine.title')}</h2>
        <MyAppealsList />
      </section>

      <section className="section" aria-labelledby="public-title">
        <h2 id="public-title">{t('appeals.list.publicTitle')}</h2>
        <p className="muted small">{t('appeals.list.publicLead')}</p>
        <AppealFilters values={values} categories={categories.data ?? []} onChange={update} onReset={reset} />
        <QueryBlock query={list}>
          {(data) => (
            <>
              {data.items.some((a) => a.synthetic) ? <DemoNotice>{t('appeals.demo.list')}</DemoNotice> : null}
              <p className="results-count" role="status" data-testid="appeals-total">
                {t('appeals.list.total', { count: data.total })}
              </p>
              {data.items.length ? <AppealSummaryList items={data.items} /> : <EmptyState>{t('appeals.list.empty')}</EmptyState>}
              <AppealsPager page={page} pageSize={data.pageSize} total={data.total} onPage={(p) => update({ page: p })} />
            </>
          )}
        </QueryBlock>
      </section>

      <section className="section" aria-labelledby="drug-title">
        <h2 id="drug-title">{t('appeals.drugStats.title')}</h2>
        <p className="muted small">{t('appeals.drugStats.lead')}</p>
        <QueryBlock query={stats}>{(data) => <DrugAdvertStatsTable stats={data} />}</QueryBlock>
      </section>
    </div>
  );
}
