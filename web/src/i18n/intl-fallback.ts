// Some browsers (Debian's Chromium among them) ship ICU without Kazakh data: `Intl` then formats
// kk-KZ with the root locale ("2,863.5", "2026 M03"). Probe once and fall back: Kazakh groups and
// separates digits as Russian does, and month names come from the table below (CLDR's).

const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'] as const;
const MONTHS_KK_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'] as const;

const probed = new Map<string, boolean>();

/** Whether this browser's Intl really has data for the locale (not just accepts its name). */
export function intlHasData(locale: string): boolean {
  let known = probed.get(locale);
  if (known === undefined) {
    try {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2021, 2, 15)));
      const number = new Intl.NumberFormat(locale).format(1000.5);
      known = !/^M?0?3$/.test(month) && number !== '1,000.5';
    } catch {
      known = false;
    }
    probed.set(locale, known);
  }
  return known;
}

/** The locale to format numbers with: the language's own, or Russian conventions for Kazakh. */
export function numberLocale(locale: string): string {
  return locale.startsWith('kk') && !intlHasData(locale) ? 'ru-RU' : locale;
}

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Kazakh dates as CLDR writes them ("2021 ж. 15 нау.", "2021 ж. наурыз"), for when Intl cannot. */
export const kazakhDates = {
  date: (p: DateParts) => `${p.year} ж. ${p.day} ${MONTHS_KK_SHORT[p.month - 1]}`,
  dateTime: (p: DateParts) => `${p.year} ж. ${p.day} ${MONTHS_KK_SHORT[p.month - 1]}, ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
  month: (year: number, month: number) => `${year} ж. ${MONTHS_KK[month - 1]}`,
  shortMonth: (year: number, month: number) => `${MONTHS_KK_SHORT[month - 1]} ${String(year).slice(2)}`,
};

/** The calendar parts of an instant in a time zone (Intl's numeric parts need no locale data). */
export function dateParts(date: Date, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}
