import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Actor, type Role } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { useDistricts } from '../reference/useReference';

const KNOWN = new Set<string>([...ROLES, 'public', 'system']);

/** "Role · unit" for the audit trail: who did it, by role and unit, never by name. */
export function useActorLabel() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const districts = useDistricts();

  const roleLabel = useCallback(
    (role: string) => (KNOWN.has(role) ? t(`roles.${role as Role | 'public' | 'system'}`) : role),
    [t],
  );

  // Units are "city", "district:<id>" or "public" (the server's unitOf(scope)).
  const unitLabel = useCallback(
    (unit: string | null | undefined): string | null => {
      if (!unit || unit === 'public') return null;
      if (unit === 'city') return t('units.city');
      const districtId = unit.startsWith('district:') ? unit.slice('district:'.length) : null;
      if (districtId) return localized(districts.data?.find((d) => d.id === districtId)?.name) || districtId;
      return unit;
    },
    [t, localized, districts.data],
  );

  const actorLabel = useCallback(
    (actor: Actor | null | undefined) => {
      if (!actor) return t('roles.system');
      const role = roleLabel(actor.role);
      const unit = unitLabel(actor.unit);
      return unit ? `${role} · ${unit}` : role;
    },
    [t, roleLabel, unitLabel],
  );
  return { roleLabel, actorLabel };
}
