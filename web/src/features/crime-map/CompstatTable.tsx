import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompstatRow } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { Select } from '../../ui/fields';
import { useCrimeMapFormat } from './useCrimeMapFormat';

type SortKey = 'area' | 'line' | 'period1' | 'period2' | 'change' | 'changePercent';
type Direction = 'ascending' | 'descending';

const COLUMNS: readonly { key: SortKey; num: boolean }[] = [
  { key: 'area', num: false },
  { key: 'line', num: false },
  { key: 'period1', num: true },
  { key: 'period2', num: true },
  { key: 'change', num: true },
  { key: 'changePercent', num: true },
];
const FIRST_ROWS = 15;

export interface CompstatTableProps {
  rows: readonly CompstatRow[];
  lineName: (code: string | null) => string;
  /** The two periods as text, for the column headings. */
  periods: { earlier: string; recent: string };
}

/** A change with an arrow and a word, so that it never rests on colour: more incidents is worse. */
function Change({ value, text }: { value: number; text: string }) {
  const { t } = useTranslation();
  const kind = value > 0 ? 'up' : value < 0 ? 'down' : 'same';
  return (
    <span className={`change change-${kind}`} data-change={kind}>
      <span aria-hidden="true">{kind === 'up' ? '▲' : kind === 'down' ? '▼' : '＝'} </span>
      {text}
      <span className="visually-hidden"> ({t(`crimeMap.compstat.${kind}`)})</span>
    </span>
  );
}

/** CompStat rows per district and line, sortable by any column; the biggest rises first by default. */
export function CompstatTable({ rows, lineName, periods }: CompstatTableProps) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const format = useCrimeMapFormat();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'change', direction: 'descending' });
  const [all, setAll] = useState(false);
  const areaName = (r: CompstatRow) => (r.areaName ? localized(r.areaName) : (r.area ?? t('crimeMap.compstat.outside')));
  const label: Record<SortKey, string> = {
    area: t('crimeMap.compstat.columns.area'),
    line: t('crimeMap.compstat.columns.line'),
    period1: t('crimeMap.compstat.columns.period1', { period: periods.earlier }),
    period2: t('crimeMap.compstat.columns.period2', { period: periods.recent }),
    change: t('crimeMap.compstat.columns.change'),
    changePercent: t('crimeMap.compstat.columns.changePercent'),
  };
  // A phone shows each row as a block labelled per cell: there the periods go by their number alone.
  const short = { period1: t('crimeMap.compstat.earlierShort'), period2: t('crimeMap.compstat.recentShort') };

  const sorted = useMemo(() => {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const text = (r: CompstatRow) => (sort.key === 'area' ? areaName(r) : lineName(r.line));
    return [...rows].sort((a, b) => {
      if (sort.key === 'area' || sort.key === 'line') return sign * text(a).localeCompare(text(b), locale);
      const x = a[sort.key];
      const y = b[sort.key];
      // Rows without a percentage (nothing in the first period) sort last whichever the direction.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * (x - y) || areaName(a).localeCompare(areaName(b), locale);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, sort, locale, lineName, localized]);
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);
  const totals = rows.reduce((s, r) => ({ p1: s.p1 + r.period1, p2: s.p2 + r.period2 }), { p1: 0, p2: 0 });
  const totalPercent = totals.p1 > 0 ? Math.round(((totals.p2 - totals.p1) / totals.p1) * 1000) / 10 : null;

  const handleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: key === 'area' || key === 'line' ? 'ascending' : 'descending' }));

  return (
    <div className="table-block">
      <Select
        id="compstat-sort"
        className="sort-select-narrow compstat-sort"
        label={t('crimeMap.compstat.sortBy')}
        value={`${sort.key}:${sort.direction}`}
        onChange={(e) => {
          const [key, direction] = e.target.value.split(':') as [SortKey, Direction];
          setSort({ key, direction });
        }}
      >
        {COLUMNS.flatMap((c) =>
          (['descending', 'ascending'] as const).map((direction) => (
            <option key={`${c.key}:${direction}`} value={`${c.key}:${direction}`}>
              {label[c.key]} — {t(`crimeMap.compstat.${direction}`)}
            </option>
          )),
        )}
      </Select>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="compstat-caption">
        <table className="table table-stacked compstat-table" data-testid="compstat-table">
          <caption id="compstat-caption">
            {t('crimeMap.compstat.caption')}
            <span className="visually-hidden">
              {' '}
              {t('crimeMap.compstat.sortedBy', { column: label[sort.key], direction: t(`crimeMap.compstat.${sort.direction}`) })}
            </span>
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.num ? 'num-col' : undefined} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                  <button type="button" className="sort-button" onClick={() => handleSort(c.key)}>
                    {label[c.key]}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.area ?? '-'}|${r.line ?? '-'}`} data-testid="compstat-row" data-change={r.change > 0 ? 'up' : r.change < 0 ? 'down' : 'same'}>
                <th scope="row">{areaName(r)}</th>
                <td data-label={label.line}>{lineName(r.line)}</td>
                <td data-label={short.period1} className="num">
                  {format.integer(r.period1)}
                </td>
                <td data-label={short.period2} className="num">
                  {format.integer(r.period2)}
                </td>
                <td data-label={label.change} className="num">
                  <Change value={r.change} text={format.signed(r.change)} />
                </td>
                <td data-label={label.changePercent} className="num">
                  {r.changePercent === null ? <span className="muted">{t('crimeMap.compstat.noBase')}</span> : <Change value={r.changePercent} text={format.signedPercent(r.changePercent)} />}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="compstat-total">
              <th scope="row" colSpan={2}>
                {t('crimeMap.compstat.total')}
              </th>
              <td data-label={short.period1} className="num">
                {format.integer(totals.p1)}
              </td>
              <td data-label={short.period2} className="num">
                {format.integer(totals.p2)}
              </td>
              <td data-label={label.change} className="num">
                <Change value={totals.p2 - totals.p1} text={format.signed(totals.p2 - totals.p1)} />
              </td>
              <td data-label={label.changePercent} className="num">
                {totalPercent === null ? '—' : <Change value={totalPercent} text={format.signedPercent(totalPercent)} />}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {sorted.length > FIRST_ROWS ? (
        <button type="button" className="button-link" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('crimeMap.compstat.showFewer') : t('crimeMap.compstat.showAll', { n: format.integer(sorted.length) })}
        </button>
      ) : null}
    </div>
  );
}
