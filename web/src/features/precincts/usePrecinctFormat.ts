import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceptionPoint } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';

/** Formatters of the precinct pages in the reader's language. */
export function usePrecinctFormat() {
  const { t } = useTranslation();
  const { numberLocale } = useLocale();
  const f = useMemo(
    () => ({
      integer: new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 }),
      km: new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 }),
    }),
    [numberLocale],
  );

  /** A count or "—" when unknown. */
  const integer = useCallback((value: number | null | undefined) => (value === null || value === undefined ? '—' : f.integer.format(value)), [f]);

  const distance = useCallback(
    (metres: number) => (metres < 1000 ? t('precincts.units.metres', { value: f.integer.format(Math.round(metres / 10) * 10) }) : t('precincts.units.km', { value: f.km.format(metres / 1000) })),
    [f, t],
  );

  /** Today's hours of a reception point in words. */
  const todayHours = useCallback(
    (point: Pick<ReceptionPoint, 'allDay' | 'today'>) => {
      if (point.allDay) return t('precincts.hours.allDay');
      if (!point.today) return t('precincts.hours.closedToday');
      return t('precincts.hours.today', { opens: point.today.opens, closes: point.today.closes });
    },
    [t],
  );

  return { integer, distance, todayHours };
}
