import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { FileInput } from './fields';
import { ProblemAlert } from './ProblemAlert';
import { ProgressBar } from './ProgressBar';
import { Spinner } from './Spinner';
import { UploadControls } from './UploadControls';
import type { UploadPreviewState } from './useUploadPreview';

// The three steps of an upload checked before it is saved (see useUploadPreview); each feature gives
// its own words, test ids and, for the preview, its own table.

export interface UploadFileFormProps {
  upload: UploadPreviewState<unknown, unknown>;
  testId: string;
  inputId: string;
  accept: string;
  /** The server's problem, when the file field does not show it. */
  problem: ApiError | undefined;
  fileError: string | undefined;
  /** A file to fill in, if the feature offers one. */
  template?: { href: string; download?: string; testId: string; label: string; hint: string } | null;
  labels: { file: string; hint: string; chooseFile: string; noFile: string; nothingSaved: string; sending: string; processing: string; submit: string };
  processingTestId: string;
}

/** Step 1: choose the file and send it to be checked (nothing is saved yet). */
export function UploadFileForm({ upload, testId, inputId, accept, problem, fileError, template, labels, processingTestId }: UploadFileFormProps) {
  const { phase } = upload;
  const busy = phase.name === 'uploading' || phase.name === 'checking';
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void upload.upload();
      }}
      noValidate
      data-testid={testId}
    >
      {problem ? <ProblemAlert error={problem} /> : null}
      <FileInput
        ref={upload.fileInputRef}
        id={inputId}
        name="file"
        label={labels.file}
        hint={labels.hint}
        error={fileError}
        accept={accept}
        required
        disabled={busy}
        file={upload.file}
        chooseLabel={labels.chooseFile}
        noFileLabel={labels.noFile}
        onFileChange={upload.chooseFile}
      />
      {template ? (
        <p className="small">
          <a href={template.href} download={template.download ?? true} data-testid={template.testId}>
            {template.label}
          </a>{' '}
          <span className="muted">{template.hint}</span>
        </p>
      ) : null}
      <p className="muted small">{labels.nothingSaved}</p>
      <UploadControls
        progress={phase.name === 'uploading' ? phase.progress : null}
        processing={phase.name === 'checking'}
        labels={{ sending: labels.sending, processing: labels.processing, submit: labels.submit }}
        processingTestId={processingTestId}
        onCancel={upload.cancel}
      />
    </form>
  );
}

export interface UploadPreviewFormProps {
  upload: UploadPreviewState<unknown, unknown>;
  testId: string;
  title: string;
  counts: ReactNode;
  countsTestId: string;
  /** A choice of which rows to show, when some are refused. */
  filter?: ReactNode;
  /** What a failed save says (above the buttons). */
  problem: ReactNode;
  /** Label of the progress bar while the file is sent again to be saved. */
  sendingLabel: string;
  /** Why saving is not possible, when it is not: said before the buttons and tied to the save button. */
  blocked?: { id: string; testId: string; text: string } | null;
  submit: { label: string; disabled: boolean; testId: string };
  startOverLabel: string;
  /** A note under the buttons. */
  footnote?: ReactNode;
  /** The checked rows (a table), or a line saying there are none. */
  children: ReactNode;
}

/** Step 2: what the server found in each row, and the choice to save or start over. */
export function UploadPreviewForm({ upload, testId, title, counts, countsTestId, filter, problem, sendingLabel, blocked, submit, startOverLabel, footnote, children }: UploadPreviewFormProps) {
  const { t } = useTranslation();
  const { phase } = upload;
  const saving = phase.name === 'saving';
  const progress = phase.name === 'saving' ? phase.progress : null;
  return (
    <form
      className="upload-preview"
      onSubmit={(e) => {
        e.preventDefault();
        void upload.save();
      }}
      data-testid={testId}
    >
      <div className="stack" ref={upload.resultRef} tabIndex={-1}>
        <h3>{title}</h3>
        <p data-testid={countsTestId}>{counts}</p>
        {filter}
      </div>
      {children}
      <div className="sticky-actions">
        {problem}
        {progress !== null ? <ProgressBar value={progress} label={sendingLabel} /> : null}
        {blocked ? (
          <p className="alert alert-warning" id={blocked.id} data-testid={blocked.testId}>
            {blocked.text}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={submit.disabled || saving} aria-describedby={blocked?.id} data-testid={submit.testId}>
            {saving ? t('common.saving') : submit.label}
          </button>
          <button type="button" className="button button-link" onClick={upload.startOver} disabled={saving}>
            {startOverLabel}
          </button>
          {saving && progress === null ? <Spinner label={t('common.saving')} /> : null}
        </div>
        {footnote}
      </div>
    </form>
  );
}

export interface UploadDoneProps {
  upload: UploadPreviewState<unknown, unknown>;
  testId: string;
  title: string;
  detail: string;
  againLabel: string;
}

/** Step 3: what was saved, and a way to upload another file. */
export function UploadDone({ upload, testId, title, detail, againLabel }: UploadDoneProps) {
  return (
    <div className="alert alert-success" ref={upload.resultRef} tabIndex={-1} data-testid={testId}>
      <p className="alert-title">{title}</p>
      <p>{detail}</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={upload.startOver}>
          {againLabel}
        </button>
      </div>
    </div>
  );
}
