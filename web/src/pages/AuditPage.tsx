import { useTranslation } from 'react-i18next';
import { AuditLog } from '../features/audit/AuditLog';
import { VerifyChain } from '../features/audit/VerifyChain';
import { usePageTitle } from '../ui/usePageTitle';

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.lead')}</p>
      </header>
      <section className="section" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
        <VerifyChain />
      </section>
      <section className="section" aria-labelledby="entries-title">
        <h2 id="entries-title">{t('audit.entries')}</h2>
        <AuditLog />
      </section>
    </div>
  );
}
