import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeDataset, ImportMapping, IncidentImport as ImportView, IncidentUpload } from '../../api/crime-analysis.contract';
import { useQuery } from '../../api/useQuery';
import { UploadFileForm } from '../../ui/UploadPreview';
import { useUploadPreview } from '../../ui/useUploadPreview';
import { crimeAnalysisApi } from './crime-analysis.api';
import { ImportRun } from './ImportRun';
import { guessMapping, type MappingDraft } from './mapping';
import { MappingForm } from './MappingForm';

export interface IncidentImportProps {
  datasets: readonly CrimeDataset[];
  datasetId: string;
  onDatasetChange: (id: string) => void;
  /** After an import has finished (the dataset's counts and categories have changed). */
  onImported: (run: ImportView) => void;
}

const ACCEPT = '.csv,.txt,.tsv,.geojson,.json,text/csv,application/geo+json,application/json';

/**
 * An incidents file into a dataset: send the file (with progress), say which column holds what
 * (guessed from the column names, or a saved mapping), then watch the import and read its outcome.
 */
export function IncidentImport({ datasets, datasetId, onDatasetChange, onImported }: IncidentImportProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const savedMappings = useQuery((signal) => crimeAnalysisApi.mappings(signal), []);

  // The mapping the analyst just confirmed: `save()` runs `confirm` at once, before state could carry it.
  const mappingRef = useRef<ImportMapping | null>(null);

  const upload = useUploadPreview<IncidentUpload, ImportView>({
    preview: (file, options) => crimeAnalysisApi.upload(file, options),
    confirm: (_file, sent) => {
      const mapping = mappingRef.current;
      if (!mapping) throw new Error('no mapping to import with');
      return crimeAnalysisApi.startImport({ uploadId: sent.uploadId, datasetId, mapping, ...(saveAs.trim() ? { saveMappingAs: saveAs.trim() } : {}) });
    },
    fileMissing: t('crimeAnalysis.upload.fileMissing'),
    onPreview: (sent) => setDraft(guessMapping(sent)),
    onSaved: () => {
      if (saveAs.trim()) savedMappings.reload();
    },
  });
  const { phase, error } = upload;

  const handleImport = (mapping: ImportMapping) => {
    mappingRef.current = mapping;
    void upload.save();
  };

  const reportFinished = useCallback((run: ImportView) => onImported(run), [onImported]);

  if (phase.name === 'choose' || phase.name === 'uploading' || phase.name === 'checking') {
    const fileProblem = error?.problem.field === 'file' ? (error.problem.detail ?? error.problem.title) : undefined;
    return (
      <UploadFileForm
        upload={upload}
        testId="upload-form"
        inputId={inputId}
        accept={ACCEPT}
        problem={fileProblem === undefined ? error : undefined}
        fileError={upload.fileError ?? fileProblem}
        labels={{
          file: t('crimeAnalysis.upload.file'),
          hint: t('crimeAnalysis.upload.hint'),
          chooseFile: t('crimeAnalysis.upload.chooseFile'),
          noFile: t('crimeAnalysis.upload.noFile'),
          nothingSaved: t('crimeAnalysis.upload.nothingSaved'),
          sending: t('crimeAnalysis.upload.sending'),
          processing: t('crimeAnalysis.upload.reading'),
          submit: t('crimeAnalysis.upload.submit'),
        }}
        processingTestId="upload-reading"
      />
    );
  }

  if (phase.name === 'done') {
    return (
      <div className="stack" ref={upload.resultRef} tabIndex={-1}>
        <ImportRun started={phase.result} onFinished={reportFinished} />
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              upload.startOver();
            }}
            data-testid="import-another"
          >
            {t('crimeAnalysis.import.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div ref={upload.resultRef} tabIndex={-1}>
      <MappingForm
        upload={phase.preview}
        draft={draft ?? guessMapping(phase.preview)}
        onDraftChange={setDraft}
        datasets={datasets}
        datasetId={datasetId}
        onDatasetChange={onDatasetChange}
        savedMappings={savedMappings.data ?? []}
        saveAs={saveAs}
        onSaveAsChange={setSaveAs}
        error={error}
        busy={phase.name === 'saving'}
        onSubmit={handleImport}
        onStartOver={() => {
          upload.startOver();
        }}
      />
    </div>
  );
}

