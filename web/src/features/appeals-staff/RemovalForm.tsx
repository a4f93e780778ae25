import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { TextArea, TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS } from './appeals-staff.types';

const FIELDS = ['removedOn', 'evidence'] as const;

/** Today in Almaty as YYYY-MM-DD (the city's date, whatever the device's zone). */
export function almatyToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A drug advert (п.3) painted over or blocked: when, and the evidence (photo, act, blocking request). */
export function RemovalForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const today = almatyToday();
  const [removedOn, setRemovedOn] = useState(today);
  const [evidence, setEvidence] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);
  const created = appeal.createdAt.slice(0, 10);

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(removedOn)) found.removedOn = t('appealsStaff.removal.errors.date');
    else if (removedOn > today) found.removedOn = t('appealsStaff.removal.errors.future');
    if (evidence.trim().length < LIMITS.evidenceMin) found.evidence = t('appealsStaff.removal.errors.evidence');
    if (!passes(found)) return;
    await submit(async () => {
      const updated = await appealsStaffApi.recordRemoval(appeal.code, { removedOn, evidence: evidence.trim() });
      setEvidence('');
      onDone(updated, t('appealsStaff.removal.done'));
    });
  };

  const hint = appeal.advert?.kind === 'link' ? t('appealsStaff.removal.evidenceHintLink') : t('appealsStaff.removal.evidenceHintGraffiti');

  return (
    <SubmitForm testId="removal-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={t('appealsStaff.removal.submit')}>
      <div className="form-grid">
        <TextInput
          id="removal-date"
          type="date"
          label={t('appealsStaff.removal.date')}
          min={created}
          max={today}
          value={removedOn}
          onChange={(e) => setRemovedOn(e.target.value)}
          required
          error={fieldError('removedOn')}
        />
        <TextArea
          id="removal-evidence"
          className="span-2"
          label={t('appealsStaff.removal.evidence')}
          hint={hint}
          rows={2}
          maxLength={LIMITS.evidenceMax}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          required
          error={fieldError('evidence')}
        />
      </div>
    </SubmitForm>
  );
}
