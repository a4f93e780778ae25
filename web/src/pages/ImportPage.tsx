import { useTranslation } from 'react-i18next';
import { ImportWorkflow } from '../features/report-import/ImportWorkflow';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  return (
    <div className="page">
      <StaffPageHeader title={t('import.title')} lead={t('import.lead')} />
      <ImportWorkflow />
    </div>
  );
}
