import { useTranslation } from 'react-i18next';
import type { CrimeLine } from '../../api/crime-analysis.contract';
import { useLocale } from '../../i18n/useLocale';

export interface LinesPickerProps {
  idPrefix: string;
  lines: readonly CrimeLine[];
  /** Chosen line codes; none = all lines. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/** Which lines to forecast: all of them unless some are ticked. Folded away, since "all" is the usual answer. */
export function LinesPicker({ idPrefix, lines, value, onChange, error }: LinesPickerProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const chosen = new Set(value);
  const summary = value.length === 0 ? t('crimeAnalysis.lines.all') : t('crimeAnalysis.lines.some', { count: value.length });
  return (
    <details className="disclosure lines-picker" open={error ? true : undefined}>
      <summary>
        {t('crimeAnalysis.lines.label')}: <strong>{summary}</strong>
      </summary>
      <fieldset className="fieldset" aria-describedby={error ? `${idPrefix}-lines-error` : undefined}>
        <legend>{t('crimeAnalysis.lines.legend')}</legend>
        <div className="lines-grid">
          {lines.map((line) => (
            <label key={line.code} className="radio">
              <input
                type="checkbox"
                checked={chosen.has(line.code)}
                onChange={(e) => onChange(e.target.checked ? [...value, line.code] : value.filter((c) => c !== line.code))}
              />{' '}
              {localized(line.name)}
            </label>
          ))}
        </div>
        {value.length > 0 ? (
          <button type="button" className="button button-link" onClick={() => onChange([])}>
            {t('crimeAnalysis.lines.clear')}
          </button>
        ) : null}
        {error ? (
          <p className="field-error" id={`${idPrefix}-lines-error`}>
            {error}
          </p>
        ) : null}
      </fieldset>
    </details>
  );
}
