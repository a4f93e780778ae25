import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery';
import { BacktestPanel } from '../features/crime-analysis/BacktestPanel';
import { crimeAnalysisApi, crimeAnalysisPaths } from '../features/crime-analysis/crime-analysis.api';
import { DatasetSelect } from '../features/crime-analysis/DatasetSelect';
import { ForecastPanel } from '../features/crime-analysis/ForecastPanel';
import { MethodChoices } from '../features/crime-analysis/MethodChoices';
import { useDatasetChoice } from '../features/crime-analysis/useDatasetChoice';
import { useCrimeFormat } from '../features/crime-analysis/useCrimeFormat';
import { DemoNotice } from '../ui/DemoNotice';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** The analyst forecasts where incidents will happen, and checks on the past which method to trust. */
export function StaffCrimeForecastsPage() {
  const { t } = useTranslation();
  usePageTitle(t('crimeAnalysis.forecastsPage.title'));
  const format = useCrimeFormat();
  const datasets = useQuery((signal) => crimeAnalysisApi.datasets(signal), []);
  const lines = useQuery(() => crimeAnalysisApi.lines(), []);
  const [datasetId, setDatasetId] = useDatasetChoice(datasets.data);
  const dataset = datasets.data?.find((d) => d.id === datasetId);
  const choices = useQuery((signal) => (datasetId ? crimeAnalysisApi.methodChoices(datasetId, signal) : Promise.resolve([])), [datasetId]);

  return (
    <div className="page crime-analysis">
      <StaffPageHeader title={t('crimeAnalysis.forecastsPage.title')} lead={t('crimeAnalysis.forecastsPage.lead')} />
      <p className="small">
        <Link to={crimeAnalysisPaths.import}>{t('crimeAnalysis.forecastsPage.importLink')}</Link>
      </p>

      <QueryBlock query={datasets}>
        {(data) =>
          data.length ? (
            <div className="card dataset-bar">
              <DatasetSelect id="forecasts-dataset" datasets={data} value={datasetId} onChange={setDatasetId} testId="forecasts-dataset" />
              {dataset ? (
                <p className="small muted" data-testid="dataset-facts">
                  {t('crimeAnalysis.forecastsPage.facts', {
                    n: format.integer(dataset.incidents),
                    first: dataset.firstAt ? format.date(dataset.firstAt, dataset.timeZone) : '—',
                    last: dataset.lastAt ? format.date(dataset.lastAt, dataset.timeZone) : '—',
                    zone: dataset.timeZone,
                  })}
                </p>
              ) : null}
              {dataset?.synthetic ? <DemoNotice>{t('crimeAnalysis.forecastsPage.synthetic')}</DemoNotice> : null}
            </div>
          ) : (
            <p className="state state-empty">
              {t('crimeAnalysis.forecastsPage.noDatasets')} <Link to={crimeAnalysisPaths.import}>{t('crimeAnalysis.forecastsPage.importLink')}</Link>
            </p>
          )
        }
      </QueryBlock>
      {lines.error ? <ProblemAlert error={lines.error} onRetry={lines.reload} /> : null}

      {dataset ? (
        <>
          <section className="card section" aria-labelledby="forecast-title" data-testid="forecast">
            <h2 id="forecast-title">{t('crimeAnalysis.forecast.title')}</h2>
            <p>{t('crimeAnalysis.forecast.intro')}</p>
            <ForecastPanel key={dataset.id} dataset={dataset} lines={lines.data ?? []} />
          </section>

          <section className="card section" aria-labelledby="backtest-title" data-testid="backtest">
            <h2 id="backtest-title">{t('crimeAnalysis.backtest.title')}</h2>
            <p>{t('crimeAnalysis.backtest.intro')}</p>
            <BacktestPanel key={dataset.id} dataset={dataset} lines={lines.data ?? []} onChosen={choices.reload} />
          </section>

          <section className="card section" aria-labelledby="choices-title" data-testid="choices">
            <h2 id="choices-title">{t('crimeAnalysis.choices.title')}</h2>
            <p>{t('crimeAnalysis.choices.intro')}</p>
            <MethodChoices dataset={dataset} lines={lines.data ?? []} choices={choices} />
          </section>
        </>
      ) : null}
    </div>
  );
}
