import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompstatRow } from '../../api/crime-map.contract';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextInput } from '../../ui/fields';
import { QueryBlock } from '../../ui/QueryBlock';
import { crimeMapApi } from './crime-map.api';
import { compstatDefault, isIsoDate, type DateWindow } from './crime-map.dates';
import { CompstatTable } from './CompstatTable';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export interface CompstatPanelProps {
  dataset: string;
  /** The map's line filter (empty = all lines). */
  lines: readonly string[];
  /** The dataset's last day: the default recent window ends there. */
  lastDay: string;
  lineName: (code: string | null) => string;
}

const valid = (w: DateWindow) => isIsoDate(w.from) && isIsoDate(w.to) && w.from <= w.to;

/**
 * CompStat: incidents per district and line in two periods (by default the last 28 days against the
 * same 28 days a year earlier), with the change in numbers and per cent.
 */
export function CompstatPanel({ dataset, lines, lastDay, lineName }: CompstatPanelProps) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const format = useCrimeMapFormat();
  const defaults = useMemo(() => compstatDefault(lastDay), [lastDay]);
  const [earlier, setEarlier] = useState(defaults.earlier);
  const [recent, setRecent] = useState(defaults.recent);
  const [district, setDistrict] = useState('');
  const ready = valid(earlier) && valid(recent);
  const linesKey = lines.join(',');
  const rows = useQuery(
    (signal) => (ready ? crimeMapApi.compstat({ dataset, lines, from1: earlier.from, to1: earlier.to, from2: recent.from, to2: recent.to }, signal) : Promise.resolve(undefined)),
    [dataset, linesKey, earlier.from, earlier.to, recent.from, recent.to, ready],
  );

  const districts = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of rows.data ?? []) if (r.area) names.set(r.area, r.areaName ? localized(r.areaName) : r.area);
    return [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [rows.data, localized, locale]);
  const shown = useMemo<CompstatRow[]>(() => (rows.data ?? []).filter((r) => !district || r.area === district), [rows.data, district]);

  const windowFields = (id: string, legend: string, value: DateWindow, onChange: (w: DateWindow) => void) => (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="crime-filter-pair">
        <TextInput
          id={`${id}-from`}
          type="date"
          label={t('crimeMap.filters.from')}
          value={value.from}
          max={value.to}
          error={value.from > value.to ? t('crimeMap.compstat.order') : undefined}
          onChange={(e) => onChange({ ...value, from: e.target.value })}
        />
        <TextInput id={`${id}-to`} type="date" label={t('crimeMap.filters.to')} value={value.to} min={value.from} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </div>
    </fieldset>
  );

  return (
    <section className="card section compstat-panel" aria-labelledby="compstat-title" data-testid="compstat">
      <h2 id="compstat-title">{t('crimeMap.compstat.title')}</h2>
      <p>{t('crimeMap.compstat.intro')}</p>
      <form className="compstat-form" onSubmit={(e) => e.preventDefault()} aria-label={t('crimeMap.compstat.periods')}>
        {windowFields('compstat-earlier', t('crimeMap.compstat.earlier'), earlier, setEarlier)}
        {windowFields('compstat-recent', t('crimeMap.compstat.recent'), recent, setRecent)}
        <div className="compstat-form-side">
          <Select id="compstat-district" label={t('crimeMap.compstat.district')} value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('crimeMap.compstat.allDistricts')}</option>
            {districts.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setEarlier(defaults.earlier);
              setRecent(defaults.recent);
            }}
          >
            {t('crimeMap.compstat.default')}
          </button>
        </div>
      </form>
      <p className="small muted">{lines.length ? t('crimeMap.compstat.linesFiltered', { n: lines.length }) : t('crimeMap.compstat.allLines')}</p>
      <QueryBlock query={rows}>
        {(data) =>
          !data ? null : data.length ? (
            <CompstatTable
              rows={shown}
              lineName={lineName}
              periods={{ earlier: `${format.day(earlier.from)} – ${format.day(earlier.to)}`, recent: `${format.day(recent.from)} – ${format.day(recent.to)}` }}
            />
          ) : (
            <p>{t('crimeMap.compstat.empty')}</p>
          )
        }
      </QueryBlock>
    </section>
  );
}
