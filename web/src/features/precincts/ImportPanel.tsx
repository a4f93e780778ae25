import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ImportPreview, ImportResult } from '../../api/precincts.contract';
import { FileInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ProgressBar } from '../../ui/ProgressBar';
import { Spinner } from '../../ui/Spinner';
import { UploadControls } from '../../ui/UploadControls';
import { ImportPreviewTable } from './ImportPreviewTable';
import { IMPORT_KINDS, precinctsApi, type ImportKind } from './precincts.api';

type Phase =
  | { name: 'choose' }
  | { name: 'uploading'; progress: number }
  | { name: 'checking' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'saving'; preview: ImportPreview; progress: number | null }
  | { name: 'done'; preview: ImportPreview; result: ImportResult };

export interface ImportPanelProps {
  kind: ImportKind;
  /** After a confirmed import (e.g. to forget cached outlines). */
  onImported?: () => void;
}

/**
 * One staff import: choose a file, the server checks every row and answers a preview; the same file
 * is sent again to save it, all or nothing, and only when no row is refused.
 */
export function ImportPanel({ kind, onImported }: ImportPanelProps) {
  const { t } = useTranslation();
  const spec = IMPORT_KINDS[kind];
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<ApiError>();
  const [fileError, setFileError] = useState<string>();
  const [onlyRefused, setOnlyRefused] = useState(false);
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
      setFileError(t(`precincts.import.kinds.${kind}.fileMissing`));
      fileInputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ name: 'uploading', progress: 0 });
    try {
      const preview = await precinctsApi.previewImport(kind, file, {
        signal: controller.signal,
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'uploading' ? { name: 'uploading', progress } : p)),
        onUploaded: () => setPhase((p) => (p.name === 'uploading' ? { name: 'checking' } : p)),
      });
      setOnlyRefused(preview.badCount > 0);
      setPhase({ name: 'preview', preview });
    } catch (reason) {
      setPhase({ name: 'choose' });
      if (reason instanceof DOMException && reason.name === 'AbortError') return;
      if (reason instanceof ApiError) {
        setError(reason);
        if (reason.problem.field === 'file') setFileError(reason.problem.detail ?? reason.problem.title);
      } else throw reason;
    } finally {
      abortRef.current = null;
    }
  };

  const handleConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.name !== 'preview' || !file) return;
    const { preview } = phase;
    setError(undefined);
    setPhase({ name: 'saving', preview, progress: 0 });
    try {
      const result = await precinctsApi.confirmImport(kind, file, {
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'saving' ? { ...p, progress } : p)),
        onUploaded: () => setPhase((p) => (p.name === 'saving' ? { ...p, progress: null } : p)),
      });
      setPhase({ name: 'done', preview, result });
      onImported?.();
    } catch (reason) {
      setPhase({ name: 'preview', preview });
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    }
  };

  const handleStartOver = () => {
    setFile(null);
    setError(undefined);
    setFileError(undefined);
    if (fileInputRef.current) fileInputRef.current.value = '';
    setPhase({ name: 'choose' });
  };

  const busy = phase.name === 'uploading' || phase.name === 'checking';

  if (phase.name === 'choose' || busy) {
    return (
      <form className="form" onSubmit={(e) => void handleUpload(e)} noValidate data-testid={`import-form-${kind}`}>
        {error && error.problem.field !== 'file' ? <ProblemAlert error={error} /> : null}
        <FileInput
          ref={fileInputRef}
          id={inputId}
          name="file"
          label={t(`precincts.import.kinds.${kind}.file`)}
          hint={t(`precincts.import.kinds.${kind}.hint`)}
          error={fileError}
          accept={spec.accept}
          required
          disabled={busy}
          file={file}
          chooseLabel={t('precincts.import.chooseFile')}
          noFileLabel={t('precincts.import.noFile')}
          onFileChange={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
            setError(undefined);
          }}
        />
        {spec.template ? (
          <p className="small">
            <a href={spec.template} download data-testid={`import-template-${kind}`}>
              {t('precincts.import.template')}
            </a>{' '}
            <span className="muted">{t('precincts.import.templateHint')}</span>
          </p>
        ) : null}
        <p className="muted small">{t('precincts.import.nothingSaved')}</p>
        <UploadControls
          progress={phase.name === 'uploading' ? phase.progress : null}
          processing={phase.name === 'checking'}
          labels={{ sending: t('precincts.import.uploading'), processing: t('precincts.import.checking'), submit: t('precincts.import.check') }}
          processingTestId={`import-checking-${kind}`}
          onCancel={() => abortRef.current?.abort()}
        />
      </form>
    );
  }

  const { preview } = phase;
  const refused = preview.rows.filter((r) => !r.ok);
  const changes = { new: 0, update: 0, same: 0 };
  for (const r of preview.rows) if (r.ok && r.change) changes[r.change] += 1;

  if (phase.name === 'done') {
    return (
      <div className="alert alert-success" ref={resultRef} tabIndex={-1} data-testid={`import-done-${kind}`}>
        <p className="alert-title">{t('precincts.import.done', { file: preview.filename })}</p>
        <p>{t('precincts.import.doneDetail', phase.result)}</p>
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={handleStartOver}>
            {t('precincts.import.another')}
          </button>
        </div>
      </div>
    );
  }

  const canSave = preview.badCount === 0 && preview.rows.length > 0;
  const shown = onlyRefused ? refused : preview.rows;
  return (
    <form className="upload-preview stack" onSubmit={(e) => void handleConfirm(e)} data-testid={`import-preview-${kind}`}>
      <div className="stack" ref={resultRef} tabIndex={-1}>
        <h3 className="h3">{t('precincts.import.previewTitle', { file: preview.filename })}</h3>
        <p data-testid="import-counts">
          {t('precincts.import.counts', { total: preview.rows.length, ok: preview.okCount, bad: preview.badCount })} {t('precincts.import.changes', changes)}{' '}
          <strong>{t('precincts.import.nothingSavedYet')}</strong>
        </p>
        {preview.badCount ? (
          <label className="radio">
            <input type="checkbox" checked={onlyRefused} onChange={(e) => setOnlyRefused(e.target.checked)} /> {t('precincts.import.onlyRefused', { n: refused.length })}
          </label>
        ) : null}
      </div>
      {preview.rows.length ? (
        <ImportPreviewTable rows={shown} caption={t('precincts.import.caption', { file: preview.filename })} />
      ) : (
        <p className="state state-empty">{t('precincts.import.empty')}</p>
      )}
      <div className="sticky-actions">
        {error ? <ProblemAlert error={error} /> : null}
        {phase.name === 'saving' && phase.progress !== null ? <ProgressBar value={phase.progress} label={t('precincts.import.uploading')} /> : null}
        {!canSave ? (
          <p className="alert alert-warning" id={`${inputId}-blocked`} data-testid="import-blocked">
            {preview.rows.length ? t('precincts.import.fixFirst', { n: preview.badCount }) : t('precincts.import.empty')}
          </p>
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            className="button button-primary"
            disabled={!canSave || phase.name === 'saving'}
            aria-describedby={!canSave ? `${inputId}-blocked` : undefined}
            data-testid={`import-confirm-${kind}`}
          >
            {phase.name === 'saving' ? t('common.saving') : canSave ? t('precincts.import.save', { n: preview.okCount }) : t('precincts.import.saveBlocked')}
          </button>
          <button type="button" className="button button-link" onClick={handleStartOver} disabled={phase.name === 'saving'}>
            {t('precincts.import.startOver')}
          </button>
          {phase.name === 'saving' && phase.progress === null ? <Spinner label={t('common.saving')} /> : null}
        </div>
      </div>
    </form>
  );
}
