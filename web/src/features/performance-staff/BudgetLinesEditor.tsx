import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { TextInput } from '../../ui/fields';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { performanceStaffApi } from './performance-staff.api';
import { parseTenge, tiynToInput } from './performance-staff.utils';
import type { BudgetLine, ProgrammeScorecard } from './performance.types';
import { useMoney } from './useMoney';

export interface BudgetLinesEditorProps {
  programme: ProgrammeScorecard;
  onSaved: (programme: ProgrammeScorecard) => void;
  /** The user's scope covers the programme's department. */
  canEdit: boolean;
}

interface Draft {
  year: string;
  label: string;
  planned: string;
  allocated: string;
  spent: string;
  source: string;
}

type DraftField = keyof Draft;

/** A new line starts at the programme's first year that has none yet. */
function emptyDraft(programme: ProgrammeScorecard): Draft {
  const first = Number(programme.startsOn.slice(0, 4));
  const last = Number(programme.endsOn.slice(0, 4));
  let year = '';
  for (let y = first; y <= last; y++) {
    if (!programme.budgetLines.some((line) => line.year === y)) {
      year = String(y);
      break;
    }
  }
  return { year, label: '', planned: '', allocated: '', spent: '', source: '' };
}

const draftOf = (line: BudgetLine): Draft => ({
  year: String(line.year),
  label: line.label,
  planned: tiynToInput(line.plannedTiyn),
  allocated: tiynToInput(line.allocatedTiyn),
  spent: tiynToInput(line.spentTiyn),
  source: line.source,
});

