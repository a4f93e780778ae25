import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatrolPlan } from '../../api/patrol.contract';
import { useTaskStageText } from '../../ui/useTaskStageText';

/** How far the server has got with a plan: a bar (role progressbar), the state in words and the current step. */
export function PlanProgress({ plan, label }: { plan: PatrolPlan; label: string }) {
  const { t } = useTranslation();
  const stageText = useTaskStageText();
  const labelId = useId();
  const status = plan.status;
  const fraction = status === 'done' ? 1 : Math.min(1, Math.max(0, plan.task?.progress ?? 0));
  const percent = Math.round(fraction * 100);
  const statusText = t(`patrol.produce.status.${status}`);
  const stage = status === 'running' && plan.task?.stage ? stageText(plan.task.stage) : null;
  return (
    <div className={`patrol-progress patrol-progress-${status}`} data-testid="plan-progress" data-status={status}>
      <div className="progress-label">
        <span id={labelId}>{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div className="patrol-progress-track" role="progressbar" aria-labelledby={labelId} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${percent}% · ${statusText}`}>
        <div className="patrol-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="small">
        <span role="status">{statusText}</span>
        {stage ? <span className="muted"> · {stage}</span> : null}
      </p>
    </div>
  );
}
