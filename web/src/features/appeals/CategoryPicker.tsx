import { useTranslation } from 'react-i18next';
import type { AppealCategory } from '../../api/appeals.contract';
import { GROUP_ORDER, useAppealLabels } from './useAppealLabels';

/** Categories by group, in the form's order; within a group, in the server's order. */
export function groupCategories(categories: readonly AppealCategory[]): { group: string; items: AppealCategory[] }[] {
  const groups = new Map<string, AppealCategory[]>();
  for (const c of categories) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const rank = (g: string) => {
    const i = (GROUP_ORDER as readonly string[]).indexOf(g);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([group, items]) => ({ group, items }));
}

/** Where the answer comes from, in one line (conduct complaints never go to the officer's precinct). */
export function CategoryRouting({ category }: { category: AppealCategory }) {
  const { t } = useTranslation();
  const unit = category.responsibleUnit;
  if (unit === 'precinct' || unit === 'district') return <>{t('appeals.category.routing.local')}</>;
  return <>{t(`appeals.category.routing.${unit}`)}</>;
}

export interface CategoryPickerProps {
  categories: readonly AppealCategory[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}

/** Large cards, one radio each, grouped; each says what it is for, who answers and how soon. */
export function CategoryPicker({ categories, value, onChange, error }: CategoryPickerProps) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  return (
    <fieldset className="category-picker" aria-describedby={error ? 'category-error' : undefined} data-testid="category-picker">
      <legend className="visually-hidden">{t('appeals.new.categoryLegend')}</legend>
      {error ? (
        <p id="category-error" className="field-error">
          {error}
        </p>
      ) : null}
      {groupCategories(categories).map(({ group, items }) => (
        <fieldset key={group} className="category-group">
          <legend className="category-group-title">{labels.group(group)}</legend>
          <div className="category-cards">
            {items.map((c) => {
              const id = `category-${c.code}`;
              return (
                <div key={c.code} className={`category-card${value === c.code ? ' is-selected' : ''}`} data-code={c.code} data-testid="category-card">
                  <input
                    type="radio"
                    id={id}
                    name="category"
                    value={c.code}
                    checked={value === c.code}
                    onChange={() => onChange(c.code)}
                    aria-describedby={`${id}-text`}
                    aria-invalid={error ? true : undefined}
                    className="category-radio"
                  />
                  <label htmlFor={id} className="category-card-name">
                    {labels.localized(c.name)}
                  </label>
                  <span id={`${id}-text`} className="category-card-text">
                    <span className="category-card-description">{labels.localized(c.description)}</span>
                    <span className="category-card-facts">
                      <span>{t('appeals.category.deadline', { count: c.deadlineDays })}</span>
                      <span>
                        <CategoryRouting category={c} />
                      </span>
                      {c.sourceItem ? <span className="category-card-source">{t('appeals.category.sourceItem', { item: labels.sourceItem(c.sourceItem) })}</span> : null}
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
