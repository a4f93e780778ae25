import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrimeDataset } from '../api/crime-analysis.contract';
import { useQuery } from '../api/useQuery';
import { CategoryTable } from '../features/crime-analysis/CategoryTable';
import { crimeAnalysisApi, crimeAnalysisPaths } from '../features/crime-analysis/crime-analysis.api';
import { DatasetSelect } from '../features/crime-analysis/DatasetSelect';
import { DatasetsPanel } from '../features/crime-analysis/DatasetsPanel';
import { ImportHistory } from '../features/crime-analysis/ImportHistory';
import { IncidentImport } from '../features/crime-analysis/IncidentImport';
import { useDatasetChoice } from '../features/crime-analysis/useDatasetChoice';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** The analyst brings incidents in: datasets, a file with its column mapping and the import's outcome, and the category table. */
export function StaffCrimeImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('crimeAnalysis.importPage.title'));
  const datasets = useQuery((signal) => crimeAnalysisApi.datasets(signal), []);
  const lines = useQuery(() => crimeAnalysisApi.lines(), []);
  const [datasetId, setDatasetId] = useDatasetChoice(datasets.data);
  const categories = useQuery((signal) => (datasetId ? crimeAnalysisApi.categories(datasetId, signal) : Promise.resolve([])), [datasetId]);
  const imports = useQuery((signal) => (datasetId ? crimeAnalysisApi.imports(datasetId, signal) : Promise.resolve([])), [datasetId]);
  const { reload: reloadDatasets } = datasets;
  const { reload: reloadCategories } = categories;
  const { reload: reloadImports } = imports;

  const handleCreated = (dataset: CrimeDataset) => {
    setDatasetId(dataset.id);
    reloadDatasets();
  };
  const handleImported = useCallback(() => {
    reloadDatasets();
    reloadCategories();
    reloadImports();
  }, [reloadDatasets, reloadCategories, reloadImports]);

  return (
    <div className="page crime-analysis">
      <StaffPageHeader title={t('crimeAnalysis.importPage.title')} lead={t('crimeAnalysis.importPage.lead')} />
      <p className="small">
        <Link to={crimeAnalysisPaths.forecasts}>{t('crimeAnalysis.importPage.forecastsLink')}</Link>
      </p>

      <section className="card section" aria-labelledby="datasets-title" data-testid="datasets">
        <h2 id="datasets-title">{t('crimeAnalysis.datasets.title')}</h2>
        <QueryBlock query={datasets}>{(data) => <DatasetsPanel datasets={data} onCreated={handleCreated} />}</QueryBlock>
      </section>

      <section className="card section" aria-labelledby="import-title" data-testid="incident-import">
        <h2 id="import-title">{t('crimeAnalysis.import.title')}</h2>
        <p>{t('crimeAnalysis.import.intro')}</p>
        <IncidentImport datasets={datasets.data ?? []} datasetId={datasetId} onDatasetChange={setDatasetId} onImported={handleImported} />
      </section>

      <section className="card section" aria-labelledby="history-title" data-testid="import-history">
        <h2 id="history-title">{t('crimeAnalysis.history.title')}</h2>
        {datasetId ? <ImportHistory imports={imports} /> : null}
      </section>

      <section className="card section" aria-labelledby="categories-title" data-testid="categories">
        <h2 id="categories-title">{t('crimeAnalysis.categories.title')}</h2>
        <p>{t('crimeAnalysis.categories.intro')}</p>
        {datasets.data?.length ? <DatasetSelect id="categories-dataset" datasets={datasets.data} value={datasetId} onChange={setDatasetId} testId="categories-dataset" /> : null}
        {lines.error ? <ProblemAlert error={lines.error} onRetry={lines.reload} /> : null}
        {datasetId ? <CategoryTable datasetId={datasetId} categories={categories} lines={lines.data ?? []} /> : null}
      </section>
    </div>
  );
}
