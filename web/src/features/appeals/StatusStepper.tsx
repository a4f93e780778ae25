import { useTranslation } from 'react-i18next';
import type { AppealStatus } from '../../api/appeals.contract';
import { useAppealLabels } from './useAppealLabels';

const MAIN_PATH: readonly AppealStatus[] = ['received', 'routed', 'in_progress', 'answered', 'closed'];

/**
 * The steps of this appeal's life: the usual path, or the path that ended early (declined, passed
 * to another body, merged as a duplicate). Steps before the current one are done.
 */
export function stepsFor(status: AppealStatus, reached: ReadonlySet<AppealStatus>): AppealStatus[] {
  const at = MAIN_PATH.indexOf(status);
  // Steps the appeal skipped (answered straight after routing) are not shown as passed.
  if (at !== -1) return MAIN_PATH.filter((s, i) => i >= at || s === 'received' || reached.has(s));
  const before = MAIN_PATH.slice(0, 3).filter((s) => s === 'received' || reached.has(s));
  return [...before, status];
}

export interface StatusStepperProps {
  status: AppealStatus;
  /** Statuses the timeline shows the appeal went through. */
  reached: ReadonlySet<AppealStatus>;
}

export function StatusStepper({ status, reached }: StatusStepperProps) {
  const { t } = useTranslation();
  const labels = useAppealLabels();
  const steps = stepsFor(status, reached);
  const current = steps.indexOf(status);
  return (
    <ol className="appeal-stepper" aria-label={t('appeals.track.stepsLabel')} data-testid="status-stepper">
      {steps.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
        // The last step reached and final (closed, declined…) is shown complete.
        const complete = state === 'done' || (state === 'current' && i === steps.length - 1);
        return (
          <li key={step} className={`appeal-step appeal-step-${state}${complete ? ' appeal-step-complete' : ''}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="appeal-step-mark" aria-hidden="true">
              {complete ? '✓' : i + 1}
            </span>
            <span className="appeal-step-text">
              <span className="appeal-step-label">{labels.status(step)}</span>
              <span className="visually-hidden"> — {t(`appeals.track.step.${state}`)}</span>
              {state === 'current' ? <span className="appeal-step-help">{labels.statusHelp(step)}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
