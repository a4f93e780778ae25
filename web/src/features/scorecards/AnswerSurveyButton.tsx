import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { scorecardPaths, scorecardsApi } from './scorecards.api';

/** Asks the server for a one-time survey link and opens the survey with it. */
export function AnswerSurveyButton({ districtId }: { districtId?: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const handleClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { token } = await scorecardsApi.trustToken(districtId);
      void navigate(scorecardPaths.survey(token));
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="survey-start">
      <button type="button" className="button button-primary" onClick={() => void handleClick()} disabled={busy} aria-busy={busy} data-testid="answer-survey">
        {busy ? t('scorecards.trust.opening') : t('scorecards.trust.answer')}
      </button>
      {error?.status === 429 ? (
        <p className="alert alert-warning" role="alert">
          {t('scorecards.trust.tooOften')}
        </p>
      ) : error ? (
        <ProblemAlert error={error} />
      ) : null}
    </div>
  );
}
