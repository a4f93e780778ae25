import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useLocale } from '../i18n/useLocale';
import { DepartmentLink } from '../features/scorecards/DepartmentLink';
import { IndicatorListSection } from '../features/scorecards/IndicatorListSection';
import { LightCounts } from '../features/scorecards/LightCounts';
import { ProgrammeCard } from '../features/scorecards/ProgrammeCard';
import { CompstatFamilies } from '../features/scorecards/CompstatFamilies';
import { QueryBlock } from '../ui/QueryBlock';
import { RankSummary } from '../features/scorecards/RankSummary';
import { CITY_ID, scorecardPaths, scorecardsApi } from '../features/scorecards/scorecards.api';
import { LIGHTS, type LightCounts as Counts } from '../features/scorecards/scorecards.types';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

const OFFICIAL_ID = /^[0-9a-z-]{1,64}$/i;

export function OfficialScorecardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { localized } = useLocale();
  const valid = OFFICIAL_ID.test(id);
  const detail = useQuery((signal) => (valid ? scorecardsApi.official(id, signal) : Promise.resolve(undefined)), [id]);
  const data = detail.data;
  usePageTitle(data?.official.name ?? t('scorecards.official.title'));
  const districtId = data && data.official.department.id !== CITY_ID ? data.official.department.id : null;
  // The leader's own scorecard carries no ranking or CompStat: take them from the public lists.
  const rankings = useQuery((signal) => (districtId ? scorecardsApi.districts(signal) : Promise.resolve(undefined)), [districtId]);
  const compstat = useQuery((signal) => (data ? scorecardsApi.compstat({}, signal) : Promise.resolve(undefined)), [data]);

  if (!valid || detail.error?.status === 404) return <NotFoundPage />;

  const counts = data
    ? (Object.fromEntries(LIGHTS.map((light) => [light, data.indicators.filter((i) => i.light === light).length])) as Counts)
    : undefined;

  return (
    <article className="page official" aria-labelledby="official-title" data-testid="official-page">
      <p className="breadcrumbs">
        <Link to={`${scorecardPaths.overview}#leaders`}>← {t('scorecards.sections.leaders')}</Link>
      </p>
      <header className="page-header">
        <p className="muted">{t('scorecards.official.title')}</p>
        <h1 id="official-title">{data?.official.name ?? t('scorecards.official.title')}</h1>
        {data ? (
          <p className="lead">
            {localized(data.official.position)} · <DepartmentLink department={data.official.department} />
          </p>
        ) : null}
      </header>

      {detail.loading && !data ? <LoadingState /> : null}
      {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}

      {data && counts ? (
        <>
          {data.official.synthetic || data.indicators.some((i) => i.synthetic) ? <DemoNotice>{t('scorecards.demo.official')}</DemoNotice> : null}
          <section className="card" aria-labelledby="accountability-title">
            <h2 id="accountability-title" className="h3">
              {t('scorecards.official.accountability')}
            </h2>
            <p>{t('scorecards.official.accountabilityText')}</p>
            <LightCounts counts={counts} />
          </section>

          <section className="section" aria-labelledby="programmes-title">
            <h2 id="programmes-title">{t('scorecards.sections.programmes')}</h2>
            {data.programmes.length === 0 ? (
              <EmptyState>{t('scorecards.official.noProgrammes')}</EmptyState>
            ) : (
              <div className="card-grid" data-testid="programme-list">
                {data.programmes.map((programme) => (
                  <ProgrammeCard key={programme.code} programme={programme} />
                ))}
              </div>
            )}
          </section>

          {districtId ? (
            <section className="section" aria-labelledby="rank-title">
              <h2 id="rank-title">{t('scorecards.district.rankTitle')}</h2>
              <QueryBlock query={rankings}>{(list) => (list ? <RankSummary rankings={list.rankings} districtId={districtId} /> : null)}</QueryBlock>
            </section>
          ) : null}

          <IndicatorListSection indicators={data.indicators} showDepartment showProgramme />

          <QueryBlock query={compstat}>
            {(response) => {
              if (!response) return null;
              const mine = new Set(data.indicators.map((i) => i.id));
              const families = response.families
                .map((family) => ({ ...family, rows: family.rows.filter((row) => mine.has(row.indicatorId)) }))
                .filter((family) => family.rows.length > 0);
              if (families.length === 0) return null;
              return (
                <section className="section" aria-labelledby="compstat-title">
                  <h2 id="compstat-title">{t('scorecards.sections.compstat')}</h2>
                  <p className="muted small">{t('scorecards.compstat.method')}</p>
                  <CompstatFamilies families={families} asOf={response.asOf} idPrefix="official" />
                </section>
              );
            }}
          </QueryBlock>
        </>
      ) : null}
    </article>
  );
}
