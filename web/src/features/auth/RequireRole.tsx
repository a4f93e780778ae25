import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../api/types';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAuth } from './AuthProvider';
import { hasRole } from './roles';

export interface RequireRoleProps {
  /** Roles allowed; omit to allow any signed-in staff member. */
  roles?: readonly Role[];
  children: ReactNode;
}

/** Guards a staff page: signed-out users go to /login, others without the role see why. */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <LoadingState />;
  if (user === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !hasRole(user, roles)) return <Forbidden />;
  return <>{children}</>;
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <section className="page narrow" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
      <p>
        <Link to="/staff">{t('forbidden.back')}</Link>
      </p>
    </section>
  );
}
