import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import type { BadgeTone } from '../../ui/Badge';
import { useDistricts } from '../reference/useReference';
import { appealsStaffApi } from './appeals-staff.api';
import { CITY_UNITS, type AppealCategory, type AppealStatus, type AppealUnit, type CityUnitName } from './appeals-staff.types';

/** Colour and glyph of each status: the glyph carries the meaning for those who do not see the colour. */
export const STATUS_META: Record<AppealStatus, { tone: BadgeTone; icon: string }> = {
  received: { tone: 'info', icon: '●' },
  routed: { tone: 'teal', icon: '➜' },
  in_progress: { tone: 'accent', icon: '◐' },
  answered: { tone: 'success', icon: '✓' },
  closed: { tone: 'muted', icon: '■' },
  declined: { tone: 'danger', icon: '✕' },
  not_competent: { tone: 'orange', icon: '↗' },
  duplicate: { tone: 'neutral', icon: '⧉' },
};

/** The appeal categories and the units appeals may be routed to (both cached for the visit). */
export function useAppealReference() {
  const categories = useQuery(() => appealsStaffApi.categories().then((r) => r.items), []);
  const units = useQuery(() => appealsStaffApi.units().then((r) => r.items), []);
  return { categories, units };
}

const isCityUnit = (value: string): value is CityUnitName => (CITY_UNITS as readonly string[]).includes(value);

/** Readable names for the codes of an appeal: category, unit, precinct, district. */
export function useAppealLabels(categories: readonly AppealCategory[] | undefined, units: readonly AppealUnit[] | undefined) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const districts = useDistricts();

  const category = useCallback(
    (code: string): string => {
      const found = categories?.find((c) => c.code === code);
      return found ? localized(found.name) : code;
    },
    [categories, localized],
  );

  const district = useCallback(
    (id: string | null | undefined): string => {
      if (!id) return '';
      const found = districts.data?.find((d) => d.id === id);
      return found ? localized(found.name) : id;
    },
    [districts.data, localized],
  );

  const unit = useCallback(
    (value: string | null | undefined): string => {
      if (!value) return t('appealsStaff.unit.none');
      const found = units?.find((u) => u.unit === value);
      if (found) return localized(found.name);
      const [kind, id = ''] = value.split(':');
      if (kind === 'city' && isCityUnit(id)) return t(`appealsStaff.unit.city.${id}`);
      if (kind === 'district') return t('appealsStaff.unit.district', { name: district(id) });
      if (kind === 'precinct') return t('appealsStaff.unit.precinct', { code: id });
      return value;
    },
    [district, localized, t, units],
  );

  const status = useCallback((value: AppealStatus) => t(`appealsStaff.status.${value}`), [t]);

  return { category, district, unit, status };
}
