import { useTranslation } from 'react-i18next';
import type { RecommendationStatus } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { StatusBadge } from './StatusBadge';

export interface SuggestionNoteProps {
  status: RecommendationStatus;
  confidence: number;
  phrase: string;
}

/** What the importer suggested, how sure it was, and the phrase that decided it. */
export function SuggestionNote({ status, confidence, phrase }: SuggestionNoteProps) {
  const { t } = useTranslation();
  const { formatPercent } = useLocale();
  return (
    <div className="suggestion" data-testid="suggestion">
      <p className="suggestion-head">
        <span>{t('suggestion.label')}:</span> <StatusBadge status={status} />{' '}
        <span className="suggestion-confidence">
          {t('suggestion.confidence')}: <strong>{formatPercent(confidence)}</strong>
        </span>
      </p>
      {phrase ? (
        <p className="suggestion-phrase">
          {t('suggestion.phrase')}: <q>{phrase}</q>
        </p>
      ) : null}
    </div>
  );
}
