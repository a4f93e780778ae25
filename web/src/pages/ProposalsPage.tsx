import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery';
import { appealPaths, appealsApi } from '../features/appeals/appeals.api';
import { AppealsPager } from '../features/appeals/AppealsPager';
import { AppealSummaryList } from '../features/appeals/AppealSummaryList';
import { usePublicList } from '../features/appeals/usePublicList';
import { QueryBlock } from '../ui/QueryBlock';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { usePageTitle } from '../ui/usePageTitle';

/** п.1: residents' proposals, most supported first, each with its support button. */
export function ProposalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('appeals.proposals.title'));
  const categories = useQuery(() => appealsApi.categories(), []);
  const { list, values, page, update } = usePublicList({ kind: 'proposal' }, 'support');
  const proposalCategory = categories.data?.find((c) => c.kind === 'proposal');

  return (
    <div className="page proposals-page">
      <p className="breadcrumbs">
        <Link to={appealPaths.list}>← {t('appeals.list.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('appeals.proposals.title')}</h1>
        <p className="lead">{t('appeals.proposals.lead')}</p>
        <Link to={appealPaths.new(proposalCategory?.code)} className="button button-primary" data-testid="new-proposal">
          {t('appeals.proposals.new')}
        </Link>
      </header>

      <section className="section" aria-labelledby="proposals-list-title">
        <h2 id="proposals-list-title">{t('appeals.proposals.listTitle')}</h2>
        <div className="sort-switch" role="group" aria-label={t('appeals.filters.sort')}>
          {(['support', 'recent'] as const).map((s) => (
            <button key={s} type="button" className={`button button-small ${values.sort === s ? 'button-primary' : 'button-secondary'}`} aria-pressed={values.sort === s} onClick={() => update({ sort: s })}>
              {s === 'support' ? t('appeals.filters.sortSupport') : t('appeals.filters.sortRecent')}
            </button>
          ))}
        </div>
        <QueryBlock query={list}>
          {(data) => (
            <>
              {data.items.some((a) => a.synthetic) ? <DemoNotice>{t('appeals.demo.list')}</DemoNotice> : null}
              <p className="results-count" role="status">
                {t('appeals.proposals.total', { count: data.total })}
              </p>
              {data.items.length ? <AppealSummaryList items={data.items} withSupport /> : <EmptyState>{t('appeals.proposals.empty')}</EmptyState>}
              <AppealsPager page={page} pageSize={data.pageSize} total={data.total} onPage={(p) => update({ page: p })} />
            </>
          )}
        </QueryBlock>
      </section>
    </div>
  );
}