/** A programme's money per year (planned, allocated, spent) and the form that adds or updates a year. */
export function BudgetLinesEditor({ programme, onSaved, canEdit }: BudgetLinesEditorProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const money = useMoney();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(programme));
  const [checks, setChecks] = useState<Partial<Record<DraftField, string>>>({});
  const { submit, busy, error, saved, reset } = useSubmission();
  const serverError = useFieldProblem(error);
  const formRef = useRef<HTMLFormElement>(null);
  const captionId = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const lines = [...programme.budgetLines].sort((a, b) => b.year - a.year || a.label.localeCompare(b.label));
  const existing = lines.find((line) => String(line.year) === draft.year.trim() && line.label === draft.label.trim());

  const labels = {
    year: t('performanceStaff.budget.year'),
    label: t('performanceStaff.budget.label'),
    planned: t('performanceStaff.budget.planned'),
    allocated: t('performanceStaff.budget.allocated'),
    spent: t('performanceStaff.budget.spent'),
    execution: t('performanceStaff.budget.execution'),
    source: t('performanceStaff.budget.source'),
  };

  const validate = (): boolean => {
    const found: typeof checks = {};
    const year = Number(draft.year);
    if (!/^\d{4}$/.test(draft.year.trim()) || year < 2000 || year > 2100) found.year = t('performanceStaff.budget.errors.year');
    if (parseTenge(draft.planned) === null) found.planned = t('performanceStaff.budget.errors.money');
    if (draft.allocated.trim() && parseTenge(draft.allocated) === null) found.allocated = t('performanceStaff.budget.errors.money');
    if (draft.spent.trim() && parseTenge(draft.spent) === null) found.spent = t('performanceStaff.budget.errors.money');
    if (draft.source.trim().length < 2) found.source = t('performanceStaff.budget.errors.source');
    setChecks(found);
    return Object.keys(found).length === 0;
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validate()) return;
    await submit(async () => {
      const result = await performanceStaffApi.putBudgetLine(programme.code, {
        year: Number(draft.year),
        label: draft.label.trim(),
        planned: draft.planned.trim(),
        allocated: draft.allocated.trim() || null,
        spent: draft.spent.trim() || null,
        source: draft.source.trim(),
      });
      onSaved(result);
    });
  };

  const handleEdit = (line: BudgetLine) => {
    setDraft(draftOf(line));
    setChecks({});
    reset();
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  };

  const handleClear = () => {
    setDraft(emptyDraft(programme));
    setChecks({});
    reset();
  };

  const fieldError = (field: DraftField) => checks[field] ?? serverError(field);
  /** What every field of the draft passes to its input. */
  const fieldProps = (field: DraftField) => ({
    id: `budget-${field}`,
    label: labels[field],
    value: draft[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set({ [field]: e.target.value }),
    error: fieldError(field),
  });
  /** The money columns, for a line and for the totals. */
  const moneyCells = (amounts: Record<'plannedTiyn' | 'allocatedTiyn' | 'spentTiyn', number | null>) => (
    <>
      <td className="num" data-label={labels.planned}>
        {money(amounts.plannedTiyn)}
      </td>
      <td className="num" data-label={labels.allocated}>
        {money(amounts.allocatedTiyn)}
      </td>
      <td className="num" data-label={labels.spent}>
        {money(amounts.spentTiyn)}
      </td>
    </>
  );
  const moneyHint = t('performanceStaff.budget.moneyHint');
  const totals = programme.budget;

  return (
    <div className="stack">
      {lines.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table className="table stack-table budget-table" data-testid="budget-table">
            <caption id={captionId}>{t('performanceStaff.budget.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.year}</th>
                <th scope="col">{labels.planned}</th>
                <th scope="col">{labels.allocated}</th>
                <th scope="col">{labels.spent}</th>
                <th scope="col">{labels.execution}</th>
                <th scope="col">{labels.source}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('performanceStaff.budget.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id} data-testid="budget-line">
                  <th scope="row" data-label={labels.year}>
                    {line.year}
                    {line.label ? <span className="muted small"> · {line.label}</span> : null}
                    {line.synthetic ? (
                      <>
                        {' '}
                        <Badge tone="neutral">{t('performanceStaff.synthetic')}</Badge>
                      </>
                    ) : null}
                  </th>
                  {moneyCells(line)}
                  <td className="num" data-label={labels.execution}>
                    {line.spentTiyn !== null && line.allocatedTiyn ? `${formatNumber(Math.round((line.spentTiyn / line.allocatedTiyn) * 1000) / 10)} %` : '—'}
                  </td>
                  <td className="small wide-cell" data-label={labels.source}>
                    {line.source}
                  </td>
                  <td className="wide-cell">
                    {canEdit ? (
                      <button type="button" className="button button-secondary button-small" onClick={() => handleEdit(line)}>
                        {t('performanceStaff.budget.edit')}
                        <span className="visually-hidden">: {line.year}{line.label ? ` ${line.label}` : ''}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="wide-cell">
                  {t('performanceStaff.budget.total')}
                </th>
                {moneyCells(totals)}
                <td colSpan={3} />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <EmptyState>{t('performanceStaff.budget.none')}</EmptyState>
      )}

      {canEdit ? (
        <form ref={formRef} className="form card" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="budget-form" aria-labelledby="budget-form-title">
          <h3 id="budget-form-title">{existing ? t('performanceStaff.budget.updateTitle', { year: existing.year }) : t('performanceStaff.budget.addTitle')}</h3>
          <p className="muted small">{t('performanceStaff.budget.formHint')}</p>
          <div className="form-grid">
            <TextInput {...fieldProps('year')} inputMode="numeric" required />
            <TextInput {...fieldProps('label')} hint={t('performanceStaff.budget.labelHint')} />
            <TextInput {...fieldProps('planned')} hint={moneyHint} inputMode="decimal" required />
            <TextInput {...fieldProps('allocated')} hint={moneyHint} inputMode="decimal" />
            <TextInput {...fieldProps('spent')} hint={moneyHint} inputMode="decimal" />
            <TextInput {...fieldProps('source')} hint={t('performanceStaff.budget.sourceHint')} required />
          </div>
          {existing ? (
            <p className="alert alert-info" role="status">
              {t('performanceStaff.budget.willUpdate', { year: existing.year, planned: money(existing.plannedTiyn) })}
            </p>
          ) : null}
          {error && !['year', 'label', 'planned', 'allocated', 'spent', 'source'].includes(error.problem.field ?? '') ? <ProblemAlert error={error} /> : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : existing ? t('performanceStaff.budget.update') : t('performanceStaff.budget.add')}
            </button>
            <button type="button" className="button button-link" onClick={handleClear}>
              {t('performanceStaff.budget.clear')}
            </button>
            {saved ? (
              <span className="success-text" role="status" data-testid="budget-saved">
                {t('common.saved')}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
