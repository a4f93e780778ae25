import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../ui/LinkCard';
import { crimeMapPaths } from './crime-map.api';

/** The staff workspace's way into the incident map and CompStat (analysts, dispatchers, the council, admins). */
export function CrimeMapWorkspace() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="crime-map-workspace-title" data-testid="crime-map-workspace">
      <h2 id="crime-map-workspace-title">{t('crimeMap.workspace.title')}</h2>
      <div className="link-cards compact">
        <LinkCard to={crimeMapPaths.staff} title={t('crimeMap.workspace.map')} icon="⌖">
          {t('crimeMap.workspace.mapText')}
        </LinkCard>
        <LinkCard to={crimeMapPaths.public} title={t('crimeMap.workspace.public')} icon="⬡">
          {t('crimeMap.workspace.publicText')}
        </LinkCard>
      </div>
    </section>
  );
}
