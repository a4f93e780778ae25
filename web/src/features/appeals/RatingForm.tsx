import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { appealsApi } from './appeals.api';
import { updateMyAppeal } from './myAppeals';

const SCORES = [1, 2, 3, 4, 5] as const;

export interface RatingFormProps {
  code: string;
  residentKey: string;
  /** The rating already given (the server accepts one). */
  rating: number | null;
  /** The survey link kept from the rating, if this browser gave it. */
  surveyUrl: string | undefined;
  onRated: () => void;
}

/** The resident rates the answer once, 1–5; then the trust survey is offered. */
export function RatingForm({ code, residentKey, rating, surveyUrl, onRated }: RatingFormProps) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [given, setGiven] = useState<string>();
  const survey = given ?? surveyUrl;

  if (rating !== null) {
    return (
      <div className="rating-done" data-testid="rating-done">
        <p className="success-text">{t('appeals.rating.done', { rating })}</p>
        {survey ? (
          <div className="card survey-offer">
            <p>{t('appeals.rating.surveyOffer')}</p>
            <Link to={survey} className="button button-primary" data-testid="survey-link">
              {t('appeals.rating.surveyLink')}
            </Link>
          </div>
        ) : null}
      </div>
    );
  }

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setFieldError(t('appeals.rating.choose'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await appealsApi.rate(code, { key: residentKey, rating: score });
      updateMyAppeal(code, { surveyUrl: result.surveyUrl });
      setGiven(result.surveyUrl);
      onRated();
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form rating-form" onSubmit={(e) => void handleSubmit(e)} data-testid="rating-form">
      <fieldset className="fieldset" aria-describedby={fieldError ? 'rating-error' : 'rating-hint'}>
        <legend>{t('appeals.rating.legend')}</legend>
        <p id="rating-hint" className="field-hint">
          {t('appeals.rating.hint')}
        </p>
        <div className="rating-scale">
          {SCORES.map((s) => (
            <label key={s} className="rating-option">
              <input type="radio" name="rating" value={s} checked={score === s} onChange={() => { setScore(s); setFieldError(undefined); }} />
              <span className="rating-value">{s}</span>
              <span className="rating-word">{t(`appeals.rating.scale.${s}`)}</span>
            </label>
          ))}
        </div>
        {fieldError ? (
          <p id="rating-error" className="field-error" role="alert">
            {fieldError}
          </p>
        ) : null}
      </fieldset>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('appeals.rating.submit')}
        </button>
      </div>
    </form>
  );
}
