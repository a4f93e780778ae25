import { useTranslation } from 'react-i18next';
import type { ForecastMethod } from '../../api/crime-analysis.contract';
import { TextInput } from '../../ui/fields';
import { METHOD_PARAMS, type ParamDraft, type ParamName } from './methods';

export interface ParamFieldsProps {
  idPrefix: string;
  method: ForecastMethod;
  value: ParamDraft;
  onChange: (value: ParamDraft) => void;
  /** Parameters the form found out of bounds, or the server named. */
  errors?: Partial<Record<ParamName, string>>;
}

/** A method's parameters; an empty field means the method's default, which the hint gives. */
export function ParamFields({ idPrefix, method, value, onChange, errors = {} }: ParamFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      {METHOD_PARAMS[method].map((spec) => (
        <TextInput
          key={spec.name}
          id={`${idPrefix}-${method}-${spec.name}`}
          label={t(`crimeAnalysis.params.${spec.name}.label`)}
          hint={t('crimeAnalysis.params.hint', { default: spec.default, min: spec.min, max: spec.max })}
          inputMode={spec.integer ? 'numeric' : 'decimal'}
          placeholder={String(spec.default)}
          value={value[spec.name] ?? ''}
          onChange={(e) => onChange({ ...value, [spec.name]: e.target.value })}
          error={errors[spec.name]}
          autoComplete="off"
          data-testid={`param-${method}-${spec.name}`}
        />
      ))}
    </>
  );
}
