import { useTranslation } from 'react-i18next';
import { APPEAL_KINDS, APPEAL_STATUSES, type AppealCategory } from '../../api/appeals.contract';
import { Select } from '../../ui/fields';
import { useDistricts } from '../reference/useReference';
import { useAppealLabels } from './useAppealLabels';

export interface AppealFilterValues {
  kind: string;
  category: string;
  status: string;
  district: string;
  sort: string;
}

export interface AppealFiltersProps {
  values: AppealFilterValues;
  categories: readonly AppealCategory[];
  onChange: (next: Partial<AppealFilterValues>) => void;
  onReset: () => void;
}

/** Filters of the public list; each change applies at once (and lives in the address, to share). */
export function AppealFilters({ values, categories, onChange, onReset }: AppealFiltersProps) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const districts = useDistricts();
  const shown = values.kind ? categories.filter((c) => c.kind === values.kind) : categories;
  const any = values.kind || values.category || values.status || values.district;
  return (
    <div className="filters appeal-filters" role="group" aria-label={t('appeals.filters.label')} data-testid="appeal-filters">
      <Select id="filter-kind" label={t('appeals.filters.kind')} value={values.kind} onChange={(e) => onChange({ kind: e.target.value, category: '' })}>
        <option value="">{t('appeals.filters.all')}</option>
        {APPEAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {labels.kind(k)}
          </option>
        ))}
      </Select>
      <Select id="filter-category" label={t('appeals.filters.category')} value={values.category} onChange={(e) => onChange({ category: e.target.value })}>
        <option value="">{t('appeals.filters.all')}</option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {labels.localized(c.name)}
          </option>
        ))}
      </Select>
      <Select id="filter-appeal-status" label={t('appeals.filters.status')} value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
        <option value="">{t('appeals.filters.all')}</option>
        {APPEAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {labels.status(s)}
          </option>
        ))}
      </Select>
      <Select id="filter-district" label={t('appeals.filters.district')} value={values.district} onChange={(e) => onChange({ district: e.target.value })}>
        <option value="">{t('appeals.filters.allDistricts')}</option>
        {(districts.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {labels.localized(d.name)}
          </option>
        ))}
      </Select>
      <Select id="filter-sort" label={t('appeals.filters.sort')} value={values.sort} onChange={(e) => onChange({ sort: e.target.value })}>
        <option value="recent">{t('appeals.filters.sortRecent')}</option>
        <option value="support">{t('appeals.filters.sortSupport')}</option>
      </Select>
      <div className="filters-actions">
        <button type="button" className="button button-secondary" onClick={onReset} disabled={!any}>
          {t('appeals.filters.reset')}
        </button>
      </div>
    </div>
  );
}
