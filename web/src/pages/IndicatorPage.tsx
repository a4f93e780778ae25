import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useLocale } from '../i18n/useLocale';
import { CompstatCellsTable } from '../features/scorecards/CompstatCellsTable';
import { DepartmentLink } from '../features/scorecards/DepartmentLink';
import { ExportLinks } from '../features/scorecards/ExportLinks';
import { HistoryTable } from '../features/scorecards/HistoryTable';
import { IndicatorFigures } from '../features/scorecards/IndicatorFigures';
import { IndicatorValue } from '../features/scorecards/IndicatorValue';
import { LightBadge } from '../features/scorecards/LightBadge';
import { OfficialRow } from '../features/scorecards/OfficialLine';
import { ProgrammeRow } from '../features/scorecards/ProgrammeRow';
import { CITY_ID, scorecardPaths, scorecardsApi } from '../features/scorecards/scorecards.api';
import { SourceItem } from '../features/scorecards/SourceItem';
import { TrendSection } from '../features/scorecards/TrendSection';
import { useScorecardFormat } from '../features/scorecards/useScorecardFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function IndicatorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  const valid = UUID.test(id);
  const detail = useQuery((signal) => (valid ? scorecardsApi.indicator(id, signal) : Promise.resolve(undefined)), [id]);
  const indicator = detail.data;
  const name = indicator ? localized(indicator.name) : '';
  usePageTitle(name || t('scorecards.indicator.title'));

  if (!valid || detail.error?.status === 404) return <NotFoundPage />;

  const back = indicator?.programme
    ? { to: scorecardPaths.programme(indicator.programme.code), label: localized(indicator.programme.name) }
    : indicator && indicator.department.id !== CITY_ID
      ? { to: scorecardPaths.district(indicator.department.id), label: localized(indicator.department.name) }
      : { to: scorecardPaths.overview, label: t('scorecards.back') };

  return (
    <article className="page indicator" aria-labelledby="indicator-title" data-testid="indicator-page">
      <p className="breadcrumbs">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <header className="page-header">
        <p className="muted">{t('scorecards.indicator.title')}</p>
        <h1 id="indicator-title">{name || t('scorecards.indicator.title')}</h1>
      </header>

      {detail.loading && !indicator ? <LoadingState /> : null}
      {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}

      {indicator ? (
        <>
          {indicator.synthetic || indicator.history.some((v) => v.synthetic) ? <DemoNotice>{t('scorecards.demo.indicator')}</DemoNotice> : null}
          <section className="card indicator-summary" aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t('scorecards.indicator.summary')}
            </h2>
            <div className="indicator-headline">
              <IndicatorValue indicator={indicator} />
              <LightBadge light={indicator.light} thresholds={indicator.thresholds} />
            </div>
            <dl className="meta">
              <IndicatorFigures indicator={indicator} detailed />
              <div>
                <dt>{t('scorecards.indicator.direction')}</dt>
                <dd>{t(`scorecards.direction.${indicator.direction}`)}</dd>
              </div>
              <div>
                <dt>{t('scorecards.card.department')}</dt>
                <dd>
                  <DepartmentLink department={indicator.department} testId="department-link" />
                </dd>
              </div>
              {indicator.programme ? <ProgrammeRow programme={indicator.programme} /> : null}
              <OfficialRow official={indicator.official} />
              <div>
                <dt>{t('scorecards.indicator.dataSource')}</dt>
                <dd>
                  <span lang="ru">{indicator.dataSource}</span>
                  {indicator.current && indicator.current.source !== indicator.dataSource ? (
                    <span className="block small muted">
                      {t('scorecards.indicator.currentSource')}: <span lang="ru">{indicator.current.source}</span>
                    </span>
                  ) : null}
                </dd>
              </div>
              {indicator.sourceItem || indicator.recommendationNumber !== null ? (
                <div>
                  <dt>{t('scorecards.indicator.reportItem')}</dt>
                  <dd>
                    <SourceItem item={indicator.sourceItem ?? `п.${indicator.recommendationNumber}`} />
                  </dd>
                </div>
              ) : null}
              {indicator.note ? (
                <div>
                  <dt>{t('scorecards.indicator.note')}</dt>
                  <dd lang="ru">{indicator.note}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section className="section" aria-labelledby="trend-title">
            <h2 id="trend-title">{t('scorecards.indicator.trend')}</h2>
            <TrendSection indicator={indicator} name={name} />
          </section>

          <section className="section" aria-labelledby="history-title">
            <h2 id="history-title">{t('scorecards.indicator.history')}</h2>
            <p className="muted small">{t('scorecards.history.intro')}</p>
            {indicator.historyTruncated ? <p className="small muted">{t('scorecards.history.truncated', { count: indicator.history.length })}</p> : null}
            <HistoryTable rows={indicator.history} unit={indicator.unit} />
          </section>

          {indicator.compstat ? (
            <section className="section" aria-labelledby="compstat-title">
              <h2 id="compstat-title">{t('scorecards.sections.compstat')}</h2>
              <p className="muted small">{t('scorecards.compstat.method')}</p>
              <CompstatCellsTable
                cells={indicator.compstat.cells}
                direction={indicator.direction}
                caption={t('scorecards.compstat.cellsCaption', { name, date: format.day(indicator.compstat.asOf) })}
              />
              <ExportLinks table="compstat" what={t('scorecards.sections.compstat')} />
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
