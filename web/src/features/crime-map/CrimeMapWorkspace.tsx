import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../ui/LinkCard';
import { LinkCardsPanel } from '../../ui/LinkCardsPanel';
import { crimeMapPaths } from './crime-map.api';

/** The staff workspace's way into the incident map and CompStat (analysts, dispatchers, the council, admins). */
export function CrimeMapWorkspace() {
  const { t } = useTranslation();
  return (
    <LinkCardsPanel titleId="crime-map-workspace-title" title={t('crimeMap.workspace.title')} testId="crime-map-workspace">
      <LinkCard to={crimeMapPaths.staff} title={t('crimeMap.workspace.map')} icon="⌖">
        {t('crimeMap.workspace.mapText')}
      </LinkCard>
      <LinkCard to={crimeMapPaths.public} title={t('crimeMap.workspace.public')} icon="⬡">
        {t('crimeMap.workspace.publicText')}
      </LinkCard>
    </LinkCardsPanel>
  );
}
