import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatrolShift } from '../../api/patrol.contract';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { Select, TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { patrolApi, tomorrowInAlmaty } from './patrol.api';

export interface PlanFormProps {
  shifts: PatrolShift[];
  onStarted: (planId: string) => void;
}

/** Shift and date → a plan made in the background (the page then follows its progress). */
export function PlanForm({ shifts, onStarted }: PlanFormProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const { submit, busy, error } = useSubmission();
  const fieldProblem = useFieldProblem(error);
  const [shift, setShift] = useState(shifts.find((s) => s.code === 'night')?.code ?? shifts[0]?.code ?? '');
  const [date, setDate] = useState(tomorrowInAlmaty());

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const started = await patrolApi.startPlan({ shift, date });
      onStarted(started.id);
    });
  };
  const infeasible = error?.status === 422 && error.problem.field === 'shift';

  return (
    <form className="form patrol-plan-form" onSubmit={handleSubmit} data-testid="plan-form">
      <div className="patrol-plan-fields">
        <Select id="plan-shift" label={t('patrol.produce.shift')} value={shift} onChange={(e) => setShift(e.target.value)} required error={infeasible ? undefined : fieldProblem('shift')}>
          {shifts.map((s) => (
            <option key={s.code} value={s.code}>
              {localized(s.name)} ({s.starts}–{s.ends})
            </option>
          ))}
        </Select>
        <TextInput id="plan-date" label={t('patrol.produce.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={fieldProblem('date')} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || !shift} data-testid="produce-plan">
          {busy ? t('patrol.produce.busy') : t('patrol.produce.submit')}
        </button>
      </div>
      {infeasible ? <p className="alert alert-warning">{t('patrol.produce.infeasible')}</p> : null}
      {error && (infeasible || !['shift', 'date'].includes(error.problem.field ?? '')) ? <ProblemAlert error={error} fieldLabel={t('patrol.produce.shift')} /> : null}
    </form>
  );
}
