import { useMemo } from 'react';
import { useLocale } from '../../i18n/useLocale';

/** "+77270000001" → "+7 727 000 00 01"; other numbers as they are. */
export function formatPhone(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  // No-break spaces: a phone number never wraps.
  return m ? `+7\u00a0${m[1]}\u00a0${m[2]}\u00a0${m[3]}\u00a0${m[4]}` : phone;
}

/** Numbers, tenge, shares and minutes in the reader's language, with the locale's dates. */
export function useTowFormat() {
  const locale = useLocale();
  const { numberLocale, locale: tag } = locale;
  const numbers = useMemo(() => {
    const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' });
    // Numeric day and month (19.11, 17:24): short in a table, and right in Kazakh even without Intl's Kazakh data.
    const dayMonth = new Intl.DateTimeFormat(numberLocale, { day: '2-digit', month: '2-digit', timeZone: 'Asia/Almaty' });
    const dayTime = new Intl.DateTimeFormat(numberLocale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' });
    const integer = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 0 });
    const minutes = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      /** The time of day in Almaty: 14:05. */
      time: (iso: string) => clock.format(new Date(iso)),
      /** A day given as YYYY-MM-DD, short: 19.11 (a table's row header; its caption gives the year). */
      day: (day: string) => dayMonth.format(new Date(`${day}T12:00:00+05:00`)),
      /** Day, month and time in Almaty: 19.11, 17:24. */
      dayTime: (iso: string) => dayTime.format(new Date(iso)),
      integer: (n: number) => integer.format(n),
      tenge: (n: number) => `${integer.format(n)} ₸`,
      percent: (share: number | null) => (share === null ? '—' : percent.format(share)),
      minutes: (seconds: number | null) => (seconds === null ? '—' : minutes.format(seconds / 60)),
    };
  }, [numberLocale, tag]);
  return { ...locale, ...numbers, phone: formatPhone };
}
