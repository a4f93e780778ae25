import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { TextArea, TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { isStaffSettable, LIMITS, STAFF_STATUSES, type StaffAppeal, type StaffSettableStatus, type StatusChangeInput } from './appeals-staff.types';

const FIELDS = ['status', 'reason', 'competentBody', 'duplicateOf', 'note'] as const;
/** The server asks a reason of at least 10 characters to decline. */
const DECLINE_REASON_MIN = 10;
const TRACKING_CODE = /^(AP|PR)-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The statuses this account may set now through this form (answers and routing have their own). */
export function settableStatuses(appeal: StaffAppeal): StaffSettableStatus[] {
  return STAFF_STATUSES.filter((status) => status !== appeal.status && appeal.allowed.statuses.includes(status));
}

/** Reads a tracking code however it was typed (case, spaces, missing dashes). */
export function normalizeCode(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  return /^(AP|PR)[0-9A-Z]{8}$/.test(compact) ? `${compact.slice(0, 2)}-${compact.slice(2, 6)}-${compact.slice(6)}` : raw.trim().toUpperCase();
}

/** A status change with what each status needs: a reason to decline, the competent body, the original appeal. */
export function StatusForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const options = settableStatuses(appeal);
  const [status, setStatus] = useState<StaffSettableStatus | ''>('');
  const [reason, setReason] = useState('');
  const [competentBody, setCompetentBody] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes, clearChecks } = useFormErrors(error, FIELDS);

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    const code = normalizeCode(duplicateOf);
    if (!status) found.status = t('appealsStaff.statusForm.errors.status');
    if (status === 'declined' && reason.trim().length < DECLINE_REASON_MIN) found.reason = t('appealsStaff.statusForm.errors.reason', { min: DECLINE_REASON_MIN });
    if (status === 'not_competent' && competentBody.trim().length < 3) found.competentBody = t('appealsStaff.statusForm.errors.competentBody');
    if (status === 'duplicate' && !TRACKING_CODE.test(code)) found.duplicateOf = t('appealsStaff.statusForm.errors.duplicateOf');
    if (status === 'duplicate' && code === appeal.code) found.duplicateOf = t('appealsStaff.statusForm.errors.duplicateSelf');
    if (!passes(found) || !status) return;
    const body: StatusChangeInput = { status };
    if (reason.trim() && (status === 'declined' || status === 'not_competent' || status === 'closed')) body.reason = reason.trim();
    if (status === 'not_competent') body.competentBody = competentBody.trim();
    if (status === 'duplicate') body.duplicateOf = code;
    if (note.trim()) body.note = note.trim();
    await submit(async () => {
      const updated = await appealsStaffApi.setStatus(appeal.code, body);
      setStatus('');
      setReason('');
      setCompetentBody('');
      setDuplicateOf('');
      setNote('');
      onDone(updated, t('appealsStaff.statusForm.done', { status: t(`appealsStaff.status.${updated.status}`) }));
    });
  };

  const statusError = fieldError('status');
  const reasonLabel = status === 'declined' ? t('appealsStaff.statusForm.reasonDeclined') : t('appealsStaff.statusForm.reasonOptional');

  return (
    <SubmitForm testId="status-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={t('appealsStaff.statusForm.submit')}>
      <fieldset className="fieldset" aria-describedby={statusError ? 'status-choice-error' : undefined}>
        <legend>{t('appealsStaff.statusForm.choose')}</legend>
        <div className="sa-status-options">
          {options.map((option) => (
            <div key={option} className="sa-status-option">
              <label className="radio">
                <input
                  type="radio"
                  name="appeal-status"
                  value={option}
                  checked={status === option}
                  aria-describedby={`status-hint-${option}`}
                  onChange={() => {
                    if (isStaffSettable(option)) setStatus(option);
                    clearChecks();
                  }}
                />
                <strong>{t(`appealsStaff.status.${option}`)}</strong>
              </label>
              <p id={`status-hint-${option}`} className="muted small sa-status-hint">
                {t(`appealsStaff.statusForm.hints.${option}`)}
              </p>
            </div>
          ))}
        </div>
        {statusError ? (
          <p id="status-choice-error" className="field-error">
            {statusError}
          </p>
        ) : null}
      </fieldset>
      {status === 'not_competent' ? (
        <TextInput
          id="status-competent-body"
          label={t('appealsStaff.statusForm.competentBody')}
          hint={t('appealsStaff.statusForm.competentBodyHint')}
          maxLength={LIMITS.competentBodyMax}
          value={competentBody}
          onChange={(e) => setCompetentBody(e.target.value)}
          required
          error={fieldError('competentBody')}
        />
      ) : null}
      {status === 'duplicate' ? (
        <TextInput
          id="status-duplicate-of"
          label={t('appealsStaff.statusForm.duplicateOf')}
          hint={t('appealsStaff.statusForm.duplicateOfHint')}
          placeholder="AP-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
          value={duplicateOf}
          onChange={(e) => setDuplicateOf(e.target.value)}
          required
          error={fieldError('duplicateOf')}
        />
      ) : null}
      {status === 'declined' || status === 'not_competent' || status === 'closed' ? (
        <TextArea
          id="status-reason"
          label={reasonLabel}
          hint={t('appealsStaff.statusForm.reasonHint')}
          rows={3}
          maxLength={LIMITS.reasonMax}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required={status === 'declined'}
          error={fieldError('reason')}
        />
      ) : null}
      {status ? (
        <TextArea
          id="status-note"
          label={t('appealsStaff.statusForm.note')}
          hint={t('appealsStaff.statusForm.noteHint')}
          rows={2}
          maxLength={LIMITS.noteMax}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={fieldError('note')}
        />
      ) : null}
    </SubmitForm>
  );
}
