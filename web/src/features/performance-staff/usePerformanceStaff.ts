import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { performanceStaffApi } from './performance-staff.api';
import type { Department, IndicatorCard, IndicatorSummary, Light, OpenIndicator, ProgrammeSummary } from './performance.types';

function summaryOf(indicator: OpenIndicator, programmes: ReadonlyMap<string, ProgrammeSummary>): IndicatorSummary {
  const { values: _values, source, programme: code, ...rest } = indicator;
  const programme = code ? programmes.get(code) : undefined;
  return { ...rest, dataSource: source, programme: programme ? { code: programme.code, name: programme.name } : null };
}

async function loadCatalogue(signal: AbortSignal): Promise<{ indicators: IndicatorSummary[]; programmes: ProgrammeSummary[] }> {
  const [list, programmes] = await Promise.all([performanceStaffApi.indicators(signal), performanceStaffApi.programmes(signal)]);
  const byCode = new Map(programmes.items.map((p) => [p.code, p]));
  return { indicators: list.items.map((i) => summaryOf(i, byCode)), programmes: programmes.items };
}

/** Every indicator, to pick one from, with its programme's name. */
export function useIndicatorList() {
  return useQuery((signal) => loadCatalogue(signal).then((c) => c.indicators), []);
}

/**
 * Every indicator as a full card (thresholds, note, official), for the analysts' page. The list
 * endpoint leaves thresholds out, so the cards come from the programmes' scorecards and, for
 * indicators outside any programme, from their own detail.
 */
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
