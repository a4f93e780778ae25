import { useTranslation } from 'react-i18next';
import type { CrimeDataset } from '../../api/crime-analysis.contract';
import { Select } from '../../ui/fields';

export interface DatasetSelectProps {
  id: string;
  datasets: readonly CrimeDataset[];
  value: string;
  onChange: (id: string) => void;
  label?: string;
  testId?: string;
}

/** The choice of dataset a section works on. */
export function DatasetSelect({ id, datasets, value, onChange, label, testId }: DatasetSelectProps) {
  const { t } = useTranslation();
  return (
    <Select id={id} label={label ?? t('crimeAnalysis.datasets.choose')} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {datasets.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name} ({d.id})
        </option>
      ))}
    </Select>
  );
}
