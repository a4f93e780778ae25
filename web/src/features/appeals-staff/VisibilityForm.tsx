import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { TextArea } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS } from './appeals-staff.types';

const FIELDS = ['reason', 'hidden'] as const;

/** Hides the (already masked) text from the public, or shows it again; the status stays public either way. */
export function VisibilityForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);
  const hide = !appeal.hidden;

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (reason.trim().length < LIMITS.visibilityReasonMin) found.reason = t('appealsStaff.visibility.errors.reason');
    if (!passes(found)) return;
    await submit(async () => {
      const updated = await appealsStaffApi.setVisibility(appeal.code, { hidden: hide, reason: reason.trim() });
      setReason('');
      onDone(updated, updated.hidden ? t('appealsStaff.visibility.doneHidden') : t('appealsStaff.visibility.doneShown'));
    });
  };

  return (
    <SubmitForm testId="visibility-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={hide ? t('appealsStaff.visibility.hide') : t('appealsStaff.visibility.show')} tone={hide ? 'danger' : 'primary'}>
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
    </SubmitForm>
  );
}
