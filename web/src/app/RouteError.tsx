import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort when a page throws while rendering: say so, offer a way back. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="container main">
      <section className="page narrow">
        <h1>{t('crash.title')}</h1>
        <p>{t('crash.text')}</p>
        <p>
          <a href="/">{t('crash.home')}</a>
        </p>
      </section>
    </main>
  );
}
