import { useTranslation } from 'react-i18next';
import type { District, Scope } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { Select } from '../../ui/fields';

export interface ScopeFieldsProps {
  idPrefix: string;
  scope: Scope;
  districts: District[];
  onChange: (scope: Scope) => void;
  error?: string;
}

/** A staff account works for the whole city or for one district police department. */
export function ScopeFields({ idPrefix, scope, districts, onChange, error }: ScopeFieldsProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const firstDistrict = districts[0]?.id ?? '';
  return (
    <fieldset className="fieldset">
      <legend>{t('users.scope')}</legend>
      <div className="radio-row">
        <label className="radio">
          <input
            type="radio"
            name={`${idPrefix}-scope`}
            checked={scope.kind === 'city'}
            onChange={() => onChange({ kind: 'city' })}
          />
          {t('users.scopeCity')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${idPrefix}-scope`}
            checked={scope.kind === 'district'}
            onChange={() => onChange({ kind: 'district', districtId: firstDistrict })}
            disabled={districts.length === 0}
          />
          {t('users.scopeDistrict')}
        </label>
      </div>
      {scope.kind === 'district' ? (
        <Select
          id={`${idPrefix}-district`}
          label={t('users.district')}
          hint={t('users.districtHint')}
          value={scope.districtId}
          onChange={(e) => onChange({ kind: 'district', districtId: e.target.value })}
          required
          error={error}
        >
          {districts.map((district) => (
            <option key={district.id} value={district.id}>
              {localized(district.name)}
            </option>
          ))}
        </Select>
      ) : null}
    </fieldset>
  );
}
