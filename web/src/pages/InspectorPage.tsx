import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { InspectorContacts } from '../features/precincts/InspectorContacts';
import { InspectorPhoto } from '../features/precincts/InspectorPhoto';
import { appealLink, precinctPaths, precinctsApi } from '../features/precincts/precincts.api';
import { ReceptionMap } from '../features/precincts/ReceptionMap';
import { ReceptionSummary } from '../features/precincts/ReceptionSummary';
import { SheetLinks } from '../features/precincts/SheetLinks';
import { WeeklyHoursTable } from '../features/precincts/WeeklyHoursTable';
import { useLocale } from '../i18n/useLocale';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

/** One inspector's page, where the QR code of the printed info sheet leads: the card in full. */
export function InspectorPage() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const { id = '' } = useParams();
  const inspector = useQuery((signal) => precinctsApi.inspector(id, signal), [id]);
  const outline = useQuery(async () => {
    const precinctId = inspector.data?.precinct?.id;
    if (!precinctId) return null;
    const outlines = await precinctsApi.precinctOutlines();
    return outlines.features.find((f) => f.properties.id === precinctId) ?? null;
  }, [inspector.data?.precinct?.id]);
  const data = inspector.data;
  usePageTitle(data ? localized(data.name) : t('precincts.inspector.title'));

  const back = (
    <p className="breadcrumbs">
      <Link to={precinctPaths.finder}>← {t('precincts.finder.title')}</Link>
    </p>
  );

  if (inspector.loading && !data) return <div className="page">{back}<LoadingState /></div>;
  if (inspector.error) {
    const missing = inspector.error.status === 404 || inspector.error.status === 400;
    return (
      <div className="page">
        {back}
        <h1>{t('precincts.inspector.title')}</h1>
        {missing ? (
          <EmptyState>
            {t('precincts.inspector.notFound')} <Link to={precinctPaths.finder}>{t('precincts.inspector.findAnother')}</Link>
          </EmptyState>
        ) : (
          <ProblemAlert error={inspector.error} onRetry={inspector.reload} />
        )}
      </div>
    );
  }
  if (!data) return null;

  const name = localized(data.name);
  return (
    <div className="page inspector-page" data-testid="inspector-page">
      {back}
      <header className="page-header inspector-page-head">
        <InspectorPhoto inspector={data} large />
        <div>
          <h1>{name}</h1>
          <p className="lead">
            {localized(data.position)}
            {localized(data.rank) ? <span className="block">{localized(data.rank)}</span> : null}
          </p>
          {data.precinct ? (
            <p>
              {t('precincts.inspector.precinct', { code: data.precinct.code, name: localized(data.precinct.name) })}
              {data.district ? <span className="block muted">{t('precincts.result.district', { district: localized(data.district.name) })}</span> : null}
            </p>
          ) : (
            <p className="muted">{t('precincts.inspector.noPrecinct')}</p>
          )}
        </div>
      </header>
      {data.synthetic ? <DemoNotice>{t('precincts.demo.inspector')}</DemoNotice> : null}

      <section className="card stack" aria-labelledby="contact-title">
        <h2 id="contact-title" className="h3">
          {t('precincts.inspector.contact')}
        </h2>
        <InspectorContacts inspector={data} />
        {data.precinct ? (
          <Link className="button button-primary button-wide" to={appealLink(data.precinct.id, null)} data-testid="appeal-link">
            {t('precincts.card.appeal')}
          </Link>
        ) : null}
      </section>

      <section className="section" aria-labelledby="reception-title">
        <h2 id="reception-title">{t('precincts.card.reception')}</h2>
        {data.reception ? (
          <div className="inspector-page-reception">
            <div className="stack">
              <ReceptionSummary point={data.reception} withPhone />
              <WeeklyHoursTable point={data.reception} />
            </div>
            <ReceptionMap point={data.reception} outline={outline.data ?? null} height={280} />
          </div>
        ) : (
          <p className="muted">{t('precincts.card.noReception')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="sheets-title">
        <h2 id="sheets-title">{t('precincts.card.sheets')}</h2>
        <p>{t('precincts.inspector.sheetsLead')}</p>
        <SheetLinks inspector={data} />
      </section>
    </div>
  );
}
