import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Select } from '../../ui/fields';
import { CITY, type IndicatorSummary } from './performance.types';
import { usePerformanceLabels } from './usePerformanceStaff';

export interface IndicatorSelectProps {
  id: string;
  indicators: readonly IndicatorSummary[];
  value: string;
  onChange: (indicatorId: string) => void;
  error?: string;
  disabled?: boolean;
  /** Hide the search box (short lists). */
  searchable?: boolean;
}

interface Group {
  key: string;
  label: string;
  items: IndicatorSummary[];
}

/**
 * An indicator picker: a search box that narrows a native select grouped by programme and
 * department. Native, so it works with every screen reader and on every phone.
 */
export function IndicatorSelect({ id, indicators, value, onChange, error, disabled, searchable = true }: IndicatorSelectProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const { departmentName, indicatorName } = usePerformanceLabels();
  const [query, setQuery] = useState('');
  const countId = useId();

  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matches = (indicator: IndicatorSummary) =>
      !needle ||
      indicator.id === value ||
      [indicator.code, indicator.name.ru, indicator.name.kk, indicator.name.en, localized(indicator.programme?.name), departmentName(indicator.department)]
        .join(' ')
        .toLowerCase()
        .includes(needle);
    const byKey = new Map<string, Group & { programme: string; city: boolean; department: string }>();
    for (const indicator of indicators) {
      if (!matches(indicator)) continue;
      const programme = indicator.programme ? localized(indicator.programme.name) : '';
      const department = departmentName(indicator.department);
      const key = `${indicator.programme?.code ?? ''}|${indicator.department.id}`;
      let group = byKey.get(key);
      if (!group) {
        group = {
          key,
          label: `${programme || t('performanceStaff.select.noProgramme')} · ${department}`,
          items: [],
          programme,
          city: indicator.department.id === CITY,
          department,
        };
        byKey.set(key, group);
      }
      group.items.push(indicator);
    }
    const sorted = [...byKey.values()].sort(
      (a, b) =>
        Number(!a.programme) - Number(!b.programme) ||
        a.programme.localeCompare(b.programme) ||
        Number(b.city) - Number(a.city) ||
        a.department.localeCompare(b.department),
    );
    for (const group of sorted) group.items.sort((a, b) => indicatorName(a).localeCompare(indicatorName(b)));
    return sorted;
  }, [indicators, query, value, localized, departmentName, indicatorName, t]);

  const shown = groups.reduce((n, group) => n + group.items.length, 0);

  return (
    <div className="indicator-select">
      {searchable ? (
        <div className="field">
          <label htmlFor={`${id}-search`} className="field-label">
            {t('performanceStaff.select.search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className="input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('performanceStaff.select.searchPlaceholder')}
            aria-describedby={countId}
            autoComplete="off"
            disabled={disabled}
          />
          <p id={countId} className="field-hint" aria-live="polite">
            {t('performanceStaff.select.found', { shown, total: indicators.length })}
          </p>
        </div>
      ) : null}
      <Select
        id={id}
        label={t('performanceStaff.select.indicator')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        disabled={disabled}
        error={error}
      >
        <option value="">{t('common.choose')}</option>
        {groups.map((group) => (
          <optgroup key={group.key} label={group.label}>
            {group.items.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicatorName(indicator)} ({indicator.code})
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </div>
  );
}
