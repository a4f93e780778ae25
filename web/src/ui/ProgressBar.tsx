export interface ProgressBarProps {
  /** 0..1 */
  value: number;
  label: string;
}

export function ProgressBar({ value, label }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span id="progress-label">{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <progress max={100} value={percent} aria-labelledby="progress-label" data-testid="upload-progress">
        {percent}%
      </progress>
    </div>
  );
}
