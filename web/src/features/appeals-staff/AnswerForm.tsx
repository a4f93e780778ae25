import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { TextArea } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS } from './appeals-staff.types';
import { useFieldError } from './useFieldError';

const FIELDS = ['answer'] as const;

/** The official answer: published on the appeal's public page. */
export function AnswerForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const [answer, setAnswer] = useState('');
  const [checks, setChecks] = useState<Partial<Record<string, string>>>({});
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline } = useFieldError(error, checks, FIELDS);
  const length = answer.trim().length;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof checks = {};
    if (length < LIMITS.answerMin) found.answer = t('appealsStaff.answer.errors.short', { min: LIMITS.answerMin });
    setChecks(found);
    if (Object.keys(found).length) return;
    await submit(async () => {
      const updated = await appealsStaffApi.answer(appeal.code, { answer: answer.trim() });
      setAnswer('');
      onDone(updated, t('appealsStaff.answer.done'));
    });
  };

  const counter = t('appealsStaff.answer.counter', { chars: formatNumber(length), max: formatNumber(LIMITS.answerMax), min: LIMITS.answerMin });

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="answer-form">
      {appeal.contested ? <p className="alert alert-warning">{t('appealsStaff.answer.contested')}</p> : null}
      <TextArea
        id="answer-text"
        label={t('appealsStaff.answer.label')}
        hint={
          <>
            {t('appealsStaff.answer.hint')}{' '}
            <span className={length > 0 && length < LIMITS.answerMin ? 'sa-counter is-short' : 'sa-counter'} data-testid="answer-counter">
              {counter}
            </span>
          </>
        }
        rows={7}
        maxLength={LIMITS.answerMax}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        required
        error={fieldError('answer')}
      />
      {error && !inline ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('appealsStaff.answer.submit')}
        </button>
      </div>
    </form>
  );
}
