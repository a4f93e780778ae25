import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeDataset, CrimeLine, IncidentPeriod } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextInput } from '../../ui/fields';
import { lineColour } from './crime-map.colours';
import { isIsoDate, lastDays } from './crime-map.dates';

/** The staff map's filters as the form holds them; hours are a range (across midnight allowed). */
export interface StaffFilterState {
  dataset: string;
  from: string;
  to: string;
  lines: string[];
  period: IncidentPeriod;
  /** '' = any hour. */
  hourFrom: string;
  hourTo: string;
  weekdays: number[];
}

export interface StaffFiltersProps {
  datasets: readonly CrimeDataset[];
  lines: readonly CrimeLine[];
  value: StaffFilterState;
  onChange: (next: StaffFilterState) => void;
  /** The dataset's last day (in its zone): the period presets end there. */
  lastDay: string | null;
  onReset: () => void;
}

const PERIODS: readonly IncidentPeriod[] = ['all', 'day', 'night'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const PRESETS = [28, 90, 365] as const;
const WIDE = '(min-width: 960px)';

function wide(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches;
}

/**
 * The staff map's filters: dataset, period, lines, time of day, hours and weekdays. On a phone they
 * fold into one disclosure so that the map stays in view; on a wide screen they start open.
 */
export function StaffFilters({ datasets, lines, value, onChange, lastDay, onReset }: StaffFiltersProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const [open, setOpen] = useState(wide);
  const set = <K extends keyof StaffFilterState>(key: K, v: StaffFilterState[K]) => onChange({ ...value, [key]: v });
  const toggle = (list: readonly number[], n: number) => (list.includes(n) ? list.filter((x) => x !== n) : [...list, n].sort((a, b) => a - b));

  // Opening and closing follow the user; only a screen that becomes wide opens them by itself.
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(WIDE);
    const handleChange = () => {
      if (query.matches) setOpen(true);
    };
    query.addEventListener('change', handleChange);
    return () => query.removeEventListener('change', handleChange);
  }, []);

  const active = [
    value.lines.length ? t('crimeMap.filters.activeLines', { n: value.lines.length }) : null,
    value.period !== 'all' ? t(`crimeMap.filters.periods.${value.period}`) : null,
    value.hourFrom !== '' || value.hourTo !== '' ? t('crimeMap.filters.activeHours') : null,
    value.weekdays.length ? t('crimeMap.filters.activeWeekdays', { n: value.weekdays.length }) : null,
  ].filter(Boolean);

  return (
    <details className="disclosure crime-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="crime-filters">
      <summary>
        {t('crimeMap.filters.title')}
        {active.length ? <span className="crime-filters-active"> · {active.join(' · ')}</span> : null}
      </summary>
      <form className="crime-filter-form" onSubmit={(e) => e.preventDefault()} aria-label={t('crimeMap.filters.title')}>
        <Select id="crime-dataset" label={t('crimeMap.filters.dataset')} value={value.dataset} onChange={(e) => set('dataset', e.target.value)}>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {d.synthetic ? ` (${t('crimeMap.filters.synthetic')})` : ''}
            </option>
          ))}
        </Select>

        <fieldset className="fieldset">
          <legend>{t('crimeMap.filters.dates')}</legend>
          <div className="crime-filter-pair">
            <TextInput id="crime-from" type="date" label={t('crimeMap.filters.from')} value={value.from} max={value.to || undefined} onChange={(e) => (e.target.value === '' || isIsoDate(e.target.value) ? set('from', e.target.value) : undefined)} />
            <TextInput id="crime-to" type="date" label={t('crimeMap.filters.to')} value={value.to} min={value.from || undefined} onChange={(e) => (e.target.value === '' || isIsoDate(e.target.value) ? set('to', e.target.value) : undefined)} />
          </div>
          {lastDay ? (
            <div className="button-row" role="group" aria-label={t('crimeMap.filters.presets')}>
              {PRESETS.map((days) => {
                const span = lastDays(lastDay, days);
                const current = value.from === span.from && value.to === span.to;
                return (
                  <button key={days} type="button" className="button button-secondary button-small" aria-pressed={current} onClick={() => onChange({ ...value, ...span })}>
                    {t('crimeMap.filters.lastDays', { n: days })}
                  </button>
                );
              })}
            </div>
          ) : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('crimeMap.filters.period')}</legend>
          <div className="radio-row">
            {PERIODS.map((p) => (
              <label key={p} className="radio">
                <input type="radio" name="crime-period" value={p} checked={value.period === p} onChange={() => set('period', p)} />
                {t(`crimeMap.filters.periods.${p}`)}
              </label>
            ))}
          </div>
          <p className="field-hint">{t('crimeMap.filters.periodHint')}</p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('crimeMap.filters.hours')}</legend>
          <div className="crime-filter-pair is-compact">
            <Select id="crime-hour-from" label={t('crimeMap.filters.hourFrom')} value={value.hourFrom} onChange={(e) => set('hourFrom', e.target.value)}>
              <option value="">{t('crimeMap.filters.anyHour')}</option>
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {`${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </Select>
            <Select id="crime-hour-to" label={t('crimeMap.filters.hourTo')} value={value.hourTo} onChange={(e) => set('hourTo', e.target.value)}>
              <option value="">{t('crimeMap.filters.anyHour')}</option>
              {HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {`${String(h).padStart(2, '0')}:59`}
                </option>
              ))}
            </Select>
          </div>
          <p className="field-hint">{t('crimeMap.filters.hoursHint')}</p>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('crimeMap.filters.weekdays')}</legend>
          <div className="weekday-row">
            {WEEKDAYS.map((d) => (
              <label key={d} className="radio weekday">
                <input type="checkbox" checked={value.weekdays.includes(d)} onChange={() => set('weekdays', toggle(value.weekdays, d))} />
                <span aria-hidden="true">{t(`crimeMap.weekdays.short.${d}`)}</span>
                <span className="visually-hidden">{t(`crimeMap.weekdays.long.${d}`)}</span>
              </label>
            ))}
          </div>
          <p className="field-hint">{t('crimeMap.filters.anyWhenNone')}</p>
        </fieldset>

        <fieldset className="fieldset crime-line-filter">
          <legend>{t('crimeMap.filters.lines')}</legend>
          <ul className="line-options" data-testid="line-filter">
            {lines.map((l) => (
              <li key={l.code}>
                <label className="radio">
                  <input
                    type="checkbox"
                    value={l.code}
                    checked={value.lines.includes(l.code)}
                    onChange={() => set('lines', value.lines.includes(l.code) ? value.lines.filter((c) => c !== l.code) : [...value.lines, l.code])}
                  />
                  <span className="line-swatch" style={{ background: lineColour(l.code) }} aria-hidden="true" />
                  {localized(l.name)}
                </label>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('crimeMap.filters.anyWhenNone')}</p>
          {value.lines.length ? (
            <button type="button" className="button-link" onClick={() => set('lines', [])}>
              {t('crimeMap.filters.clearLines')}
            </button>
          ) : null}
        </fieldset>

        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('crimeMap.filters.reset')}
          </button>
        </div>
      </form>
    </details>
  );
}
