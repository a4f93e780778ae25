import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { TextArea } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors, type FieldChecks } from '../../ui/useFieldProblem';
import type { ActionFormProps } from './ActionCard';
import { appealsStaffApi } from './appeals-staff.api';
import { LIMITS } from './appeals-staff.types';

const FIELDS = ['answer'] as const;

/** The official answer: published on the appeal's public page. */
export function AnswerForm({ appeal, onDone }: ActionFormProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const [answer, setAnswer] = useState('');
  const { submit, busy, error } = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(error, FIELDS);
  const length = answer.trim().length;

  const handleSubmit = async () => {
    const found: FieldChecks = {};
    if (length < LIMITS.answerMin) found.answer = t('appealsStaff.answer.errors.short', { min: LIMITS.answerMin });
    if (!passes(found)) return;
    await submit(async () => {
      const updated = await appealsStaffApi.answer(appeal.code, { answer: answer.trim() });
      setAnswer('');
      onDone(updated, t('appealsStaff.answer.done'));
    });
  };

  const counter = t('appealsStaff.answer.counter', { chars: formatNumber(length), max: formatNumber(LIMITS.answerMax), min: LIMITS.answerMin });

  return (
    <SubmitForm testId="answer-form" onSubmit={handleSubmit} busy={busy} problem={inline ? undefined : error} submitLabel={t('appealsStaff.answer.submit')}>
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
    </SubmitForm>
  );
}
