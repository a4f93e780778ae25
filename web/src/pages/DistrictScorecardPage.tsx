import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useLocale } from '../i18n/useLocale';
import { CompstatFamilies } from '../features/scorecards/CompstatFamilies';
import { IndicatorListSection } from '../features/scorecards/IndicatorListSection';
import { RankSummary } from '../features/scorecards/RankSummary';
import { scorecardPaths, scorecardsApi } from '../features/scorecards/scorecards.api';
import { useScorecardFormat } from '../features/scorecards/useScorecardFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

const DISTRICT_ID = /^[a-z][a-z0-9_-]{0,63}$/;

export function DistrictScorecardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const valid = DISTRICT_ID.test(id);
  const detail = useQuery((signal) => (valid ? scorecardsApi.district(id, signal) : Promise.resolve(undefined)), [id]);
  const data = detail.data;
  const name = data ? localized(data.district.name) : '';
  usePageTitle(name || t('scorecards.district.title'));

  if (!valid || detail.error?.status === 404) return <NotFoundPage />;

  const synthetic = data && (data.indicators.some((i) => i.synthetic) || data.compstat.families.some((f) => f.rows.some((r) => r.synthetic)));

  return (
    <article className="page district" aria-labelledby="district-title" data-testid="district-page">
      <p className="breadcrumbs">
        <Link to={`${scorecardPaths.overview}#districts`}>← {t('scorecards.sections.districts')}</Link>
      </p>
      <header className="page-header">
        <p className="muted">{t('scorecards.district.title')}</p>
        <h1 id="district-title">{name || t('scorecards.district.title')}</h1>
        {data ? (
          <p className="lead">
            {data.district.population !== null
              ? t('scorecards.district.population', { population: format.integer(data.district.population), year: data.district.populationYear ?? '' })
              : t('scorecards.district.noPopulation')}
            {data.district.approximate ? `. ${t('scorecards.district.approximate')}` : ''}
          </p>
        ) : null}
      </header>

      {detail.loading && !data ? <LoadingState /> : null}
      {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}

      {data ? (
        <>
          {synthetic ? <DemoNotice>{t('scorecards.demo.district')}</DemoNotice> : null}

          <section className="section" aria-labelledby="rank-title">
            <h2 id="rank-title">{t('scorecards.district.rankTitle')}</h2>
            <RankSummary rankings={data.rankings} districtId={data.district.id} />
          </section>

          <IndicatorListSection indicators={data.indicators} showProgramme />

          <section className="section" aria-labelledby="compstat-title">
            <h2 id="compstat-title">{t('scorecards.sections.compstat')}</h2>
            <p className="muted small">{t('scorecards.compstat.method')}</p>
            <CompstatFamilies families={data.compstat.families} asOf={data.compstat.asOf} idPrefix="district" />
          </section>
        </>
      ) : null}
    </article>
  );
}
