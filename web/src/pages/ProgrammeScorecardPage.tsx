import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useLocale } from '../i18n/useLocale';
import { BudgetTable } from '../features/scorecards/BudgetTable';
import { DepartmentLink } from '../features/scorecards/DepartmentLink';
import { ExportLinks } from '../features/scorecards/ExportLinks';
import { IndicatorCard } from '../features/scorecards/IndicatorCard';
import { LightCounts } from '../features/scorecards/LightCounts';
import { MeasuresTable } from '../features/scorecards/MeasuresTable';
import { OfficialRow } from '../features/scorecards/OfficialLine';
import { scorecardPaths, scorecardPdfUrl, scorecardsApi } from '../features/scorecards/scorecards.api';
import { SourceItem } from '../features/scorecards/SourceItem';
import { useScorecardFormat } from '../features/scorecards/useScorecardFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function ProgrammeScorecardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { lang, localized } = useLocale();
  const format = useScorecardFormat();
  const valid = CODE.test(code);
  const detail = useQuery((signal) => (valid ? scorecardsApi.programme(code, signal) : Promise.resolve(undefined)), [code]);
  const programme = detail.data;
  const name = programme ? localized(programme.name) : '';
  usePageTitle(name || t('scorecards.programme.title'));

  if (!valid || detail.error?.status === 404) return <NotFoundPage />;

  const synthetic =
    programme &&
    (programme.budget.synthetic ||
      programme.official?.synthetic ||
      programme.budgetLines.some((l) => l.synthetic) ||
      programme.measures.some((m) => m.synthetic) ||
      programme.indicators.some((i) => i.synthetic));

  const own = programme?.indicators.filter((i) => i.department.id === programme.department.id) ?? [];
  const others = programme?.indicators.filter((i) => i.department.id !== programme.department.id) ?? [];

  return (
    <article className="page programme" aria-labelledby="programme-title" data-testid="programme-page">
      <p className="breadcrumbs">
        <Link to={scorecardPaths.overview}>← {t('scorecards.back')}</Link>
      </p>
      <header className="page-header">
        {programme ? <p className="programme-kind muted">{t(`scorecards.programmeKind.${programme.kind}`)}</p> : null}
        <h1 id="programme-title">{name || t('scorecards.programme.title')}</h1>
        {programme ? <p className="lead">{localized(programme.description)}</p> : null}
      </header>

      {detail.loading && !programme ? <LoadingState /> : null}
      {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}

      {programme ? (
        <>
          {synthetic ? <DemoNotice>{t('scorecards.demo.programme')}</DemoNotice> : null}
          <section className="card programme-head" aria-label={t('scorecards.programme.about')}>
            <dl className="meta">
              <div>
                <dt>{t('scorecards.programme.period')}</dt>
                <dd>
                  {format.day(programme.startsOn)} – {format.day(programme.endsOn)}
                </dd>
              </div>
              <OfficialRow official={programme.official} />
              <div>
                <dt>{t('scorecards.programme.department')}</dt>
                <dd>
                  <DepartmentLink department={programme.department} />
                </dd>
              </div>
              {programme.recommendationNumbers.length || programme.sourceItem ? (
                <div>
                  <dt>{t('scorecards.programme.items')}</dt>
                  <dd data-testid="programme-items">
                    <ul className="chips">
                      {programme.sourceItem ? (
                        <li>
                          <SourceItem item={programme.sourceItem} />
                        </li>
                      ) : null}
                      {programme.recommendationNumbers
                        .filter((n) => `п.${n}` !== programme.sourceItem?.replace(/\s/g, ''))
                        .map((n) => (
                          <li key={n}>
                            <SourceItem item={`п.${n}`} />
                          </li>
                        ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('scorecards.programme.lights')}</dt>
                <dd>
                  <LightCounts counts={programme.lights} />
                </dd>
              </div>
            </dl>
            <p className="button-row">
              <a className="button button-secondary button-small" href={scorecardPdfUrl(programme.code, lang)} data-testid="scorecard-pdf">
                <span aria-hidden="true">⇩</span> {t('scorecards.programme.pdf')}
              </a>
            </p>
          </section>

          <section className="section" aria-labelledby="indicators-title">
            <h2 id="indicators-title">{t('scorecards.programme.indicators')}</h2>
            {programme.indicators.length === 0 ? <EmptyState>{t('scorecards.programme.noIndicators')}</EmptyState> : null}
            {own.length ? (
              <div className="card-grid" data-testid="indicator-list">
                {own.map((indicator) => (
                  <IndicatorCard key={indicator.id} indicator={indicator} />
                ))}
              </div>
            ) : null}
            {others.length ? (
              <>
                <h3 className="subsection-title">{t('scorecards.indicator.byDistrict')}</h3>
                <div className="card-grid" data-testid="district-indicator-list">
                  {others.map((indicator) => (
                    <IndicatorCard key={indicator.id} indicator={indicator} showDepartment />
                  ))}
                </div>
              </>
            ) : null}
            <ExportLinks table="indicators" what={t('scorecards.programme.indicators')} />
          </section>

          <section className="section" aria-labelledby="budget-title">
            <h2 id="budget-title">{t('scorecards.programme.budget')}</h2>
            <BudgetTable lines={programme.budgetLines} totals={programme.budget} />
          </section>

          <section className="section" aria-labelledby="measures-title">
            <h2 id="measures-title">{t('scorecards.programme.measures')}</h2>
            <MeasuresTable measures={programme.measures} declared={programme.declaredMeasureCount} />
          </section>
        </>
      ) : null}
    </article>
  );
}
