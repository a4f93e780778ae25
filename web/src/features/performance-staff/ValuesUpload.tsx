import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FileInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Spinner } from '../../ui/Spinner';
import { UploadControls } from '../../ui/UploadControls';
import { ACCEPTED_VALUE_FILES, performanceStaffApi, VALUES_TEMPLATE_URL } from './performance-staff.api';
import type { UploadConfirmResult, UploadPreview, UploadRow } from './performance.types';
import { problemDetail } from './useFieldProblem';
import { UploadPreviewTable } from './UploadPreviewTable';

type Phase =
  | { name: 'choose' }
  | { name: 'uploading'; progress: number }
  | { name: 'checking' }
  | { name: 'preview'; preview: UploadPreview }
  | { name: 'saving'; preview: UploadPreview }
  | { name: 'done'; preview: UploadPreview; result: UploadConfirmResult };

type Show = 'all' | 'refused';

/** The rows confirm will save: the good ones, in file order. */
function goodRows(preview: UploadPreview): { line: number; row: UploadRow }[] {
  return preview.rows.flatMap((r) => (r.ok && r.row ? [{ line: r.line, row: r.row }] : []));
}

/** `rows.3.value` → the file line of the 4th row sent, and the column. */
function failedRow(error: ApiError | undefined, sent: readonly { line: number }[]): { line: number; column: string } | undefined {
  const m = /^rows\.(\d+)(?:\.(\w+))?/.exec(error?.problem.field ?? '');
  const line = m ? sent[Number(m[1])]?.line : undefined;
  return m && line !== undefined ? { line, column: m[2] ?? '' } : undefined;
}

/**
 * Upload many values from CSV/XLSX: the server checks every row and answers a preview; only the
 * good rows are saved, all or none, when the editor confirms. Nothing is stored before that.
 */
