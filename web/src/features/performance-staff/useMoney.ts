import { useMemo } from 'react';
import { useLocale } from '../../i18n/useLocale';

/** Tiyn → tenge for reading, in the reader's locale (display only: sums are the server's, exact). */
export function useMoney() {
  const { locale } = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return (tiyn: number | null) => (tiyn === null ? '—' : `${format.format(tiyn / 100)} ₸`);
  }, [locale]);
}
