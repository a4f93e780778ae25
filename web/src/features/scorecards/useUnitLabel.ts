import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { useDistricts } from '../reference/useReference';
import { CITY_ID } from './scorecards.api';

/** Who entered a value, as role and unit only ("Редактор департамента, Алмалинское РУП"). */
export function useActorLabel() {
  const { t, i18n } = useTranslation();
  const { localized } = useLocale();
  const districts = useDistricts();
  return useCallback(
    (actor: { role: string; unit: string }): string => {
      const roleKey = `roles.${actor.role}`;
      const role = i18n.exists(roleKey) ? t(roleKey as 'roles.editor') : actor.role;
      if (!actor.unit) return role;
      if (actor.unit === CITY_ID) return `${role}, ${t('scorecards.unit.city')}`;
      const district = districts.data?.find((d) => d.id === actor.unit || d.code === actor.unit);
      return `${role}, ${district ? localized(district.name) : actor.unit}`;
    },
    [districts.data, i18n, localized, t],
  );
}
