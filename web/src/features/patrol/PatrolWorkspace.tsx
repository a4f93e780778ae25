import { useTranslation } from 'react-i18next';
import { LinkCard } from '../../ui/LinkCard';
import { PATROL_PATH } from './patrol.api';

/** The staff workspace's way to patrol deployment plans (analysts, dispatchers, the council, admins). */
export function PatrolWorkspace() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="patrol-workspace-title" data-testid="patrol-workspace">
      <h2 id="patrol-workspace-title">{t('patrol.link.title')}</h2>
      <div className="link-cards compact">
        <LinkCard to={PATROL_PATH} title={t('patrol.link.title')} icon="⛯">
          {t('patrol.link.text')}
        </LinkCard>
      </div>
    </section>
  );
}
