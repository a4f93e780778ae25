import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { ImportConfirmItem, ImportConfirmResponse, ImportPreview } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useProblemText } from '../../ui/useProblemText';
import { Spinner } from '../../ui/Spinner';
import { UploadControls } from '../../ui/UploadControls';
import { FileInput, Select, TextInput } from '../../ui/fields';
import { PERIOD_CODE_PATTERN, referenceApi } from '../reference/reference.api';
import { useCommissions } from '../reference/useReference';
import { ImportItemEditor } from './ImportItemEditor';
import { ACCEPTED_REPORT_FILES, importApi } from './import.api';

type Phase =
  | { name: 'choose' }
  | { name: 'uploading'; progress: number }
  | { name: 'parsing' }
  | { name: 'preview' }
  | { name: 'saving' }
  | { name: 'done'; result: ImportConfirmResponse };

function toConfirmItems(preview: ImportPreview): ImportConfirmItem[] {
  return preview.items.map((item) => ({
    number: item.number,
    recommendation: item.recommendation,
    response: item.response,
    status: item.suggestedStatus.status,
    competence: item.suggestedStatus.competence,
    subItems: item.subItems,
    addressees: item.addressees,
    figures: item.figures,
    suggestedStatus: item.suggestedStatus,
  }));
}

/**
 * Import a department report: upload (with progress) → the server parses it → the editor
 * checks and corrects a side-by-side preview → confirm. Nothing is saved before "Confirm".
 */
