import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/AuthProvider';
import { HeadlineFigures } from '../features/home/HeadlineFigures';
import { StatusSummary } from '../features/home/StatusSummary';
import { ScorecardsTeaser } from '../features/scorecards/ScorecardsTeaser';
import { DemoNotice } from '../ui/DemoNotice';
import { LinkCard } from '../ui/LinkCard';
import { usePageTitle } from '../ui/usePageTitle';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  usePageTitle(undefined);
  return (
    <div className="page home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p>{t('home.who')}</p>
      </section>

      <section aria-labelledby="figures-title" className="section">
        <h2 id="figures-title">{t('home.figuresTitle')}</h2>
        <p className="muted">{t('home.figuresSource')}</p>
        <HeadlineFigures />
      </section>

      <ScorecardsTeaser />

      <section aria-labelledby="status-title" className="section">
        <h2 id="status-title">{t('home.statusTitle')}</h2>
        <DemoNotice>{t('demo.statuses')}</DemoNotice>
        <StatusSummary />
      </section>

      <section aria-labelledby="sections-title" className="section">
        <h2 id="sections-title">{t('home.sectionsTitle')}</h2>
        <div className="link-cards">
          <LinkCard to="/recommendations" title={t('nav.recommendations')} icon="☰">
            {t('home.cards.recommendations')}
          </LinkCard>
          <LinkCard to="/scorecards" title={t('scorecards.nav.scorecards')} icon="◔">
            {t('scorecards.teaser.card')}
          </LinkCard>
          <LinkCard to="/trust" title={t('scorecards.nav.trust')} icon="♡">
            {t('scorecards.teaser.trustCard')}
          </LinkCard>
          <LinkCard to="/car" title={t('towing.nav')} icon="P">
            {t('towing.homeCard')}
          </LinkCard>
          <LinkCard to="/audit" title={t('nav.audit')} icon="⛓">
            {t('home.cards.audit')}
          </LinkCard>
          <LinkCard to="/open-data" title={t('nav.openData')} icon="⇩">
            {t('home.cards.openData')}
          </LinkCard>
          <LinkCard to={user ? '/staff' : '/login'} title={t('nav.staff')} icon="⚙">
            {t('home.cards.staff')}
          </LinkCard>
        </div>
      </section>
    </div>
  );
}
