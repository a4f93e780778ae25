import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UploadDone, UploadFileForm, UploadPreviewForm } from '../../ui/UploadPreview';
import { problemDetail } from '../../ui/useFieldProblem';
import { useUploadPreview } from '../../ui/useUploadPreview';
import { ACCEPTED_VALUE_FILES, performanceStaffApi, VALUES_TEMPLATE_URL } from './performance-staff.api';
import type { UploadConfirmResult, UploadPreview, UploadRow } from './performance.types';
import { UploadPreviewTable } from './UploadPreviewTable';

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
  const [show, setShow] = useState<Show>('all');
  const upload = useUploadPreview<UploadPreview, UploadConfirmResult>({
    preview: (file, options) => performanceStaffApi.previewUpload(file, options),
    confirm: (_file, preview) => performanceStaffApi.confirmUpload(goodRows(preview).map((r) => r.row)),
    fileMissing: t('performanceStaff.upload.errors.file'),
    onPreview: () => setShow('all'),
  });
  const { phase, error } = upload;

  if (phase.name === 'choose' || phase.name === 'uploading' || phase.name === 'checking') {
    return (
      <UploadFileForm
        upload={upload}
        testId="upload-form"
        inputId="values-file"
        accept={ACCEPTED_VALUE_FILES}
        problem={error}
        fileError={upload.fileError}
        template={{
          href: VALUES_TEMPLATE_URL,
          download: 'indicator-values-template.csv',
          testId: 'values-template',
          label: t('performanceStaff.upload.template'),
          hint: t('performanceStaff.upload.templateHint'),
        }}
        labels={{
          file: t('performanceStaff.upload.file'),
          hint: t('performanceStaff.upload.fileHint'),
          chooseFile: t('performanceStaff.upload.chooseFile'),
          noFile: t('performanceStaff.upload.noFile'),
          nothingSaved: t('performanceStaff.upload.nothingSaved'),
          sending: t('performanceStaff.upload.uploading'),
          processing: t('performanceStaff.upload.checking'),
          submit: t('performanceStaff.upload.upload'),
        }}
        processingTestId="upload-checking"
      />
    );
  }

  const { preview } = phase;
  const good = goodRows(preview);
  const refused = preview.rows.filter((r) => !r.ok);

  if (phase.name === 'done') {
    return (
      <div className="stack">
        <UploadDone
          upload={upload}
          testId="upload-done"
          title={t('performanceStaff.upload.done')}
          detail={t('performanceStaff.upload.doneDetail', { ...phase.result })}
          againLabel={t('performanceStaff.upload.another')}
        />
        {refused.length ? (
          <>
            <p className="alert alert-warning">{t('performanceStaff.upload.notSaved', { count: refused.length })}</p>
            <UploadPreviewTable rows={refused} caption={t('performanceStaff.upload.refusedCaption', { file: preview.filename })} />
          </>
        ) : null}
      </div>
    );
  }

  const changes = { new: 0, correction: 0, unchanged: 0 };
  for (const r of preview.rows) if (r.ok && r.change) changes[r.change] += 1;
  const failed = failedRow(error, good);

  return (
    <UploadPreviewForm
      upload={upload}
      testId="upload-preview"
      title={t('performanceStaff.upload.previewTitle', { file: preview.filename })}
      countsTestId="upload-counts"
      counts={
        <>
          {t('performanceStaff.upload.counts', { total: preview.rows.length, ok: preview.okCount, bad: preview.badCount })}{' '}
          {t('performanceStaff.upload.changes', changes)} <strong>{t('performanceStaff.upload.nothingSavedYet')}</strong>
        </>
      }
      filter={
        preview.badCount ? (
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
        ) : null
      }
      problem={
        error ? (
          failed ? (
            <div className="alert alert-error" role="alert" data-testid="problem">
              <p className="alert-title">{t('performanceStaff.upload.failedRow', { line: failed.line, column: failed.column || '—' })}</p>
              {problemDetail(error) ? <p>{problemDetail(error)}</p> : null}
              <p className="small">{t('performanceStaff.upload.nothingSavedAfterError')}</p>
            </div>
          ) : (
            <ProblemAlert error={error} />
          )
        ) : null
      }
      sendingLabel={t('performanceStaff.upload.uploading')}
      submit={{ label: t('performanceStaff.upload.save', { count: good.length }), disabled: good.length === 0, testId: 'upload-confirm' }}
      startOverLabel={t('performanceStaff.upload.startOver')}
      footnote={good.length === 0 ? <p className="small muted">{t('performanceStaff.upload.noGoodRows')}</p> : null}
    >
      {preview.rows.length ? (
        <UploadPreviewTable rows={show === 'refused' ? refused : preview.rows} caption={t('performanceStaff.upload.caption', { file: preview.filename })} failedLine={failed?.line} />
      ) : (
        <p className="state state-empty">{t('performanceStaff.upload.empty')}</p>
      )}
    </UploadPreviewForm>
  );
}
