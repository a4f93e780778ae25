import { useMemo } from 'react';
import { dateParts, kazakhDates } from '../../i18n/intl-fallback';
import { useLocale } from '../../i18n/useLocale';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Numbers, months, dates and incident times for the crime map, in the current language. */
export function useCrimeMapFormat() {
  const { locale, numberLocale, kazakhFallback } = useLocale();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 });
    const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const zoned = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>();
    const zonedFormats = (timeZone: string) => {
      let f = zoned.get(timeZone);
      if (!f) {
        f = {
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
          dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
        };
        zoned.set(timeZone, f);
      }
      return f;
    };
    const month = (value: string) => {
      const [y, m] = value.split('-').map(Number) as [number, number];
      return kazakhFallback ? kazakhDates.month(y, m) : monthFormat.format(new Date(Date.UTC(y, m - 1, 15)));
    };
    return {
      integer: (value: number) => integer.format(value),
      /** Up to one decimal (densities). */
      decimal: (value: number) => decimal.format(value),
      /** "+12" / "−3" / "0" (a real minus sign). */
      signed: (value: number) => (value > 0 ? `+${integer.format(value)}` : value < 0 ? `−${integer.format(-value)}` : integer.format(0)),
      signedPercent: (value: number) => (value > 0 ? `+${decimal.format(value)} %` : value < 0 ? `−${decimal.format(-value)} %` : `${decimal.format(0)} %`),
      /** "ноябрь 2026 г." from "2026-11". */
      month,
      /** The same, capitalised, for a list of months. */
      monthTitle: (value: string) => capitalise(month(value)),
      /** A calendar day ("2026-11-25"). */
      day: (value: string) => {
        const [y, m, d] = value.split('-').map(Number) as [number, number, number];
        return kazakhFallback ? kazakhDates.date({ year: y, month: m, day: d, hour: 0, minute: 0 }) : dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
      },
      /** When an incident happened, in its dataset's time zone; the date only when its time is unknown. */
      incidentTime: (iso: string, timeZone: string, timeKnown: boolean) => {
        const date = new Date(iso);
        if (kazakhFallback) {
          const parts = dateParts(date, timeZone);
          return timeKnown ? kazakhDates.dateTime(parts) : kazakhDates.date(parts);
        }
        const f = zonedFormats(timeZone);
        return (timeKnown ? f.dateTime : f.date).format(date);
      },
    };
  }, [locale, numberLocale, kazakhFallback]);
}

export type CrimeMapFormat = ReturnType<typeof useCrimeMapFormat>;
