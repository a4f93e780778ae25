import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../api/useSubmission';
import { RECOMMENDATION_STATUSES, type RecommendationDetail, type RecommendationStatus } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useProblemText } from '../../ui/useProblemText';
import { Select, TextArea, TextInput } from '../../ui/fields';
import { LoadingState } from '../../ui/LoadingState';
import { latestPeriod } from '../reference/reference.api';
import { usePeriods } from '../reference/useReference';
import { recommendationsApi } from './recommendations.api';

export interface ResponseFormProps {
  recommendation: RecommendationDetail;
  onSaved: () => void;
}

/** The department's response for a period: written anew or updated (editor, admin). */
export function ResponseForm({ recommendation, onSaved }: ResponseFormProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const periods = usePeriods();
  const problemText = useProblemText();
  const [periodCode, setPeriodCode] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<RecommendationStatus>('in_progress');
  const [competence, setCompetence] = useState('');
  const { submit, reset, busy, error, saved } = useSubmission();

  // Start with the latest period.
  useEffect(() => {
    if (!periodCode && periods.data?.length) setPeriodCode(latestPeriod(periods.data)?.code ?? '');
  }, [periods.data, periodCode]);

  // Editing a period that already has a response starts from it.
  const existing = recommendation.responses.find((r) => r.period.code === periodCode);
  useEffect(() => {
    setText(existing?.text ?? '');
    setStatus(existing?.status ?? 'in_progress');
    setCompetence(existing?.competence ?? '');
  }, [existing?.id, periodCode]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => reset(), [periodCode, reset]);

  if (periods.loading) return <LoadingState />;
  if (periods.error) return <ProblemAlert error={periods.error} onRetry={periods.reload} />;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      await recommendationsApi.writeResponse(recommendation.number, {
        periodCode,
        text: text.trim(),
        status,
        ...(status === 'outside_competence' ? { competence: competence.trim() } : {}),
      });
      onSaved();
    });
  };

  const labels: Record<string, string> = {
    periodCode: t('responseForm.period'),
    text: t('responseForm.text'),
    status: t('responseForm.status'),
    competence: t('responseForm.competence'),
  };
  const fieldError = (field: string) => (error?.problem.field === field ? problemText(error).title : undefined);

  return (
    <form className="form card" onSubmit={(e) => void handleSubmit(e)} data-testid="response-form">
      {error ? <ProblemAlert error={error} fieldLabel={error.problem.field ? labels[error.problem.field] : undefined} /> : null}
      <Select
        id="response-period"
        label={labels.periodCode}
        value={periodCode}
        onChange={(e) => setPeriodCode(e.target.value)}
        required
        error={fieldError('periodCode')}
        hint={existing ? t('responseForm.updatingHint') : t('responseForm.newHint')}
      >
        {[...(periods.data ?? [])]
          .sort((a, b) => b.code.localeCompare(a.code))
          .map((period) => (
            <option key={period.code} value={period.code}>
              {localized(period.label) || period.code}
            </option>
          ))}
      </Select>
      <TextArea
        id="response-text"
        label={labels.text}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
        error={fieldError('text')}
      />
      <Select
        id="response-status"
        label={labels.status}
        value={status}
        onChange={(e) => setStatus(e.target.value as RecommendationStatus)}
        required
        error={fieldError('status')}
      >
        {RECOMMENDATION_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status.${value}`)}
          </option>
        ))}
      </Select>
      {status === 'outside_competence' ? (
        <TextInput
          id="response-competence"
          label={labels.competence}
          hint={t('responseForm.competenceHint')}
          value={competence}
          onChange={(e) => setCompetence(e.target.value)}
          required
          error={fieldError('competence')}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || !periodCode}>
          {busy ? t('common.saving') : existing ? t('responseForm.update') : t('responseForm.create')}
        </button>
        {saved ? (
          <span className="success-text" role="status">
            {t('responseForm.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
