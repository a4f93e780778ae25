import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { useProblemText } from './useProblemText';

export interface ProblemAlertProps {
  error: ApiError;
  /** Offer a "try again" button. */
  onRetry?: () => void;
  /** Label of the form field the server named, if the caller knows it. */
  fieldLabel?: string;
}

/** Shows an API problem: the server's title (or a plain explanation), the field, the request id. */
export function ProblemAlert({ error, onRetry, fieldLabel }: ProblemAlertProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { problem } = error;
  const { title, detail } = problemText(error);
  return (
    <div className="alert alert-error" role="alert" data-testid="problem">
      <p className="alert-title">{title}</p>
      {detail ? <p>{detail}</p> : null}
      {problem.field ? (
        <p>
          {t('errors.field')}: <strong>{fieldLabel ?? problem.field}</strong>
        </p>
      ) : null}
      {problem.requestId ? (
        <p className="muted small">
          {t('errors.requestId')}: <code>{problem.requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
