import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { REGISTRY_REJECT_REASONS, type RegistryImport } from '../../api/towing.contract';
import { useUploadSubmission } from '../../api/useUploadSubmission';
import { FileInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UploadControls } from '../../ui/UploadControls';
import { problemDetail } from '../../ui/useFieldProblem';
import { towingApi } from './towing.api';
import { useTowFormat } from './useTowFormat';

const ACCEPT = '.csv,.txt,text/csv,text/plain';

/**
 * The vehicle registry as CSV (plate, phone, optional lang): sent once, imported at once; the answer counts
 * the rows imported and the rows refused by reason (with the first refused rows' numbers — never a phone).
 */
export function RegistryUpload() {
  const { t } = useTranslation();
  const format = useTowFormat();
  const inputId = useId();
  const reasonsId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadSubmission();
  const [result, setResult] = useState<RegistryImport | null>(null);
  const [error, setError] = useState<ApiError>();
  const [fileError, setFileError] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!file) {
      setFileError(t('towing.registry.fileMissing'));
      inputRef.current?.focus();
      return;
    }
    setFileError(undefined);
    try {
      const imported = await upload.run(true, (options) => towingApi.importRegistry(file, options));
      if (imported) setResult(imported);
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      if (reason.problem.field === 'file') {
        setFileError(problemDetail(reason) ?? reason.problem.title);
        inputRef.current?.focus();
      } else setError(reason);
    }
  };

  const startOver = () => {
    setFile(null);
    setError(undefined);
    setFileError(undefined);
    setResult(null);
  };

  if (result) {
    const reasons = [...REGISTRY_REJECT_REASONS.filter((r) => result.rejectsByReason[r]), ...Object.keys(result.rejectsByReason).filter((r) => !(REGISTRY_REJECT_REASONS as readonly string[]).includes(r))];
    const reasonText = (reason: string) => ((REGISTRY_REJECT_REASONS as readonly string[]).includes(reason) ? t(`towing.registry.reasons.${reason as (typeof REGISTRY_REJECT_REASONS)[number]}`) : reason);
    return (
      <div className="stack" ref={resultRef} tabIndex={-1} data-testid="registry-result">
        <h3>{t('towing.registry.resultTitle', { file: file?.name ?? '' })}</h3>
        <dl className="import-figures">
          {(['rows', 'imported', 'rejected'] as const).map((key) => (
            <div key={key} className={`import-figure import-figure-${key}`}>
              <dt>{t(`towing.registry.figures.${key}`)}</dt>
              <dd data-testid={`registry-${key}`}>{format.integer(result[key])}</dd>
            </div>
          ))}
        </dl>
        {result.imported === 0 ? <p className="alert alert-warning">{t('towing.registry.nothingImported')}</p> : <p className="small muted">{t('towing.registry.replaced')}</p>}
        {reasons.length ? (
          <div className="table-block">
            <p className="table-caption" id={reasonsId}>
              {t('towing.registry.byReason')}
            </p>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={reasonsId}>
              <table className="table" aria-labelledby={reasonsId} data-testid="registry-reasons">
                <thead>
                  <tr>
                    <th scope="col">{t('towing.registry.reason')}</th>
                    <th scope="col" className="num-col">
                      {t('towing.registry.rowsCount')}
                    </th>
                    <th scope="col">{t('towing.registry.exampleRows')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reasons.map((reason) => (
                    <tr key={reason} data-testid={`registry-reject-${reason}`}>
                      <th scope="row">{reasonText(reason)}</th>
                      <td className="num">{format.integer(result.rejectsByReason[reason] ?? 0)}</td>
                      <td>
                        {result.examples
                          .filter((e) => e.reason === reason)
                          .map((e) => format.integer(e.row))
                          .join(', ') || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={startOver} data-testid="registry-another">
            {t('towing.registry.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="registry-form">
      {error ? <ProblemAlert error={error} /> : null}
      <FileInput
        ref={inputRef}
        id={inputId}
        name="file"
        label={t('towing.registry.file')}
        hint={t('towing.registry.hint')}
        error={fileError}
        accept={ACCEPT}
        required
        disabled={upload.busy}
        file={file}
        chooseLabel={t('towing.registry.choose')}
        noFileLabel={t('towing.registry.noFile')}
        onFileChange={(chosen) => {
          setFile(chosen);
          setFileError(undefined);
          setError(undefined);
        }}
      />
      <p className="small muted">{t('towing.registry.privacy')}</p>
      <UploadControls
        progress={upload.progress}
        processing={upload.processing}
        labels={{ sending: t('towing.registry.sending'), processing: t('towing.registry.reading'), submit: t('towing.registry.submit') }}
        processingTestId="registry-reading"
        onCancel={upload.cancel}
      />
    </form>
  );
}
