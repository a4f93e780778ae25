import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportWorkflow } from '../features/report-import/ImportWorkflow';
import { usePageTitle } from '../ui/usePageTitle';

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/staff">← {t('staff.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.lead')}</p>
      </header>
      <ImportWorkflow />
    </div>
  );
}