export function ImportWorkflow() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const commissions = useCommissions();
  const problemText = useProblemText();
  const [file, setFile] = useState<File | null>(null);
  const [periodCode, setPeriodCode] = useState('');
  const [commissionId, setCommissionId] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<ApiError>();
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; periodCode?: string; commissionId?: string }>({});
  const [title, setTitle] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [items, setItems] = useState<ImportConfirmItem[]>([]);
  const abortRef = useRef<AbortController | null>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  // Choose the commission when there is only one.
  useEffect(() => {
    const only = commissions.data?.length === 1 ? commissions.data[0] : undefined;
    if (!commissionId && only) setCommissionId(only.id);
  }, [commissions.data, commissionId]);

  useEffect(() => {
    if (phase.name === 'preview' || phase.name === 'done') resultRef.current?.focus();
  }, [phase.name]);

  const validate = (): boolean => {
    const errors: typeof fieldErrors = {};
    if (!file) errors.file = t('import.errors.file');
    if (!PERIOD_CODE_PATTERN.test(periodCode.trim())) errors.periodCode = t('import.errors.periodCode');
    if (!commissionId) errors.commissionId = t('import.errors.commission');
    setFieldErrors(errors);
    return Object.keys(errors).length === 0;
  };

  const handleUpload = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!validate() || !file) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ name: 'uploading', progress: 0 });
    try {
      const preview = await importApi.preview(file, {
        signal: controller.signal,
        onUploadProgress: (progress) => setPhase((p) => (p.name === 'uploading' ? { name: 'uploading', progress } : p)),
        onUploaded: () => setPhase({ name: 'parsing' }),
      });
      setTitle(preview.title);
      setWarnings(preview.warnings ?? []);
      setItems(toConfirmItems(preview));
      setPhase({ name: 'preview' });
    } catch (reason) {
      if (reason instanceof DOMException && reason.name === 'AbortError') {
        setPhase({ name: 'choose' });
        return;
      }
      setError(reason instanceof ApiError ? reason : undefined);
      setPhase({ name: 'choose' });
      if (!(reason instanceof ApiError)) throw reason;
    } finally {
      abortRef.current = null;
    }
  };

  const handleCancelUpload = () => abortRef.current?.abort();

  const handleStartOver = () => {
    setItems([]);
    setWarnings([]);
    setTitle('');
    setFile(null);
    setError(undefined);
    if (fileInputRef.current) fileInputRef.current.value = '';
    setPhase({ name: 'choose' });
  };

  const handleConfirm = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!validate()) return;
    setPhase({ name: 'saving' });
    try {
      const result = await importApi.confirm({
        periodCode: periodCode.trim(),
        commissionId,
        title: title.trim(),
        items: items.map((item) => ({
          ...item,
          competence: item.status === 'outside_competence' ? item.competence?.trim() || null : item.competence,
        })),
      });
      referenceApi.forgetPeriods();
      setPhase({ name: 'done', result });
    } catch (reason) {
      setPhase({ name: 'preview' });
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    }
  };

  const updateItem = (number: number, patch: Partial<ImportConfirmItem>) =>
    setItems((current) => current.map((item) => (item.number === number ? { ...item, ...patch } : item)));

  const busy = phase.name === 'uploading' || phase.name === 'parsing';
  const correctedCount = items.filter((item) => item.status !== item.suggestedStatus.status).length;

  if (phase.name === 'done') {
    return (
      <div className="alert alert-success" ref={resultRef} tabIndex={-1} data-testid="import-done">
        <p className="alert-title">{t('import.done')}</p>
        <p>
          {t('import.doneDetail', {
            period: phase.result.periodCode,
            created: phase.result.created,
            updated: phase.result.updated,
          })}
        </p>
        <div className="button-row">
          <Link className="button button-primary" to="/recommendations">
            {t('import.toRecommendations')}
          </Link>
          <button type="button" className="button button-secondary" onClick={handleStartOver}>
            {t('import.another')}
          </button>
        </div>
      </div>
    );
  }

  const periodAndCommission = (
    <>
      <TextInput
        id="import-period"
        label={t('import.periodCode')}
        hint={t('import.periodCodeHint')}
        placeholder="2021-Q1"
        value={periodCode}
        onChange={(e) => setPeriodCode(e.target.value.toUpperCase())}
        pattern="\d{4}-Q[1-4]"
        autoComplete="off"
        required
        disabled={busy}
        error={fieldErrors.periodCode ?? (error?.problem.field === 'periodCode' ? problemText(error).title : undefined)}
      />
      <Select
        id="import-commission"
        label={t('import.commission')}
        value={commissionId}
        onChange={(e) => setCommissionId(e.target.value)}
        required
        disabled={busy}
        error={fieldErrors.commissionId ?? (error?.problem.field === 'commissionId' ? problemText(error).title : undefined)}
      >
        <option value="">{t('common.choose')}</option>
        {(commissions.data ?? []).map((commission) => (
          <option key={commission.id} value={commission.id}>
            {t('import.commissionOption', { number: commission.number, name: localized(commission.name) })}
          </option>
        ))}
      </Select>
    </>
  );

  if (phase.name === 'choose' || busy) {
    return (
      <form className="form card" onSubmit={(e) => void handleUpload(e)} data-testid="import-upload-form" noValidate>
        {error ? <ProblemAlert error={error} /> : null}
        {commissions.error ? <ProblemAlert error={commissions.error} onRetry={commissions.reload} /> : null}
        <FileInput
          ref={fileInputRef}
          id="import-file"
          name="file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          error={fieldErrors.file}
          accept={ACCEPTED_REPORT_FILES}
          required
          disabled={busy}
          file={file}
          chooseLabel={t('import.chooseFile')}
          noFileLabel={t('import.noFile')}
          onFileChange={(chosen) => {
            setFile(chosen);
            setError(undefined);
          }}
        />
        {periodAndCommission}
        <p className="muted small">{t('import.nothingSaved')}</p>
        <UploadControls
          progress={phase.name === 'uploading' ? phase.progress : null}
          processing={phase.name === 'parsing'}
          labels={{ sending: t('import.uploading'), processing: t('import.parsing'), submit: t('import.upload') }}
          processingTestId="import-parsing"
          onCancel={handleCancelUpload}
        />
      </form>
    );
  }

  // preview or saving
  return (
    <form className="import-preview" onSubmit={(e) => void handleConfirm(e)} data-testid="import-preview">
      <div className="card" ref={resultRef} tabIndex={-1}>
        <h2>{t('import.previewTitle')}</h2>
        <p>
          {t('import.previewSummary', { items: items.length, corrected: correctedCount })}{' '}
          <strong>{t('import.nothingSavedYet')}</strong>
        </p>
        {warnings.length ? (
          <div className="alert alert-warning" role="status">
            <p className="alert-title">{t('import.warnings')}</p>
            <ul>
              {warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="form-grid">
          <TextInput id="import-title" label={t('import.reportTitle')} value={title} onChange={(e) => setTitle(e.target.value)} className="span-2" />
          {periodAndCommission}
        </div>
      </div>
      <div className="import-items">
        {items.map((item) => (
          <ImportItemEditor key={item.number} item={item} onChange={(patch) => updateItem(item.number, patch)} />
        ))}
      </div>
      <div className="sticky-actions">
        {error ? <ProblemAlert error={error} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={phase.name === 'saving' || items.length === 0}>
            {phase.name === 'saving' ? t('common.saving') : t('import.confirm')}
          </button>
          <button type="button" className="button button-link" onClick={handleStartOver} disabled={phase.name === 'saving'}>
            {t('import.startOver')}
          </button>
          {phase.name === 'saving' ? <Spinner label={t('common.saving')} /> : null}
        </div>
      </div>
    </form>
  );
}
