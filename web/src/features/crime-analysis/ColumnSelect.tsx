import { useTranslation } from 'react-i18next';
import { Select, TextInput } from '../../ui/fields';

export interface ColumnSelectProps {
  id: string;
  label: string;
  hint?: string;
  /** The file's columns; a GeoJSON file has none listed, so its property names are typed. */
  header: readonly string[];
  value: string;
  onChange: (column: string) => void;
  required?: boolean;
  error?: string;
  testId?: string;
}

/**
 * A choice among the file's columns. A column the file does not have (from a saved mapping) stays
 * visible and says so, rather than silently becoming "not used".
 */
export function ColumnSelect({ id, label, hint, header, value, onChange, required = false, error, testId }: ColumnSelectProps) {
  const { t } = useTranslation();
  if (header.length === 0) {
    return <TextInput id={id} label={label} hint={hint ?? t('crimeAnalysis.mapping.propertyHint')} value={value} onChange={(e) => onChange(e.target.value)} required={required} error={error} data-testid={testId} autoComplete="off" />;
  }
  const foreign = value !== '' && !header.includes(value);
  return (
    <Select id={id} label={label} hint={hint} value={value} onChange={(e) => onChange(e.target.value)} required={required} error={error} data-testid={testId}>
      <option value="">{required ? t('common.choose') : t('crimeAnalysis.mapping.notUsed')}</option>
      {foreign ? <option value={value}>{t('crimeAnalysis.mapping.notInFile', { column: value })}</option> : null}
      {header.map((column) => (
        <option key={column} value={column}>
          {column}
        </option>
      ))}
    </Select>
  );
}
