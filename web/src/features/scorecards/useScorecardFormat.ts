import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { kazakhDates } from '../../i18n/intl-fallback';
import { useLocale } from '../../i18n/useLocale';
import type { IndicatorUnit } from './scorecards.types';

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * Formatters for the performance pages, in the reader's language: money (integer tiyn → tenge),
 * values in their indicator's unit, period codes, percentages of achievement.
 */
export function useScorecardFormat() {
  const { t } = useTranslation();
  const { locale, numberLocale, kazakhFallback, formatDate } = useLocale();

  const f = useMemo(
    () => ({
      integer: new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 }),
      signed: new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      percent: new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 1 }),
      signedPercent: new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      tenge: new Intl.NumberFormat(numberLocale, { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }),
      tengeExact: new Intl.NumberFormat(numberLocale, { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }),
      month: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      shortMonth: new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }),
    }),
    [locale, numberLocale],
  );

  /** Integer tiyn → "409 178 000 ₸" (tiyn shown only when there are any, unless `rounded`). */
  const money = useCallback(
    (tiyn: number | null | undefined, rounded = false): string => {
      if (tiyn === null || tiyn === undefined) return '—';
      return rounded || tiyn % 100 === 0 ? f.tenge.format(Math.round(tiyn / 100)) : f.tengeExact.format(tiyn / 100);
    },
    [f],
  );

  /** A plain number: whole numbers as such, others to one decimal. */
  const number = useCallback((value: number | null | undefined): string => (value === null || value === undefined ? '—' : f.decimal.format(value)), [f]);

  /** A value in its indicator's unit: "2 863", "44,3 %", "12,4 на 100 000 жителей". */
  const value = useCallback(
    (v: number | null | undefined, unit: IndicatorUnit): string => {
      if (v === null || v === undefined) return '—';
      switch (unit) {
        case 'percent':
          return f.percent.format(v / 100);
        case 'tenge':
          return f.tenge.format(v);
        case 'per_100k':
          return t('scorecards.units.per_100k', { value: f.decimal.format(v) });
        case 'residents':
          return t('scorecards.units.residents', { value: f.decimal.format(v) });
        case 'days':
          return t('scorecards.units.days', { value: f.decimal.format(v) });
        case 'minutes':
          return t('scorecards.units.minutes', { value: f.decimal.format(v) });
        default:
          return f.decimal.format(v);
      }
    },
    [f, t],
  );

  /** Achievement in percent (100 = met) → "87 %". */
  const achievement = useCallback((percent: number | null | undefined): string => (percent === null || percent === undefined ? '—' : f.percent.format(percent / 100)), [f]);

  /** A percentage change → "+12,5 %". */
  const changePercent = useCallback((percent: number | null | undefined): string => (percent === null || percent === undefined ? '—' : f.signedPercent.format(percent / 100)), [f]);

  /** A change in an indicator's unit, signed: "+3 206", "+21,1 п.п." (percentage points). */
  const change = useCallback(
    (v: number | null | undefined, unit: IndicatorUnit): string => {
      if (v === null || v === undefined) return '—';
      const signedValue = f.signed.format(v);
      if (unit === 'percent') return t('scorecards.units.points', { value: signedValue });
      if (unit === 'per_100k' || unit === 'residents' || unit === 'days' || unit === 'minutes') return t(`scorecards.units.${unit}`, { value: signedValue });
      if (unit === 'tenge') return `${signedValue} ₸`;
      return signedValue;
    },
    [f, t],
  );

  /** A signed difference → "+15", "−3". */
  const signed = useCallback((v: number | null | undefined): string => (v === null || v === undefined ? '—' : f.signed.format(v)), [f]);

  /** A period code (2021, 2021-Q1, 2021-03, 2021-03-15) as words. */
  const period = useCallback(
    (code: string, short = false): string => {
      const quarter = QUARTER.exec(code);
      if (quarter) return t('scorecards.period.quarter', { year: quarter[1], quarter: ROMAN[Number(quarter[2]) - 1], q: quarter[2] });
      const month = MONTH.exec(code);
      if (month) {
        const [year, monthNumber] = [Number(month[1]), Number(month[2])];
        if (kazakhFallback) return short ? kazakhDates.shortMonth(year, monthNumber) : kazakhDates.month(year, monthNumber);
        return (short ? f.shortMonth : f.month).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
      }
      if (DAY.test(code)) return formatDate(`${code}T12:00:00+06:00`);
      return code;
    },
    [f, formatDate, kazakhFallback, t],
  );

  /** An ISO date (YYYY-MM-DD) as the reader writes dates. */
  const day = useCallback((iso: string | null | undefined): string => (iso ? (DAY.test(iso) ? formatDate(`${iso}T12:00:00+06:00`) : formatDate(iso)) : '—'), [formatDate]);

  /** "1 мар. 2021 – 28 мар. 2021" */
  const range = useCallback((start: string, end: string): string => (start === end ? day(start) : `${day(start)} – ${day(end)}`), [day]);

  return { money, number, value, change, achievement, changePercent, signed, period, day, range, integer: (v: number) => f.integer.format(v) };
}