export function ValuesUpload() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<ApiError>();
  const [fileError, setFileError] = useState<string>();
  const [show, setShow] = useState<Show>('all');
  const abortRef = useRef<AbortController | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'done') resultRef.current?.focus();
  }, [phase.name]);

  const handleUpload = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!file) {
      setFileError(t('performanceStaff.upload.errors.file'));
      return;
    }
    setFileError(undefined);
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ name: 'uploading', progress: 0 });
    try {
      const preview = await performanceStaffApi.previewUpload(file, {
        signal: controller.signal,
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'uploading' ? { name: 'uploading', progress } : p)),
        onUploaded: () => setPhase({ name: 'checking' }),
      });
      setShow('all');
      setPhase({ name: 'preview', preview });
    } catch (reason) {
      setPhase({ name: 'choose' });
      if (reason instanceof DOMException && reason.name === 'AbortError') return;
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      abortRef.current = null;
    }
  };

  const handleStartOver = () => {
    setFile(null);
    setError(undefined);
    setFileError(undefined);
    if (fileInputRef.current) fileInputRef.current.value = '';
    setPhase({ name: 'choose' });
  };

  const handleConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.name !== 'preview') return;
    const { preview } = phase;
    setError(undefined);
    setPhase({ name: 'saving', preview });
    try {
      const result = await performanceStaffApi.confirmUpload(goodRows(preview).map((r) => r.row));
      setPhase({ name: 'done', preview, result });
    } catch (reason) {
      setPhase({ name: 'preview', preview });
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    }
  };

  const busy = phase.name === 'uploading' || phase.name === 'checking';

  if (phase.name === 'choose' || busy) {
    return (
      <form className="form" onSubmit={(e) => void handleUpload(e)} noValidate data-testid="upload-form">
        {error ? <ProblemAlert error={error} /> : null}
        <FileInput
          ref={fileInputRef}
          id="values-file"
          name="file"
          label={t('performanceStaff.upload.file')}
          hint={t('performanceStaff.upload.fileHint')}
          error={fileError}
          accept={ACCEPTED_VALUE_FILES}
          required
          disabled={busy}
          file={file}
          chooseLabel={t('performanceStaff.upload.chooseFile')}
          noFileLabel={t('performanceStaff.upload.noFile')}
          onFileChange={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
            setError(undefined);
          }}
        />
        <p className="small">
          <a href={VALUES_TEMPLATE_URL} download="indicator-values-template.csv" data-testid="values-template">
            {t('performanceStaff.upload.template')}
          </a>{' '}
          <span className="muted">{t('performanceStaff.upload.templateHint')}</span>
        </p>
        <p className="muted small">{t('performanceStaff.upload.nothingSaved')}</p>
        <UploadControls
          progress={phase.name === 'uploading' ? phase.progress : null}
          processing={phase.name === 'checking'}
          labels={{ sending: t('performanceStaff.upload.uploading'), processing: t('performanceStaff.upload.checking'), submit: t('performanceStaff.upload.upload') }}
          processingTestId="upload-checking"
          onCancel={() => abortRef.current?.abort()}
        />
      </form>
    );
  }

  const { preview } = phase;
  const good = goodRows(preview);
  const refused = preview.rows.filter((r) => !r.ok);
  const changes = { new: 0, correction: 0, unchanged: 0 };
  for (const r of preview.rows) if (r.ok && r.change) changes[r.change] += 1;

  if (phase.name === 'done') {
    return (
      <div className="stack">
        <div className="alert alert-success" ref={resultRef} tabIndex={-1} data-testid="upload-done">
          <p className="alert-title">{t('performanceStaff.upload.done')}</p>
          <p>{t('performanceStaff.upload.doneDetail', { ...phase.result })}</p>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={handleStartOver}>
              {t('performanceStaff.upload.another')}
            </button>
          </div>
        </div>
        {refused.length ? (
          <>
            <p className="alert alert-warning">{t('performanceStaff.upload.notSaved', { count: refused.length })}</p>
            <UploadPreviewTable rows={refused} caption={t('performanceStaff.upload.refusedCaption', { file: preview.filename })} />
          </>
        ) : null}
      </div>
    );
  }

  const failed = failedRow(error, good);
  const shownRows = show === 'refused' ? refused : preview.rows;

  return (
    <form className="upload-preview" onSubmit={(e) => void handleConfirm(e)} data-testid="upload-preview">
      <div className="stack" ref={resultRef} tabIndex={-1}>
        <h3>{t('performanceStaff.upload.previewTitle', { file: preview.filename })}</h3>
        <p data-testid="upload-counts">
          {t('performanceStaff.upload.counts', { total: preview.rows.length, ok: preview.okCount, bad: preview.badCount })}{' '}
          {t('performanceStaff.upload.changes', changes)} <strong>{t('performanceStaff.upload.nothingSavedYet')}</strong>
        </p>
        {preview.badCount ? (
          <fieldset className="fieldset">
            <legend>{t('performanceStaff.upload.show')}</legend>
            <div className="radio-row">
              <label className="radio">
                <input type="radio" name="upload-show" checked={show === 'all'} onChange={() => setShow('all')} />
                {t('performanceStaff.upload.showAll', { count: preview.rows.length })}
              </label>
              <label className="radio">
                <input type="radio" name="upload-show" checked={show === 'refused'} onChange={() => setShow('refused')} />
                {t('performanceStaff.upload.showRefused', { count: refused.length })}
              </label>
            </div>
          </fieldset>
        ) : null}
      </div>
      {preview.rows.length ? (
        <UploadPreviewTable rows={shownRows} caption={t('performanceStaff.upload.caption', { file: preview.filename })} failedLine={failed?.line} />
      ) : (
        <p className="state state-empty">{t('performanceStaff.upload.empty')}</p>
      )}
      <div className="sticky-actions">
        {error ? (
          failed ? (
            <div className="alert alert-error" role="alert" data-testid="problem">
              <p className="alert-title">
                {t('performanceStaff.upload.failedRow', { line: failed.line, column: failed.column || '—' })}
              </p>
              {problemDetail(error) ? <p>{problemDetail(error)}</p> : null}
              <p className="small">{t('performanceStaff.upload.nothingSavedAfterError')}</p>
            </div>
          ) : (
            <ProblemAlert error={error} />
          )
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={phase.name === 'saving' || good.length === 0} data-testid="upload-confirm">
            {phase.name === 'saving' ? t('common.saving') : t('performanceStaff.upload.save', { count: good.length })}
          </button>
          <button type="button" className="button button-link" onClick={handleStartOver} disabled={phase.name === 'saving'}>
            {t('performanceStaff.upload.startOver')}
          </button>
          {phase.name === 'saving' ? <Spinner label={t('common.saving')} /> : null}
        </div>
        {good.length === 0 ? <p className="small muted">{t('performanceStaff.upload.noGoodRows')}</p> : null}
      </div>
    </form>
  );
}
