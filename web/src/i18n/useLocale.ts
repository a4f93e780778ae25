import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, LocalizedText } from '../api/types';
import { LANGUAGES, isLang } from './index';

const CITY_TIME_ZONE = 'Asia/Almaty';

/** The current language, and formatters for it (dates in the city's time zone). */
export function useLocale() {
  const { i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'ru';
  const locale = LANGUAGES.find((l) => l.code === lang)?.locale ?? 'ru-RU';

  const formatters = useMemo(
    () => ({
      number: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: CITY_TIME_ZONE }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: CITY_TIME_ZONE }),
    }),
    [locale],
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
      return (withTime ? formatters.dateTime : formatters.date).format(date);
    },
    [formatters],
  );

  return {
    lang,
    locale,
    localized,
    formatDate,
    formatNumber: (value: number) => formatters.number.format(value),
    formatPercent: (fraction: number) => formatters.percent.format(fraction),
  };
}
