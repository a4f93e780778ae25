import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../ui/LinkCard';
import { crimeAnalysisPaths } from './crime-analysis.api';

/** The analyst's way into incident imports and forecasts from the staff workspace. */
export function CrimeAnalysisWorkspace() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="crime-analysis-title" data-testid="crime-analysis-workspace">
      <h2 id="crime-analysis-title">{t('crimeAnalysis.workspace.title')}</h2>
      <div className="link-cards compact">
        <LinkCard to={crimeAnalysisPaths.import} title={t('crimeAnalysis.workspace.import')} icon="⤒">
          {t('crimeAnalysis.workspace.importText')}
        </LinkCard>
        <LinkCard to={crimeAnalysisPaths.forecasts} title={t('crimeAnalysis.workspace.forecasts')} icon="◈">
          {t('crimeAnalysis.workspace.forecastsText')}
        </LinkCard>
      </div>
    </section>
  );
}
