import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../ui/LinkCard';
import { LinkCardsPanel } from '../../ui/LinkCardsPanel';
import { crimeAnalysisPaths } from './crime-analysis.api';

/** The analyst's way into incident imports and forecasts from the staff workspace. */
export function CrimeAnalysisWorkspace() {
  const { t } = useTranslation();
  return (
    <LinkCardsPanel titleId="crime-analysis-title" title={t('crimeAnalysis.workspace.title')} testId="crime-analysis-workspace">
      <LinkCard to={crimeAnalysisPaths.import} title={t('crimeAnalysis.workspace.import')} icon="⤒">
        {t('crimeAnalysis.workspace.importText')}
      </LinkCard>
      <LinkCard to={crimeAnalysisPaths.forecasts} title={t('crimeAnalysis.workspace.forecasts')} icon="◈">
        {t('crimeAnalysis.workspace.forecastsText')}
      </LinkCard>
    </LinkCardsPanel>
  );
}
