import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { TextInput } from '../../ui/fields';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS, type AppealCategory, type CategoryPatchInput } from './appeals-staff.types';

/** Each category's answer deadline (working days of the Almaty calendar) and whether residents may choose it. */
export function CategorySettings() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const categories = useQuery(() => {
    appealsStaffApi.forgetCategories();
    return appealsStaffApi.categories().then((r) => r.items);
  }, []);
  const items = [...(categories.data ?? [])].sort((a, b) => a.kind.localeCompare(b.kind) || localized(a.name).localeCompare(localized(b.name)));
  return (
    <section className="card section" aria-labelledby="appeal-categories-title">
      <h2 id="appeal-categories-title">{t('appealsStaff.categories.title')}</h2>
      <p>{t('appealsStaff.categories.intro')}</p>
      {categories.loading && !categories.data ? <LoadingState /> : null}
      {categories.error ? <ProblemAlert error={categories.error} onRetry={categories.reload} /> : null}
      {categories.data ? (
        items.length ? (
          <ul className="sa-categories" data-testid="appeal-categories">
            {items.map((category) => (
              <CategoryRow key={category.code} category={category} onSaved={() => appealsStaffApi.forgetCategories()} />
            ))}
          </ul>
        ) : (
          <EmptyState>{t('appealsStaff.categories.empty')}</EmptyState>
        )
      ) : null}
    </section>
  );
}

const FIELDS = ['deadlineDays', 'active'] as const;

function CategoryRow({ category: initial, onSaved }: { category: AppealCategory; onSaved: () => void }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const [category, setCategory] = useState(initial);
  const [days, setDays] = useState(String(initial.deadlineDays));
  const [active, setActive] = useState(initial.active);
  const { submit, busy, error, saved, reset } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);
  const id = `category-${category.code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const name = localized(category.name);
  const parsed = Number.parseInt(days, 10);
  const changed = String(category.deadlineDays) !== days.trim() || category.active !== active;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldChecks = {};
    if (!/^\d+$/.test(days.trim()) || parsed < LIMITS.deadlineMin || parsed > LIMITS.deadlineMax) {
      found.deadlineDays = t('appealsStaff.categories.errors.days', { min: LIMITS.deadlineMin, max: LIMITS.deadlineMax });
    }
    if (!passes(found)) return;
    const body: CategoryPatchInput = {};
    if (parsed !== category.deadlineDays) body.deadlineDays = parsed;
    if (active !== category.active) body.active = active;
    await submit(async () => {
      const updated = await appealsStaffApi.patchCategory(category.code, body);
      setCategory(updated);
      setDays(String(updated.deadlineDays));
      setActive(updated.active);
      onSaved();
    });
  };

  return (
    <li className={`card sa-category${category.active ? '' : ' is-inactive'}`} data-testid="appeal-category" data-code={category.code}>
      <form className="sa-category-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-name`}>
        <div className="sa-category-head">
          <h3 id={`${id}-name`} className="sa-category-name">
            {name}
          </h3>
          <p className="badges">
            <Badge tone="info">{t(`appealsStaff.kind.${category.kind}`)}</Badge>
            <Badge tone="neutral">{t(`appealsStaff.responsible.${category.responsibleUnit}`)}</Badge>
            {category.sourceItem ? <Badge tone="accent">{category.sourceItem}</Badge> : null}
            {category.active ? null : (
              <Badge tone="muted" icon="○">
                {t('appealsStaff.categories.inactive')}
              </Badge>
            )}
          </p>
          <p className="muted small">
            <code>{category.code}</code> · {category.group}
          </p>
        </div>
        <div className="sa-category-fields">
          <TextInput
            id={`${id}-days`}
            label={t('appealsStaff.categories.days')}
            hint={t('appealsStaff.categories.daysHint')}
            inputMode="numeric"
            type="number"
            min={LIMITS.deadlineMin}
            max={LIMITS.deadlineMax}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              reset();
            }}
            error={fieldError('deadlineDays')}
          />
          <label className="radio sa-category-active">
            <input
              type="checkbox"
              checked={active}
              onChange={(e) => {
                setActive(e.target.checked);
                reset();
              }}
            />
            <span>{t('appealsStaff.categories.active')}</span>
          </label>
          <button type="submit" className="button button-secondary button-small" disabled={busy || !changed}>
            {busy ? t('common.saving') : t('common.save')}
            <span className="visually-hidden">: {name}</span>
          </button>
        </div>
        {fieldError('active') ? <p className="field-error">{fieldError('active')}</p> : null}
        {error && !inline ? <ProblemAlert error={error} /> : null}
        {saved && !changed ? (
          <p className="success-text small" role="status">
            {t('appealsStaff.categories.saved', { name })}
          </p>
        ) : null}
      </form>
    </li>
  );
}
