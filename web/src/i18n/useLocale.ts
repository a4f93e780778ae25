import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, LocalizedText } from '../api/types';
import { LANGUAGES, isLang } from './index';
import { dateParts, intlHasData, kazakhDates, numberLocale } from './intl-fallback';

const CITY_TIME_ZONE = 'Asia/Almaty';

/** The current language, and formatters for it (dates in the city's time zone). */
export function useLocale() {
  const { i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'ru';
  const locale = LANGUAGES.find((l) => l.code === lang)?.locale ?? 'ru-RU';
  /** For numbers: the locale itself, or Russian conventions where the browser lacks Kazakh data. */
  const numbersIn = numberLocale(locale);
  const kazakhFallback = lang === 'kk' && !intlHasData(locale);

  const formatters = useMemo(
    () => ({
      number: new Intl.NumberFormat(numbersIn),
      percent: new Intl.NumberFormat(numbersIn, { style: 'percent', maximumFractionDigits: 0 }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: CITY_TIME_ZONE }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: CITY_TIME_ZONE }),
    }),
    [locale, numbersIn],
  );

  /** Pick the current language from a multilingual value, falling back to Russian. */
  const localized = useCallback(
    (text: LocalizedText | null | undefined): string => (text ? text[lang] || text.ru : ''),
    [lang],
  );

  const formatDate = useCallback(
    (iso: string, withTime = false): string => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      if (kazakhFallback) {
        const parts = dateParts(date, CITY_TIME_ZONE);
        return withTime ? kazakhDates.dateTime(parts) : kazakhDates.date(parts);
      }
      return (withTime ? formatters.dateTime : formatters.date).format(date);
    },
    [formatters, kazakhFallback],
  );

  return {
    lang,
    locale,
    numberLocale: numbersIn,
    /** True when dates in this language must be written without Intl's help (see intl-fallback). */
    kazakhFallback,
    localized,
    formatDate,
    formatNumber: (value: number) => formatters.number.format(value),
    formatPercent: (fraction: number) => formatters.percent.format(fraction),
  };
}
