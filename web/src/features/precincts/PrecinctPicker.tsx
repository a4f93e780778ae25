import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Select } from '../../ui/fields';
import type { DistrictCollection, PrecinctCollection } from './precincts.api';

export interface PrecinctPickerProps {
  precincts: PrecinctCollection;
  districts: DistrictCollection;
  onPick: (precinctId: string) => void;
}

/** The map's text alternative: the same precincts, chosen from a list by district. */
export function PrecinctPicker({ precincts, districts, onPick }: PrecinctPickerProps) {
  const { t } = useTranslation();
  const { localized, locale } = useLocale();
  const [district, setDistrict] = useState('');
  const [precinct, setPrecinct] = useState('');
  const [error, setError] = useState<string>();

  const districtOptions = useMemo(
    () => districts.features.map((f) => ({ id: f.properties.id, name: localized(f.properties.name) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    [districts, localized, locale],
  );
  const precinctOptions = useMemo(
    () =>
      precincts.features
        .map((f) => f.properties)
        .filter((p) => !district || p.districtId === district)
        .sort((a, b) => a.code.localeCompare(b.code, locale, { numeric: true })),
    [precincts, district, locale],
  );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!precinct) {
      setError(t('precincts.finder.pickPrecinctFirst'));
      return;
    }
    setError(undefined);
    onPick(precinct);
  };

  return (
    <form className="form precinct-picker" onSubmit={handleSubmit} noValidate data-testid="precinct-picker">
      <Select
        id="picker-district"
        label={t('precincts.finder.pickDistrict')}
        value={district}
        onChange={(e) => {
          setDistrict(e.target.value);
          setPrecinct('');
        }}
      >
        <option value="">{t('precincts.finder.allDistricts')}</option>
        {districtOptions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
      <Select
        id="picker-precinct"
        label={t('precincts.finder.pickPrecinct')}
        value={precinct}
        error={error}
        onChange={(e) => {
          setPrecinct(e.target.value);
          setError(undefined);
        }}
      >
        <option value="">{t('common.choose')}</option>
        {precinctOptions.map((p) => (
          <option key={p.id} value={p.id}>
            {p.code} · {localized(p.name)}
          </option>
        ))}
      </Select>
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          {t('precincts.finder.showPrecinct')}
        </button>
      </div>
    </form>
  );
}
