import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Select } from '../../ui/fields';
import { useDistricts } from '../reference/useReference';
import { AnswerSurveyButton } from './AnswerSurveyButton';
import { scorecardsApi } from './scorecards.api';
import { SURVEY_SCALES, TRUST_ITEMS, type SurveyScale, type TrustItem } from './scorecards.types';

const SCALE_VALUES: Record<SurveyScale, number[]> = {
  '1-5': [1, 2, 3, 4, 5],
  '0-10': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

type Answers = Partial<Record<TrustItem, number>>;

/** The six standard questions; every answer is optional, one answer per link. */
export function TrustSurveyForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const districts = useDistricts();
  const { submit, busy, error, saved } = useSubmission();
  const [scale, setScale] = useState<SurveyScale>('1-5');
  const [answers, setAnswers] = useState<Answers>({});
  const [districtId, setDistrictId] = useState('');
  const thanksRef = useRef<HTMLHeadingElement>(null);
  // Say at once when a link cannot be answered any more, rather than after the form is filled in.
  const tokenState = useQuery((signal) => scorecardsApi.surveyTokenState(token, signal).catch(() => ({ state: 'open' as const })), [token]);
  const state = tokenState.data?.state ?? 'open';

  useEffect(() => {
    if (saved) thanksRef.current?.focus();
  }, [saved]);
  const usedRef = useRef(false);
  useEffect(() => {
    // Tell screen readers the form was replaced by the message.
    if (error?.status === 409 && !usedRef.current) {
      usedRef.current = true;
      document.getElementById('used-title')?.focus();
    }
  }, [error]);

  const handleScale = (next: SurveyScale) => {
    setScale(next);
    setAnswers({}); // answers on the other scale would be out of range
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await scorecardsApi.answerSurvey({ token, scale, answers, districtId: districtId || null });
    });
  };

  if (saved) {
    return (
      <section className="card survey-thanks" aria-labelledby="thanks-title" data-testid="survey-thanks">
        <h2 id="thanks-title" ref={thanksRef} tabIndex={-1}>
          {t('scorecards.survey.thanksTitle')}
        </h2>
        <p>{t('scorecards.survey.thanksText')}</p>
        <p>
          <Link to="/trust">{t('scorecards.survey.toResults')}</Link>
        </p>
      </section>
    );
  }

  if (!saved && (state === 'unknown' || state === 'expired' || error?.status === 404)) {
    return (
      <section className="card survey-used" aria-labelledby="used-title" data-testid="survey-unknown">
        <h2 id="used-title" className="h3" tabIndex={-1}>
          {t('problems.survey_link_unknown')}
        </h2>
        <p>{t('scorecards.survey.unknown')}</p>
        <AnswerSurveyButton />
      </section>
    );
  }

  if (error?.status === 409 || (!saved && state === 'used')) {
    // The link was used already: nothing more can be sent with it.
    return (
      <section className="card survey-used" aria-labelledby="used-title" data-testid="survey-used">
        <h2 id="used-title" className="h3" tabIndex={-1}>
          {t('scorecards.survey.usedTitle')}
        </h2>
        <p>{t('scorecards.survey.used')}</p>
        {error ? <ProblemAlert error={error} /> : null}
        <p>
          <Link to="/trust">{t('scorecards.survey.toResults')}</Link>
        </p>
      </section>
    );
  }

  const values = SCALE_VALUES[scale];
  const min = values[0]!;
  const max = values[values.length - 1]!;

  return (
    <form className="form survey-form" onSubmit={handleSubmit} noValidate data-testid="survey-form">
      <fieldset className="fieldset">
        <legend>{t('scorecards.survey.scale')}</legend>
        <div className="radio-row">
          {SURVEY_SCALES.map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="scale" value={s} checked={scale === s} onChange={() => handleScale(s)} />
              {t(`scorecards.survey.scales.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {TRUST_ITEMS.map((item, index) => {
        const hintId = `survey-${item}-hint`;
        const low = t(`scorecards.trust.items.${item}.low`);
        const high = t(`scorecards.trust.items.${item}.high`);
        return (
          <fieldset key={item} className="fieldset survey-item" aria-describedby={hintId} data-testid={`survey-item-${item}`}>
            <legend>
              <span className="survey-item-number">{index + 1}.</span> {t(`scorecards.trust.items.${item}.question`)}
            </legend>
            <p id={hintId} className="field-hint">
              {t('scorecards.survey.endpoints', { min, low, max, high })}
            </p>
            <div className={`scale-row scale-${scale === '1-5' ? 'five' : 'eleven'}`}>
              {values.map((value) => (
                <label key={value} className="scale-option">
                  <input
                    type="radio"
                    name={`answer-${item}`}
                    value={value}
                    checked={answers[item] === value}
                    onChange={() => setAnswers((prev) => ({ ...prev, [item]: value }))}
                  />
                  <span className="scale-option-value">{value}</span>
                  {value === min ? <span className="visually-hidden"> — {low}</span> : null}
                  {value === max ? <span className="visually-hidden"> — {high}</span> : null}
                </label>
              ))}
            </div>
            <label className="radio survey-skip">
              <input
                type="radio"
                name={`answer-${item}`}
                value=""
                checked={answers[item] === undefined}
                onChange={() =>
                  setAnswers((prev) => {
                    const next = { ...prev };
                    delete next[item];
                    return next;
                  })
                }
              />
              {t('scorecards.survey.skip')}
            </label>
          </fieldset>
        );
      })}

      <Select
        id="survey-district"
        label={t('scorecards.survey.district')}
        hint={t('scorecards.survey.districtHint')}
        value={districtId}
        onChange={(event) => setDistrictId(event.target.value)}
      >
        <option value="">{t('scorecards.survey.noDistrict')}</option>
        {(districts.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {localized(d.name)}
          </option>
        ))}
      </Select>

      <p className="small muted">{t('scorecards.survey.privacy')}</p>

      {error ? (
        <div data-testid="survey-error">
          {error.status === 404 ? (
            <div className="alert alert-warning">
              <p>{t('scorecards.survey.unknown')}</p>
              <AnswerSurveyButton />
            </div>
          ) : null}
          <ProblemAlert error={error} />
        </div>
      ) : null}

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? t('common.saving') : t('scorecards.survey.submit')}
        </button>
      </div>
    </form>
  );
}
