import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { TextArea } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { problemDetail } from '../../ui/useFieldProblem';
import { appealsApi } from './appeals.api';

const MIN_REASON = 10;
const MAX_REASON = 2000;

/** Once, after an answer: the resident says why it does not resolve the matter; a supervisor reviews it. */
export function ContestForm({ code, residentKey, onContested }: { code: string; residentKey: string; onContested: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)} aria-expanded={false} data-testid="contest-open">
        {t('appeals.contest.open')}
      </button>
    );
  }

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setFieldError(t('appeals.contest.tooShort', { min: MIN_REASON }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await appealsApi.contest(code, { key: residentKey, reason: reason.trim() });
      onContested();
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      if (failure.problem.field === 'reason') setFieldError(problemDetail(failure) ?? failure.problem.title);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form contest-form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="contest-form">
      <TextArea
        id="contest-reason"
        label={t('appeals.contest.reason')}
        hint={t('appeals.contest.hint', { count: reason.length, max: MAX_REASON })}
        required
        maxLength={MAX_REASON}
        rows={4}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setFieldError(undefined);
        }}
        error={fieldError}
        autoFocus
      />
      {error ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('appeals.contest.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
