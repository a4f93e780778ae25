import { useTranslation } from 'react-i18next';
import type { CrimeLine, PublicMonth } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { Select } from '../../ui/fields';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export interface PublicMapControlsProps {
  months: readonly PublicMonth[];
  lines: readonly CrimeLine[];
  month: string;
  /** A line's code, or '' for all lines on the map. */
  line: string;
  onMonthChange: (month: string) => void;
  onLineChange: (line: string) => void;
}

/** The month and the line: lines on the map first, then those shown by district only. */
export function PublicMapControls({ months, lines, month, line, onMonthChange, onLineChange }: PublicMapControlsProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeMapFormat();
  const onMap = lines.filter((l) => !l.againstPerson);
  const byDistrict = lines.filter((l) => l.againstPerson);
  return (
    <form className="crime-controls" aria-label={t('crimeMap.public.controls')} onSubmit={(e) => e.preventDefault()}>
      <Select id="crime-month" label={t('crimeMap.public.month')} value={month} onChange={(e) => onMonthChange(e.target.value)}>
        {months.map((m) => (
          <option key={m.month} value={m.month}>
            {format.monthTitle(m.month)}
          </option>
        ))}
      </Select>
      <Select id="crime-line" label={t('crimeMap.public.line')} value={line} onChange={(e) => onLineChange(e.target.value)} hint={t('crimeMap.public.lineHint')}>
        <optgroup label={t('crimeMap.public.onMap')}>
          <option value="">{t('crimeMap.public.allLines')}</option>
          {onMap.map((l) => (
            <option key={l.code} value={l.code}>
              {localized(l.name)}
            </option>
          ))}
        </optgroup>
        {byDistrict.length ? (
          <optgroup label={t('crimeMap.public.byDistrictOnly')}>
            {byDistrict.map((l) => (
              <option key={l.code} value={l.code}>
                {localized(l.name)}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
    </form>
  );
}
