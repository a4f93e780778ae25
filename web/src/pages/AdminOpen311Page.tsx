import { useTranslation } from 'react-i18next';
import { ApiKeys } from '../features/appeals-staff/ApiKeys';
import { CategorySettings } from '../features/appeals-staff/CategorySettings';
import { Open311Endpoint } from '../features/appeals-staff/Open311Endpoint';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** Admin: Open311 integration (endpoint, API keys) and the appeal categories' deadlines. */
export function AdminOpen311Page() {
  const { t } = useTranslation();
  usePageTitle(t('appealsStaff.open311.title'));
  return (
    <div className="page sa-open311-page">
      <StaffPageHeader title={t('appealsStaff.open311.title')} lead={t('appealsStaff.open311.lead')} />
      <Open311Endpoint />
      <ApiKeys />
      <CategorySettings />
    </div>
  );
}
