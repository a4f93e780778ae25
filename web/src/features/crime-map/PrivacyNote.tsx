import { useTranslation } from 'react-i18next';
import type { CrimeLine } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export interface PrivacyNoteProps {
  k: number;
  month: string;
  lines: readonly CrimeLine[];
  /** The hexagon map's total and what it could not show; absent when the page shows districts. */
  hexagons?: { total: number; notShown: number } | undefined;
}

/**
 * Why the map looks the way it does: no cell under k, how many incidents that leaves off the map,
 * and that crimes against the person are shown by district only.
 */
export function PrivacyNote({ k, month, lines, hexagons }: PrivacyNoteProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeMapFormat();
  const againstPerson = lines.filter((l) => l.againstPerson).map((l) => localized(l.name).toLocaleLowerCase());
  return (
    <div className="alert alert-info privacy-note" data-testid="k-note">
      <p>
        <strong>{t('crimeMap.note.title')}</strong> {t('crimeMap.note.k', { k: format.integer(k) })}
      </p>
      {hexagons ? (
        <p data-testid="not-shown">
          {t('crimeMap.note.notShown', { notShown: format.integer(hexagons.notShown), total: format.integer(hexagons.total), month: format.month(month), k: format.integer(k) })}
        </p>
      ) : null}
      <p>{t('crimeMap.note.againstPerson', { lines: againstPerson.join(', ') })}</p>
    </div>
  );
}
