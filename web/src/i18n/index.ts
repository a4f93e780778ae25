import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../api/client';
import type { Lang } from '../api/types';
import enCore from './en.json';
import kkCore from './kk.json';
import staffEn from './performance-staff/en.json';
import staffKk from './performance-staff/kk.json';
import staffRu from './performance-staff/ru.json';
import ruCore from './ru.json';
import precinctsRu from './precincts/ru.json';
import precinctsKk from './precincts/kk.json';
import precinctsEn from './precincts/en.json';
import appealsRu from './appeals/ru.json';
import appealsKk from './appeals/kk.json';
import appealsEn from './appeals/en.json';
import appealsStaffRu from './appeals-staff/ru.json';
import appealsStaffKk from './appeals-staff/kk.json';
import appealsStaffEn from './appeals-staff/en.json';
import scorecardsEn from './scorecards/en.json';
import scorecardsKk from './scorecards/kk.json';
import scorecardsRu from './scorecards/ru.json';
import crimeMapRu from './crime-map/ru.json';
import crimeMapKk from './crime-map/kk.json';
import crimeMapEn from './crime-map/en.json';
import crimeAnalysisRu from './crime-analysis/ru.json';
import crimeAnalysisKk from './crime-analysis/kk.json';
import crimeAnalysisEn from './crime-analysis/en.json';
import patrolRu from './patrol/ru.json';
import patrolKk from './patrol/kk.json';
import patrolEn from './patrol/en.json';
import towingRu from './towing/ru.json';
import towingKk from './towing/kk.json';
import towingEn from './towing/en.json';

// Each feature keeps its strings in its own folder, merged here under the feature's key.
export const ru = { ...ruCore, scorecards: scorecardsRu, performanceStaff: staffRu, precincts: precinctsRu, appeals: appealsRu, appealsStaff: appealsStaffRu, crimeMap: crimeMapRu, crimeAnalysis: crimeAnalysisRu, patrol: patrolRu, towing: towingRu };
const kk = { ...kkCore, scorecards: scorecardsKk, performanceStaff: staffKk, precincts: precinctsKk, appeals: appealsKk, appealsStaff: appealsStaffKk, crimeMap: crimeMapKk, crimeAnalysis: crimeAnalysisKk, patrol: patrolKk, towing: towingKk } satisfies typeof ru;
const en = { ...enCore, scorecards: scorecardsEn, performanceStaff: staffEn, precincts: precinctsEn, appeals: appealsEn, appealsStaff: appealsStaffEn, crimeMap: crimeMapEn, crimeAnalysis: crimeAnalysisEn, patrol: patrolEn, towing: towingEn } satisfies typeof ru;

export const STORAGE_KEY = 'openbeat.lang';

export interface LanguageOption {
  code: Lang;
  /** What the switch shows. Kazakhstan's code is KZ, the language code is kk. */
  short: string;
  /** The language's own name, for screen readers and tooltips. */
  name: string;
  /** BCP 47 locale for dates and numbers. */
  locale: string;
}

export const LANGUAGES: readonly LanguageOption[] = [
  { code: 'ru', short: 'RU', name: 'Русский', locale: 'ru-RU' },
  { code: 'kk', short: 'KZ', name: 'Қазақ тілі', locale: 'kk-KZ' },
  { code: 'en', short: 'EN', name: 'English', locale: 'en-GB' },
];

export function isLang(value: unknown): value is Lang {
  return value === 'ru' || value === 'kk' || value === 'en';
}

function storedLanguage(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(value)) return value;
  } catch {
    // storage may be unavailable (private mode); Russian is the default
  }
  return 'ru';
}

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  setRequestLanguage(lang);
}

// Every language must have every key of the Russian source: `satisfies` fails the build otherwise.
export const resources = {
  ru: { translation: ru },
  kk: { translation: kk },
  en: { translation: en },
} as const;

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'ru',
  supportedLngs: ['ru', 'kk', 'en'],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

i18n.on('languageChanged', (lang) => {
  applyLanguage(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the choice still holds for this visit
  }
});

export { i18n };
