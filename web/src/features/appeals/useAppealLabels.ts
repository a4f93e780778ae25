import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_UNITS, type AppealKind, type AppealStatus, type CityUnit } from '../../api/appeals.contract';
import type { LocalizedText } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { useDistricts } from '../reference/useReference';
import type { BadgeTone } from '../../ui/Badge';

/** Known category groups, in the order the form shows them; a group the server adds later comes after. */
export const GROUP_ORDER = ['appeals', 'proposals', 'drugs'] as const;
type KnownGroup = (typeof GROUP_ORDER)[number];
const isKnownGroup = (group: string): group is KnownGroup => (GROUP_ORDER as readonly string[]).includes(group);

/** Each status has a tone and a glyph, so that its meaning never rests on colour alone. */
export const STATUS_LOOK: Record<AppealStatus, { tone: BadgeTone; icon: string }> = {
  received: { tone: 'info', icon: '●' },
  routed: { tone: 'teal', icon: '➜' },
  in_progress: { tone: 'warning', icon: '◷' },
  answered: { tone: 'success', icon: '✓' },
  closed: { tone: 'muted', icon: '■' },
  declined: { tone: 'danger', icon: '✕' },
  not_competent: { tone: 'orange', icon: '↗' },
  duplicate: { tone: 'muted', icon: '⧉' },
};

const isCityUnit = (value: string): value is CityUnit => (CITY_UNITS as readonly string[]).includes(value);

/** Human names for the appeal module's codes: statuses, kinds, units, groups, event kinds, roles. */
export function useAppealLabels() {
  const { t, i18n } = useTranslation();
  const { localized } = useLocale();
  const districts = useDistricts();

  const status = useCallback((s: AppealStatus) => t(`appeals.status.${s}.label`), [t]);
  const statusHelp = useCallback((s: AppealStatus) => t(`appeals.status.${s}.help`), [t]);
  const kind = useCallback((k: AppealKind) => t(`appeals.kind.${k}`), [t]);

  const group = useCallback((g: string) => (isKnownGroup(g) ? t(`appeals.group.${g}`) : g.replaceAll('_', ' ')), [t]);

  const district = useCallback(
    (id: string | null | undefined): string | null => {
      if (!id) return null;
      const found = districts.data?.find((d) => d.id === id || d.code === id);
      return found ? localized(found.name) : id;
    },
    [districts.data, localized],
  );

  /**
   * `precinct:<id>` → "Участковый пункт almaly-014 «…»" (its name when the appeal carries it),
   * `district:<id>` → "Алмалинское РУП", `city:<unit>` → the city unit's name.
   */
  const unit = useCallback(
    (value: string | null | undefined, precinct?: { id: string; code: string; name: LocalizedText } | null): string => {
      if (!value) return t('appeals.units.none');
      const [type, id = ''] = value.split(':', 2) as [string, string | undefined];
      if (type === 'city' && isCityUnit(id)) return t(`appeals.units.city.${id}`);
      if (type === 'district') return t('appeals.units.district', { name: district(id) ?? id });
      if (type === 'precinct') {
        if (precinct && precinct.id === id) return t('appeals.units.precinct', { name: localized(precinct.name), code: precinct.code });
        return t('appeals.units.precinctId', { id });
      }
      return value;
    },
    [district, localized, t],
  );

  /** The role of whoever acted on the appeal: the resident, the system or a staff role. */
  const actor = useCallback(
    (role: string): string => {
      const own = `appeals.actor.${role}`;
      if (i18n.exists(own)) return t(own as 'appeals.actor.resident');
      const core = `roles.${role}`;
      return i18n.exists(core) ? t(core as 'roles.editor') : role;
    },
    [i18n, t],
  );

  /** What happened in a timeline event; the status label when the kind is one the page does not know. */
  const event = useCallback(
    (kindCode: string, s: AppealStatus | null): string => {
      if (kindCode === 'status' && s) return t('appeals.event.statusChanged', { status: status(s) });
      const key = `appeals.event.${kindCode}`;
      if (i18n.exists(key)) return t(key as 'appeals.event.created');
      return s ? t('appeals.event.statusChanged', { status: status(s) }) : t('appeals.event.other');
    },
    [i18n, status, t],
  );

  /** The report item a category answers: "п.3" in Russian, "3-тармақ" in Kazakh, "item 3" in English. */
  const sourceItem = useCallback(
    (item: string): string => {
      const m = /^(?:п\.?\s*)?(\d+)$/i.exec(item.trim());
      return m ? t('appeals.category.item', { number: m[1] }) : item;
    },
    [t],
  );

  return { status, statusHelp, kind, group, district, unit, actor, event, sourceItem, localized };
}
