import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** RU / KZ / EN; the choice persists (localStorage `openbeat.lang`) and sets <html lang>. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGUAGES.map((lang) => {
        const current = i18n.language === lang.code;
        return (
          <button
            key={lang.code}
            type="button"
            lang={lang.code}
            className={`lang-button${current ? ' is-current' : ''}`}
            aria-pressed={current}
            aria-label={lang.name}
            title={lang.name}
            onClick={() => void i18n.changeLanguage(lang.code)}
          >
            {lang.short}
          </button>
        );
      })}
    </div>
  );
}
