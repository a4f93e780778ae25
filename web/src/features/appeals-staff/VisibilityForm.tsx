import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { TextArea } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS } from './appeals-staff.types';
import { useFieldError } from './useFieldError';

const FIELDS = ['reason', 'hidden'] as const;

/** Hides the (already masked) text from the public, or shows it again; the status stays public either way. */
export function VisibilityForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [checks, setChecks] = useState<Partial<Record<string, string>>>({});
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline } = useFieldError(error, checks, FIELDS);
  const hide = !appeal.hidden;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof checks = {};
    if (reason.trim().length < LIMITS.visibilityReasonMin) found.reason = t('appealsStaff.visibility.errors.reason');
    setChecks(found);
    if (Object.keys(found).length) return;
    await submit(async () => {
      const updated = await appealsStaffApi.setVisibility(appeal.code, { hidden: hide, reason: reason.trim() });
      setReason('');
      onDone(updated, updated.hidden ? t('appealsStaff.visibility.doneHidden') : t('appealsStaff.visibility.doneShown'));
    });
  };

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="visibility-form">
      <p data-testid="visibility-state">{appeal.hidden ? t('appealsStaff.visibility.nowHidden') : t('appealsStaff.visibility.nowShown')}</p>
      <TextArea
        id="visibility-reason"
        label={t('appealsStaff.visibility.reason')}
        hint={t('appealsStaff.visibility.reasonHint')}
        rows={2}
        maxLength={LIMITS.visibilityReasonMax}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        error={fieldError('reason')}
      />
      {error && !inline ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className={hide ? 'button button-danger' : 'button button-primary'} disabled={busy}>
          {busy ? t('common.saving') : hide ? t('appealsStaff.visibility.hide') : t('appealsStaff.visibility.show')}
        </button>
      </div>
    </form>
  );
}
