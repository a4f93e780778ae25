import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { VERDICTS, type Verdict } from '../../api/types';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useProblemText } from '../../ui/useProblemText';
import { TextArea } from '../../ui/fields';
import { recommendationsApi } from './recommendations.api';

export interface AssessmentFormProps {
  responseId: string;
  onSaved: () => void;
}

/** The council's verdict on one response (Public Council member or admin). */
export function AssessmentForm({ responseId, onSaved }: AssessmentFormProps) {
  const { t } = useTranslation();
  const uid = useId();
  const problemText = useProblemText();
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [comment, setComment] = useState('');
  const { submit, busy, error, saved } = useSubmission();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return;
    await submit(async () => {
      await recommendationsApi.assess(responseId, { verdict, comment: comment.trim() });
      setVerdict('');
      setComment('');
      onSaved();
    });
  };

  return (
    <form className="form assessment-form" onSubmit={(e) => void handleSubmit(e)} data-testid="assessment-form">
      {error ? <ProblemAlert error={error} fieldLabel={error.problem.field === 'comment' ? t('assessment.comment') : undefined} /> : null}
      <fieldset className="fieldset">
        <legend>{t('assessment.verdict')}</legend>
        <div className="radio-row">
          {VERDICTS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={`verdict-${uid}`}
                value={value}
                checked={verdict === value}
                onChange={() => setVerdict(value)}
                required
              />
              {t(`verdict.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        id={`comment-${uid}`}
        label={t('assessment.comment')}
        hint={t('assessment.commentHint')}
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        required={verdict !== 'accepted'}
        error={error?.problem.field === 'comment' ? problemText(error).title : undefined}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || !verdict}>
          {busy ? t('common.saving') : t('assessment.submit')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {t('assessment.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
