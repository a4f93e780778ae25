import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../api/precincts.contract';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UploadDone, UploadFileForm, UploadPreviewForm } from '../../ui/UploadPreview';
import { useUploadPreview } from '../../ui/useUploadPreview';
import { ImportPreviewTable } from './ImportPreviewTable';
import { IMPORT_KINDS, precinctsApi, type ImportKind } from './precincts.api';

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
  const [onlyRefused, setOnlyRefused] = useState(false);
  const upload = useUploadPreview<ImportPreview, ImportResult>({
    preview: (file, options) => precinctsApi.previewImport(kind, file, options),
    confirm: (file, _preview, options) => precinctsApi.confirmImport(kind, file, options),
    fileMissing: t(`precincts.import.kinds.${kind}.fileMissing`),
    onPreview: (preview) => setOnlyRefused(preview.badCount > 0),
    onSaved: () => onImported?.(),
  });
  const { phase, error } = upload;

  if (phase.name === 'choose' || phase.name === 'uploading' || phase.name === 'checking') {
    // A problem with the file itself is said under the file field.
    const fileProblem = error?.problem.field === 'file' ? (error.problem.detail ?? error.problem.title) : undefined;
    return (
      <UploadFileForm
        upload={upload}
        testId={`import-form-${kind}`}
        inputId={inputId}
        accept={spec.accept}
        problem={fileProblem === undefined ? error : undefined}
        fileError={upload.fileError ?? fileProblem}
        template={spec.template ? { href: spec.template, testId: `import-template-${kind}`, label: t('precincts.import.template'), hint: t('precincts.import.templateHint') } : null}
        labels={{
          file: t(`precincts.import.kinds.${kind}.file`),
          hint: t(`precincts.import.kinds.${kind}.hint`),
          chooseFile: t('precincts.import.chooseFile'),
          noFile: t('precincts.import.noFile'),
          nothingSaved: t('precincts.import.nothingSaved'),
          sending: t('precincts.import.uploading'),
          processing: t('precincts.import.checking'),
          submit: t('precincts.import.check'),
        }}
        processingTestId={`import-checking-${kind}`}
      />
    );
  }

  const { preview } = phase;
  if (phase.name === 'done') {
    return (
      <UploadDone
        upload={upload}
        testId={`import-done-${kind}`}
        title={t('precincts.import.done', { file: preview.filename })}
        detail={t('precincts.import.doneDetail', phase.result)}
        againLabel={t('precincts.import.another')}
      />
    );
  }

  const refused = preview.rows.filter((r) => !r.ok);
  const changes = { new: 0, update: 0, same: 0 };
  for (const r of preview.rows) if (r.ok && r.change) changes[r.change] += 1;
  const canSave = preview.badCount === 0 && preview.rows.length > 0;
  return (
    <UploadPreviewForm
      upload={upload}
      testId={`import-preview-${kind}`}
      title={t('precincts.import.previewTitle', { file: preview.filename })}
      countsTestId="import-counts"
      counts={
        <>
          {t('precincts.import.counts', { total: preview.rows.length, ok: preview.okCount, bad: preview.badCount })} {t('precincts.import.changes', changes)}{' '}
          <strong>{t('precincts.import.nothingSavedYet')}</strong>
        </>
      }
      filter={
        preview.badCount ? (
          <label className="radio">
            <input type="checkbox" checked={onlyRefused} onChange={(e) => setOnlyRefused(e.target.checked)} /> {t('precincts.import.onlyRefused', { n: refused.length })}
          </label>
        ) : null
      }
      problem={error ? <ProblemAlert error={error} /> : null}
      sendingLabel={t('precincts.import.uploading')}
      blocked={
        canSave
          ? null
          : {
              id: `${inputId}-blocked`,
              testId: 'import-blocked',
              text: preview.rows.length ? t('precincts.import.fixFirst', { n: preview.badCount }) : t('precincts.import.empty'),
            }
      }
      submit={{
        label: canSave ? t('precincts.import.save', { n: preview.okCount }) : t('precincts.import.saveBlocked'),
        disabled: !canSave,
        testId: `import-confirm-${kind}`,
      }}
      startOverLabel={t('precincts.import.startOver')}
    >
      {preview.rows.length ? (
        <ImportPreviewTable rows={onlyRefused ? refused : preview.rows} caption={t('precincts.import.caption', { file: preview.filename })} />
      ) : (
        <p className="state state-empty">{t('precincts.import.empty')}</p>
      )}
    </UploadPreviewForm>
  );
}
