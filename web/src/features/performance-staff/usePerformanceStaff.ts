import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { performanceStaffApi } from './performance-staff.api';
import type { Department, IndicatorCard, IndicatorSummary, Light, ProgrammeSummary } from './performance.types';

/** Every indicator, to pick one from, with its programme's name (cards carry both). */
export function useIndicatorList() {
  return useQuery((signal) => performanceStaffApi.cards(signal).then((r): IndicatorSummary[] => r.items), []);
}

/** Every indicator as a full card (thresholds, note, official), with the programmes, for the analysts' page. */
async function loadCards(signal: AbortSignal): Promise<{ indicators: IndicatorCard[]; programmes: ProgrammeSummary[] }> {
  const [cards, programmes] = await Promise.all([performanceStaffApi.cards(signal), performanceStaffApi.programmes(signal)]);
  return { indicators: cards.items, programmes: programmes.items };
}

export function useIndicatorCards() {
  return useQuery(loadCards, []);
}

export function useProgrammeList() {
  return useQuery((signal) => performanceStaffApi.programmes(signal).then((r) => r.items), []);
}

/** Indicators a user may enter values for: all for a city account, its own district's otherwise. */
export function indicatorsInScope<T extends IndicatorSummary>(indicators: readonly T[], user: SessionUser | null | undefined): T[] {
  return indicators.filter((indicator) => coversUnit(user, indicator.department.id));
}

/** Whether a user's scope covers a unit ('city' or a district): a city account covers every unit. */
export function coversUnit(user: SessionUser | null | undefined, unitId: string): boolean {
  if (!user) return false;
  return user.scope.kind === 'city' || user.scope.districtId === unitId;
}

/** Labels shared by the staff pages: departments, units, lights, numbers with units. */
export function usePerformanceLabels() {
  const { t } = useTranslation();
  const { localized, formatNumber } = useLocale();

  const departmentName = useCallback(
    (department: Department | undefined) => (department ? localized(department.name) || department.id : ''),
    [localized],
  );

  const indicatorName = useCallback((indicator: IndicatorSummary) => localized(indicator.name) || indicator.code, [localized]);

  const valueWithUnit = useCallback(
    (indicator: Pick<IndicatorSummary, 'unit'>, value: number | null | undefined) =>
      value === null || value === undefined ? '—' : t(`performanceStaff.unitValue.${indicator.unit}`, { value: formatNumber(value) }),
    [t, formatNumber],
  );

  const lightLabel = useCallback((light: Light) => t(`performanceStaff.light.${light}`), [t]);

  return { departmentName, indicatorName, valueWithUnit, lightLabel };
}
