import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatrolShift } from '../../api/patrol.contract';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { useFieldProblem } from '../../ui/useFieldProblem';
import { TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { patrolApi } from './patrol.api';
import { usePatrolFormat } from './usePatrolFormat';

export interface ShiftEditorProps {
  shifts: PatrolShift[];
  /** Planners edit the shifts; readers see them. */
  editable: boolean;
  onSaved: (shift: PatrolShift) => void;
}

/** Each shift with its crews, risk weight and foot floor; planners change them (audited on the server). */
export function ShiftEditor({ shifts, editable, onSaved }: ShiftEditorProps) {
  return (
    <div className="patrol-shifts">
      {shifts.map((shift) => (editable ? <ShiftForm key={shift.code} shift={shift} onSaved={onSaved} /> : <ShiftSummary key={shift.code} shift={shift} />))}
    </div>
  );
}

function ShiftSummary({ shift }: { shift: PatrolShift }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = usePatrolFormat();
  return (
    <div className="card patrol-shift" data-testid={`shift-${shift.code}`}>
      <h3>
        {localized(shift.name)} <span className="muted">{t('patrol.shifts.hours', { starts: shift.starts, ends: shift.ends })}</span>
      </h3>
      <p>{t('patrol.shifts.summary', { car: format.integer(shift.carCrews), foot: format.integer(shift.footCrews), weight: format.decimal(shift.riskWeight), share: format.share(shift.minFootShare) })}</p>
    </div>
  );
}

function ShiftForm({ shift, onSaved }: { shift: PatrolShift; onSaved: (shift: PatrolShift) => void }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const { submit, busy, error, saved } = useSubmission();
  const fieldProblem = useFieldProblem(error);
  const [values, setValues] = useState({ carCrews: String(shift.carCrews), footCrews: String(shift.footCrews), riskWeight: String(shift.riskWeight), footShare: String(Math.round(shift.minFootShare * 100)) });
  const id = (field: string) => `shift-${shift.code}-${field}`;
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const updated = await patrolApi.updateShift(shift.code, {
        carCrews: Number(values.carCrews),
        footCrews: Number(values.footCrews),
        riskWeight: Number(values.riskWeight),
        minFootShare: Number(values.footShare) / 100,
      });
      onSaved(updated);
    });
  };

  return (
    <form className="card patrol-shift" onSubmit={handleSubmit} aria-labelledby={id('title')} data-testid={`shift-${shift.code}`}>
      <h3 id={id('title')}>
        {localized(shift.name)} <span className="muted">{t('patrol.shifts.hours', { starts: shift.starts, ends: shift.ends })}</span>
      </h3>
      <div className="patrol-shift-fields">
        <TextInput id={id('car')} label={t('patrol.shifts.car')} type="number" inputMode="numeric" min={0} max={2000} step={1} required value={values.carCrews} onChange={set('carCrews')} error={fieldProblem('carCrews')} />
        <TextInput id={id('foot')} label={t('patrol.shifts.foot')} hint={t('patrol.shifts.footHint')} type="number" inputMode="numeric" min={0} max={2000} step={1} required value={values.footCrews} onChange={set('footCrews')} error={fieldProblem('footCrews')} />
        <TextInput id={id('weight')} label={t('patrol.shifts.weight')} hint={t('patrol.shifts.weightHint')} type="number" inputMode="decimal" min={0.1} max={10} step={0.1} required value={values.riskWeight} onChange={set('riskWeight')} error={fieldProblem('riskWeight')} />
        <TextInput id={id('share')} label={t('patrol.shifts.footShare')} hint={t('patrol.shifts.footShareHint')} type="number" inputMode="numeric" min={0} max={100} step={1} required value={values.footShare} onChange={set('footShare')} error={fieldProblem('minFootShare')} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('patrol.shifts.save')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {t('patrol.shifts.saved')}
          </span>
        ) : null}
      </div>
      {error && !error.problem.field ? <ProblemAlert error={error} /> : null}
    </form>
  );
}
