import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

export interface SubmitFormProps {
  testId: string;
  /** Classes besides `form`. */
  className?: string;
  onSubmit: () => Promise<void>;
  busy: boolean;
  /** The server's problem, when no field of the form shows it. */
  problem: ApiError | undefined;
  submitLabel: string;
  /** `danger` for an action that takes something away. */
  tone?: 'primary' | 'danger';
  children: ReactNode;
}

/**
 * A form that checks its own fields (no browser validation), shows the server's problem above its
 * one submit button, and says "saving" on that button while it is sent.
 */
export function SubmitForm({ testId, className, onSubmit, busy, problem, submitLabel, tone = 'primary', children }: SubmitFormProps) {
  const { t } = useTranslation();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form className={className ? `form ${className}` : 'form'} onSubmit={handleSubmit} noValidate data-testid={testId}>
      {children}
      {problem ? <ProblemAlert error={problem} /> : null}
      <div className="button-row">
        <button type="submit" className={`button button-${tone}`} disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
