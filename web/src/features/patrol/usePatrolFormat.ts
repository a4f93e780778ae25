import { useMemo } from 'react';
import { useLocale } from '../../i18n/useLocale';

/** Numbers of the patrol page in the reader's language. */
export function usePatrolFormat() {
  const { numberLocale } = useLocale();
  return useMemo(() => {
    const share = new Intl.NumberFormat(numberLocale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2 });
    const risk = new Intl.NumberFormat(numberLocale, { maximumSignificantDigits: 2 });
    const coordinate = new Intl.NumberFormat('en-US', { minimumFractionDigits: 5, maximumFractionDigits: 5, useGrouping: false });
    return {
      /** 0.4593 → "45,9 %" */
      share: (value: number) => share.format(value),
      /** Percentage points between two shares, one decimal. */
      points: (a: number, b: number) => decimal.format(Math.round((a - b) * 1000) / 10),
      integer: (value: number) => integer.format(value),
      decimal: (value: number) => decimal.format(value),
      risk: (value: number) => risk.format(value),
      /** Coordinates as GPS devices show them: a point and five decimals (about a metre). */
      coordinate: (value: number) => coordinate.format(value),
    };
  }, [numberLocale]);
}
