import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { ADMINS, hasRole } from '../features/auth/roles';
import { ImportPanel } from '../features/precincts/ImportPanel';
import { InspectorEditor } from '../features/precincts/InspectorEditor';
import { NormsEditor } from '../features/precincts/NormsEditor';
import { precinctPaths, precinctsApi, type ImportKind } from '../features/precincts/precincts.api';
import { QueryBlock } from '../ui/QueryBlock';
import { usePrecinctFormat } from '../features/precincts/usePrecinctFormat';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

const KINDS: readonly ImportKind[] = ['precincts', 'inspectors', 'addresses'];

/** Editors keep the precincts, inspectors and address register current; administrators set the workload norms. */
export function StaffPrecinctsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const format = usePrecinctFormat();
  usePageTitle(t('precincts.staff.title'));
  const workload = useQuery((signal) => precinctsApi.workload(signal, true), []);
  const isAdmin = hasRole(user, ADMINS);
  // Imports change the whole city's register: the server accepts them from city-wide accounts only.
  const cityWide = user?.scope.kind === 'city';

  return (
    <div className="page staff-precincts">
      <StaffPageHeader title={t('precincts.staff.title')} lead={t('precincts.staff.lead')} />
      <p className="small">
        <Link to={precinctPaths.finder}>{t('precincts.staff.finderLink')}</Link> · <Link to={precinctPaths.workload}>{t('precincts.staff.workloadLink')}</Link>
      </p>

      {cityWide ? (
        KINDS.map((kind) => (
          <section key={kind} className="card section" aria-labelledby={`import-${kind}-title`} data-testid={`import-${kind}`}>
            <h2 id={`import-${kind}-title`}>{t(`precincts.import.kinds.${kind}.title`)}</h2>
            <p>{t(`precincts.import.kinds.${kind}.intro`)}</p>
            <ImportPanel
              kind={kind}
              onImported={() => {
                if (kind === 'precincts') precinctsApi.forgetOutlines();
                workload.reload();
              }}
            />
          </section>
        ))
      ) : (
        <p className="alert alert-info" data-testid="imports-city-only">
          {t('precincts.staff.cityOnly')}
        </p>
      )}

      <section className="card section" aria-labelledby="editor-title" data-testid="inspector-editor">
        <h2 id="editor-title">{t('precincts.editor.title')}</h2>
        <p>{t('precincts.editor.intro')}</p>
        <InspectorEditor />
      </section>

      <section className="card section" aria-labelledby="norms-title" data-testid="norms">
        <h2 id="norms-title">{t('precincts.norms.title')}</h2>
        <p>{t('precincts.norms.intro')}</p>
        <QueryBlock query={workload}>
          {(data) =>
            isAdmin ? (
              <NormsEditor norms={data.norms} onSaved={workload.reload} />
            ) : (
              <p data-testid="norms-readonly">
                {t('precincts.norms.current', { norm: format.integer(data.norms.norm), target: format.integer(data.norms.target) })}{' '}
                <span className="muted">{t('precincts.norms.adminOnly')}</span>
              </p>
            )
          }
        </QueryBlock>
      </section>
    </div>
  );
}
