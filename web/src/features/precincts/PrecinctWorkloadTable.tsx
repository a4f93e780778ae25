import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadLevel, PrecinctSummary } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextInput } from '../../ui/fields';
import { LoadLevelBadge } from './LoadLevelBadge';
import { LOAD_LEVELS, levelRank } from './loadLevel';
import { usePrecinctFormat } from './usePrecinctFormat';

type SortKey = 'code' | 'district' | 'population' | 'inspectors' | 'perInspector' | 'level' | 'gapToNorm';
type Direction = 'ascending' | 'descending';

const PAGE = 40;

export interface PrecinctWorkloadTableProps {
  precincts: readonly PrecinctSummary[];
  /** Text to filter by, set from outside (a tap on the map). */
  search: string;
  onSearchChange: (value: string) => void;
}

/** Every precinct's load, sortable and filterable: the workload map's text alternative. */
export function PrecinctWorkloadTable({ precincts, search, onSearchChange }: PrecinctWorkloadTableProps) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const format = usePrecinctFormat();
  const [district, setDistrict] = useState('');
  const [level, setLevel] = useState<LoadLevel | ''>('');
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'perInspector', direction: 'descending' });
  const [limit, setLimit] = useState(PAGE);

  const districts = useMemo(() => {
    const byId = new Map(precincts.map((p) => [p.district.id, localized(p.district.name)]));
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [precincts, localized, locale]);

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(locale);
    const filtered = precincts.filter(
      (p) =>
        (!district || p.district.id === district) &&
        (!level || p.workload.level === level) &&
        (!needle || p.code.toLocaleLowerCase(locale).includes(needle) || localized(p.name).toLocaleLowerCase(locale).includes(needle)),
    );
    // Unknown values sort last whichever the direction.
    const value = (p: PrecinctSummary): string | number | null => {
      switch (sort.key) {
        case 'code':
          return p.code;
        case 'district':
          return localized(p.district.name);
        case 'population':
          return p.workload.population;
        case 'inspectors':
          return p.workload.inspectors;
        case 'perInspector':
          return p.workload.perInspector;
        case 'level':
          return levelRank(p.workload.level);
        case 'gapToNorm':
          return p.workload.gapToNorm;
      }
    };
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...filtered].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), locale, { numeric: true });
      return order * sign || a.code.localeCompare(b.code, locale, { numeric: true });
    });
  }, [precincts, district, level, search, sort, localized, locale]);

  const columns: { key: SortKey; label: string; num?: boolean }[] = [
    { key: 'code', label: t('precincts.workload.columns.precinct') },
    { key: 'district', label: t('precincts.workload.columns.district') },
    { key: 'population', label: t('precincts.workload.columns.population'), num: true },
    { key: 'inspectors', label: t('precincts.workload.columns.inspectors'), num: true },
    { key: 'perInspector', label: t('precincts.workload.columns.perInspector'), num: true },
    { key: 'level', label: t('precincts.workload.columns.level') },
    { key: 'gapToNorm', label: t('precincts.workload.columns.gapNorm'), num: true },
  ];
  const label = Object.fromEntries(columns.map((c) => [c.key, c.label])) as Record<SortKey, string>;

  const handleSort = (key: SortKey) => {
    // The same column again turns the order round; a new column starts from the natural order (names A–Z, figures largest first).
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'code' || key === 'district' ? 'ascending' : 'descending' },
    );
  };

  const shown = rows.slice(0, limit);
  return (
    <div className="stack">
      <div className="filters filters-inline precinct-filters" role="group" aria-label={t('precincts.workload.filters')}>
        <TextInput id="precinct-filter-q" label={t('precincts.workload.filterText')} type="search" value={search} onChange={(e) => onSearchChange(e.target.value)} />
        <Select id="precinct-filter-district" label={t('precincts.workload.columns.district')} value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{t('precincts.finder.allDistricts')}</option>
          {districts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
        <Select id="precinct-filter-level" label={t('precincts.workload.columns.level')} value={level} onChange={(e) => setLevel(e.target.value as LoadLevel | '')}>
          <option value="">{t('precincts.workload.allLevels')}</option>
          {LOAD_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`precincts.level.${l}`)}
            </option>
          ))}
        </Select>
        <Select
          id="precinct-sort"
          className="sort-select-narrow"
          label={t('precincts.workload.sortBy')}
          value={`${sort.key}:${sort.direction}`}
          onChange={(e) => {
            const [key, direction] = e.target.value.split(':') as [SortKey, Direction];
            setSort({ key, direction });
          }}
        >
          {columns.flatMap((c) =>
            (['descending', 'ascending'] as const).map((direction) => (
              <option key={`${c.key}:${direction}`} value={`${c.key}:${direction}`}>
                {c.label} — {t(`precincts.workload.${direction}`)}
              </option>
            )),
          )}
        </Select>
      </div>
      <p className="results-count small" role="status" aria-live="polite" data-testid="precinct-count">
        {t('precincts.workload.shown', { shown: format.integer(Math.min(limit, rows.length)), total: format.integer(rows.length), all: format.integer(precincts.length) })}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="precinct-workload-caption">
        <table className="table workload-table" data-testid="precinct-workload">
          <caption id="precinct-workload-caption">
            {t('precincts.workload.precinctCaption')}
            <span className="visually-hidden">
              {' '}
              {t('precincts.workload.sortedBy', { column: label[sort.key], direction: t(`precincts.workload.${sort.direction}`) })}
            </span>
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num-col' : undefined} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                  <button type="button" className="sort-button" onClick={() => handleSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} data-testid="precinct-workload-row" data-code={p.code}>
                <th scope="row" className="wide-cell">
                  {p.code} <span className="block small muted">{localized(p.name)}</span>
                </th>
                <td data-label={label.district}>{localized(p.district.name)}</td>
                <td data-label={label.population} className="num">
                  {format.integer(p.workload.population)}
                </td>
                <td data-label={label.inspectors} className="num">
                  {format.integer(p.workload.inspectors)}
                </td>
                <td data-label={label.perInspector} className="num">
                  {format.integer(p.workload.perInspector)}
                </td>
                <td data-label={label.level}>
                  <LoadLevelBadge level={p.workload.level} />
                </td>
                <td data-label={label.gapToNorm} className="num">
                  {p.workload.gapToNorm === null ? '—' : p.workload.gapToNorm > 0 ? `+${format.integer(p.workload.gapToNorm)}` : '0'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="state state-empty">{t('precincts.workload.noMatch')}</p> : null}
      {rows.length > limit ? (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setLimit(rows.length)}>
            {t('precincts.workload.showAll', { n: format.integer(rows.length) })}
          </button>
        </div>
      ) : null}
    </div>
  );
}
