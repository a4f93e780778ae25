import { useMemo } from 'react';
import { dateParts, kazakhDates } from '../../i18n/intl-fallback';
import { useLocale } from '../../i18n/useLocale';

/**
 * Numbers and dates of the analysis pages in the reader's language. Dates are written in the
 * dataset's own time zone (Vancouver's incidents happen on Vancouver's calendar), the city's otherwise.
 */
export function useCrimeFormat() {
  const { locale, numberLocale, kazakhFallback } = useLocale();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
    const percent1 = new Intl.NumberFormat(numberLocale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const share = new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 1 });
    const ratio = new Intl.NumberFormat(numberLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const decimal = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 3 });
    const inZone = (iso: string, timeZone: string, withTime: boolean) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      if (kazakhFallback) {
        const parts = dateParts(date, timeZone);
        return withTime ? kazakhDates.dateTime(parts) : kazakhDates.date(parts);
      }
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' as const } : {}), timeZone }).format(date);
    };
    return {
      integer: (n: number) => integer.format(n),
      /** A hit rate: 0.399 → "39,9 %". */
      hitRate: (f: number) => percent1.format(f),
      /** A share of area: 0.05 → "5 %", 0.005 → "0,5 %". */
      share: (f: number) => share.format(f),
      /** PAI, PEI: two decimals. */
      ratio: (n: number) => ratio.format(n),
      decimal: (n: number) => decimal.format(n),
      date: (iso: string, timeZone = 'Asia/Almaty') => inZone(iso, timeZone, false),
      dateTime: (iso: string, timeZone = 'Asia/Almaty') => inZone(iso, timeZone, true),
    };
  }, [locale, numberLocale, kazakhFallback]);
}

export type CrimeFormat = ReturnType<typeof useCrimeFormat>;
