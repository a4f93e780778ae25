import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationResponse } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { useActorLabel } from '../auth/useActorLabel';
import { AssessmentForm } from './AssessmentForm';
import { FiguresTable } from './FiguresTable';
import { ImportedBadge, StatusBadge, VerdictBadge } from './StatusBadge';
import { SuggestionNote } from './SuggestionNote';

export interface ResponseCardProps {
  response: RecommendationResponse;
  canAssess: boolean;
  onChanged: () => void;
  /** The recommendation (п.N) answered; lets editors' figure promotion guess the indicator. */
  recommendationNumber?: number;
}

const COLLAPSED_LENGTH = 700;

export function ResponseCard({ response, canAssess, onChanged, recommendationNumber }: ResponseCardProps) {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const { actorLabel } = useActorLabel();
  const [expanded, setExpanded] = useState(false);
  const long = response.text.length > COLLAPSED_LENGTH;
  const shown = long && !expanded ? `${response.text.slice(0, COLLAPSED_LENGTH).trimEnd()}…` : response.text;
  const headingId = `response-${response.id}`;

  return (
    <article className="card response-card" aria-labelledby={headingId} data-testid="response">
      <header className="response-head">
        <h3 id={headingId}>{localized(response.period.label) || response.period.code}</h3>
        <div className="badges">
          <StatusBadge status={response.status} />
          {response.source === 'imported' ? <ImportedBadge /> : null}
        </div>
      </header>
      {response.status === 'outside_competence' && response.competence ? (
        <p>
          <strong>{t('recommendation.competence')}:</strong> {response.competence}
        </p>
      ) : null}
      {response.suggestion ? <SuggestionNote {...response.suggestion} /> : null}
      <div className="response-text" id={`${headingId}-text`} lang="ru">
        {shown}
      </div>
      {long ? (
        <button
          type="button"
          className="button button-link"
          aria-expanded={expanded}
          aria-controls={`${headingId}-text`}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t('common.showLess') : t('common.showMore')}
        </button>
      ) : null}
      <FiguresTable
        figures={response.figures}
        context={localized(response.period.label) || response.period.code}
        promotion={{ periodCode: response.period.code, recommendationNumber }}
      />
      <p className="muted small">
        {t('response.updated')}: {formatDate(response.updatedAt, true)}
      </p>

      <div className="assessments">
        <h4 id={`${headingId}-assessments`}>{t('assessment.title')}</h4>
        {response.assessments.length === 0 ? (
          <p className="muted">{t('assessment.none')}</p>
        ) : (
          <ul className="assessment-list">
            {response.assessments.map((assessment) => (
              <li key={assessment.id} className="assessment" data-testid="assessment">
                <div className="assessment-head">
                  <VerdictBadge verdict={assessment.verdict} />
                  <span className="muted small">
                    {actorLabel(assessment.by)} · <time dateTime={assessment.createdAt}>{formatDate(assessment.createdAt, true)}</time>
                  </span>
                </div>
                {assessment.comment ? <p className="assessment-comment">{assessment.comment}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {canAssess ? (
          <details className="disclosure">
            <summary>{t('assessment.add')}</summary>
            <AssessmentForm responseId={response.id} onSaved={onChanged} />
          </details>
        ) : null}
      </div>
    </article>
  );
}
