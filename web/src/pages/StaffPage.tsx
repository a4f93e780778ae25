import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { CRIME_ANALYSTS, CRIME_MAP_READERS, hasRole, INDICATOR_DEFINERS, REPORT_EXPORTERS } from '../features/auth/roles';
import { CrimeAnalysisWorkspace } from '../features/crime-analysis/CrimeAnalysisWorkspace';
import { CrimeMapWorkspace } from '../features/crime-map/CrimeMapWorkspace';
import { PATROL_READERS } from '../features/patrol/patrol.api';
import { PatrolWorkspace } from '../features/patrol/PatrolWorkspace';
import { PerformanceWorkspace } from '../features/performance-staff/PerformanceWorkspace';
import { ReportExportLinks } from '../features/recommendations/ReportExportLinks';
import { useDistricts } from '../features/reference/useReference';
import { AdminWorkspace, CouncilWorkspace, EditorWorkspace, OtherRoleWorkspace } from '../features/staff/StaffWorkspaces';
import { seesTowing, TowingWorkspace } from '../features/towing/TowingWorkspace';
import { useLocale } from '../i18n/useLocale';
import { usePageTitle } from '../ui/usePageTitle';

export function StaffPage() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const districts = useDistricts();
  const [busy, setBusy] = useState(false);
  usePageTitle(t('staff.title'));
  if (!user) return null;

  const scope =
    user.scope.kind === 'city'
      ? t('users.scopeCity')
      : localized(districts.data?.find((d) => d.id === (user.scope.kind === 'district' ? user.scope.districtId : ''))?.name) ||
        t('users.scopeDistrict');

  // Leave the staff page first: otherwise its guard would send the signed-out user to /login.
  const handleLogout = async () => {
    setBusy(true);
    await navigate('/', { replace: true });
    await logout();
  };

  const isEditor = user.role === 'editor' || user.role === 'admin';
  const isCouncil = user.role === 'council' || user.role === 'admin';
  const isAdmin = user.role === 'admin';
  const isAnalyst = hasRole(user, INDICATOR_DEFINERS);
  const isTowOperator = user.role === 'tow_operator';

  return (
    <div className="page">
      <header className="page-header staff-header">
        <div>
          <h1>{t('staff.title')}</h1>
          <p data-testid="staff-user">
            {t('staff.signedInAs', { name: user.displayName })} · <strong>{t(`roles.${user.role}`)}</strong> · {scope}
          </p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void handleLogout()} disabled={busy}>
          {t('staff.logout')}
        </button>
      </header>
      {isTowOperator ? <TowingWorkspace user={user} /> : null}
      {isAdmin ? <AdminWorkspace /> : null}
      {isEditor ? <EditorWorkspace /> : null}
      <PerformanceWorkspace user={user} />
      {isCouncil ? <CouncilWorkspace /> : null}
      {hasRole(user, CRIME_MAP_READERS) ? <CrimeMapWorkspace /> : null}
      {hasRole(user, CRIME_ANALYSTS) ? <CrimeAnalysisWorkspace /> : null}
      {hasRole(user, PATROL_READERS) ? <PatrolWorkspace /> : null}
      {seesTowing(user) && !isTowOperator ? <TowingWorkspace user={user} /> : null}
      {!isEditor && !isCouncil && !isAdmin && !isAnalyst && !isTowOperator ? <OtherRoleWorkspace /> : null}
      {hasRole(user, REPORT_EXPORTERS) ? (
        <section className="panel" aria-labelledby="export-title">
          <h2 id="export-title">{t('export.title')}</h2>
          <p>{t('export.intro')}</p>
          <ReportExportLinks idPrefix="staff-export" />
        </section>
      ) : null}
    </div>
  );
}
