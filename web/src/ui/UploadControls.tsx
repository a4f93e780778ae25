import { useTranslation } from 'react-i18next';
import { ProgressBar } from './ProgressBar';
import { Spinner } from './Spinner';

export interface UploadControlsProps {
  /** 0..1 of the file sent while it is being sent, otherwise null. */
  progress: number | null;
  /** The file has arrived and the server is reading it. */
  processing: boolean;
  labels: { sending: string; processing: string; submit: string };
  processingTestId: string;
  onCancel: () => void;
}

/**
 * The end of an upload form: the progress while the file is sent, a spinner while the server reads
 * it, the submit button, and Cancel while either is under way.
 */
export function UploadControls({ progress, processing, labels, processingTestId, onCancel }: UploadControlsProps) {
  const { t } = useTranslation();
  const busy = progress !== null || processing;
  return (
    <>
      {progress !== null ? <ProgressBar value={progress} label={labels.sending} /> : null}
      {processing ? (
        <div className="parsing" data-testid={processingTestId}>
          <Spinner label={labels.processing} showLabel />
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {labels.submit}
        </button>
        {busy ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
