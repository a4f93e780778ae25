import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { openDataUrls } from '../features/recommendations/recommendations.api';
import { LanguageSwitch } from './LanguageSwitch';

export function AppShell() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const firstRender = useRef(true);

  // After navigating, close the menu and move focus to the new page's heading,
  // so keyboard and screen-reader users start at the top of the new content.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }, [location.pathname]);

  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/recommendations', label: t('nav.recommendations') },
    { to: '/inspectors', label: t('nav.inspectors') },
    { to: '/crime', label: t('crimeMap.nav') },
    { to: '/appeals', label: t('nav.appeals') },
    { to: '/proposals', label: t('nav.proposals') },
    { to: '/car', label: t('towing.nav') },
    { to: '/scorecards', label: t('scorecards.nav.scorecards') },
    { to: '/trust', label: t('scorecards.nav.trust') },
    { to: '/audit', label: t('nav.audit') },
    { to: '/open-data', label: t('nav.openData') },
  ];

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label={t('brand.home')}>
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M6 17h5l3-8 4 15 3-7h5" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="brand-name">openbeat</span>
            <span className="brand-tagline">{t('brand.tagline')}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
              <span className="menu-button-label">{t('nav.menu')}</span>
            </button>
          </div>
        </div>
        <nav id="site-nav" className={`site-nav${menuOpen ? ' is-open' : ''}`} aria-label={t('nav.label')}>
          <div className="container nav-inner">
            <ul className="nav-list">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end} className="nav-link">
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <ul className="nav-list nav-staff">
              {user ? (
                <li>
                  <NavLink to="/staff" className="nav-link nav-link-staff" data-testid="nav-staff">
                    {t('nav.staff')}
                  </NavLink>
                </li>
              ) : (
                <li>
                  <NavLink to="/login" className="nav-link nav-link-staff">
                    {t('nav.login')}
                  </NavLink>
                </li>
              )}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <p>
            <strong>openbeat</strong> — {t('footer.about')}
          </p>
          <p className="small">{t('footer.source')}</p>
          <ul className="footer-links">
            <li>
              <Link to="/open-data">{t('nav.openData')}</Link>
            </li>
            <li>
              <a href={openDataUrls.docs}>{t('openData.apiDocs')}</a>
            </li>
            <li>
              <Link to="/audit">{t('nav.audit')}</Link>
            </li>
          </ul>
          <p className="small muted-on-dark">{t('footer.license')}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
