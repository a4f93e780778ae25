import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, TaskView } from '../../api/crime-analysis.contract';
import { useTaskStageText } from '../../ui/useTaskStageText';

export interface TaskProgressProps {
  /** What is running, e.g. "Import of crimes.csv". */
  label: string;
  task: TaskView | null | undefined;
  /** The record says it has finished (its task may lag a moment behind). */
  finished?: TaskStatus | null;
  testId: string;
}

/**
 * The progress of long work on the server: a bar (role progressbar, with its value), the state in
 * words and the server's note on what it is doing. Announced when the state changes, not at every step.
 */
export function TaskProgress({ label, task, finished = null, testId }: TaskProgressProps) {
  const { t } = useTranslation();
  const stageText = useTaskStageText();
  const labelId = useId();
  const status: TaskStatus = finished ?? task?.status ?? 'queued';
  const fraction = status === 'done' ? 1 : Math.min(1, Math.max(0, task?.progress ?? 0));
  const percent = Math.round(fraction * 100);
  const statusText = t(`crimeAnalysis.task.${status}`);
  const stage = status === 'running' && task?.stage ? stageText(task.stage) : null;
  return (
    <div className={`task-progress task-progress-${status}`} data-testid={testId} data-status={status}>
      <div className="progress-label">
        <span id={labelId}>{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        className="task-progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% · ${statusText}`}
      >
        <div className="task-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="small task-progress-status">
        <span role="status">{statusText}</span>
        {stage ? <span className="muted"> · {stage}</span> : null}
      </p>
    </div>
  );
}
