import { useTranslation } from 'react-i18next';
import type { District } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { CITY } from './performance.types';

/** The `<option>`s of a department select: the city, then each district. */
export function DepartmentOptions({ districts }: { districts: readonly District[] }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  return (
    <>
      <option value={CITY}>{t('performanceStaff.city')}</option>
      {districts.map((district) => (
        <option key={district.id} value={district.id}>
          {localized(district.name)}
        </option>
      ))}
    </>
  );
}
