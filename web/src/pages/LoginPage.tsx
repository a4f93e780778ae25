import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../features/auth/AuthProvider';
import { LoginForm } from '../features/auth/LoginForm';
import { usePageTitle } from '../ui/usePageTitle';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/staff';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t('login.title'));
  return (
    <div className="page narrow">
      <header className="page-header">
        <h1>{t('login.title')}</h1>
        <p>{t('login.intro')}</p>
      </header>
      {user ? (
        <div className="card">
          <p>{t('login.already', { name: user.displayName })}</p>
          <Link className="button button-primary" to="/staff">
            {t('nav.staff')}
          </Link>
        </div>
      ) : (
        <LoginForm onSignedIn={() => navigate(safeNext(params.get('next')), { replace: true })} />
      )}
      <p className="muted small">{t('login.public')}</p>
    </div>
  );
}
