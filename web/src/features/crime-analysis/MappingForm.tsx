import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { CrimeDataset, ImportMapping, IncidentUpload, SavedMapping } from '../../api/crime-analysis.contract';
import { Select, TextInput } from '../../ui/fields';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { problemDetail, useFormErrors } from '../../ui/useFieldProblem';
import { useLocale } from '../../i18n/useLocale';
import { ColumnSelect } from './ColumnSelect';
import { CUSTOM_CRS, draftOf, MAPPING_FIELDS, mappingOf, NAMED_CRS, type MappingDraft, type PlaceKind, type TimeKind } from './mapping';

export interface MappingFormProps {
  upload: IncidentUpload;
  draft: MappingDraft;
  onDraftChange: (draft: MappingDraft) => void;
  datasets: readonly CrimeDataset[];
  datasetId: string;
  onDatasetChange: (id: string) => void;
  savedMappings: readonly SavedMapping[];
  saveAs: string;
  onSaveAsChange: (name: string) => void;
  /** The server's answer to the last try (a 400 names the field). */
  error: ApiError | undefined;
  busy: boolean;
  onSubmit: (mapping: ImportMapping) => void;
  onStartOver: () => void;
}

const SAMPLE_ROWS = 5;

/**
 * Step 2 of an import: the file's first rows, and which column holds what — time, category, place,
 * and optionally the source's id, district and whether the case was cleared. Starts from a guess.
 */
export function MappingForm({ upload, draft, onDraftChange, datasets, datasetId, onDatasetChange, savedMappings, saveAs, onSaveAsChange, error, busy, onSubmit, onStartOver }: MappingFormProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldError, inline, passes } = useFormErrors(error, MAPPING_FIELDS);
  const exact = (field: string) => (error && error.problem.field === field ? (problemDetail(error) ?? error.problem.title) : undefined);
  const set = <K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) => onDraftChange({ ...draft, [key]: value });
  const columnError = fieldError;
  const missingText = { column: t('crimeAnalysis.mapping.chooseColumn'), crs: t('crimeAnalysis.mapping.crsMissing'), clearedValues: t('crimeAnalysis.mapping.clearedValuesMissing') };
  const usable = savedMappings.filter((m) => m.mapping.format === upload.format);
  const sampleCaptionId = `${id}-sample`;

  // The server's answer names a field: take the reader there.
  // (After the upload step's own focus move, which runs later in this commit.)
  useEffect(() => {
    if (!error) return;
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [error]);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { mapping, missing } = mappingOf(draft, upload);
    const found: Record<string, string> = {};
    for (const [field, message] of Object.entries(missing)) if (message) found[field] = missingText[message];
    if (!datasetId) found.datasetId = t('crimeAnalysis.mapping.datasetMissing');
    if (!passes(found) || !mapping) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    onSubmit(mapping);
  };

  const column = (field: string, key: keyof MappingDraft, label: string, options: { required?: boolean; hint?: string } = {}) => (
    <ColumnSelect
      id={`${id}-${field}`}
      label={label}
      {...(options.hint ? { hint: options.hint } : {})}
      header={upload.header}
      value={String(draft[key])}
      onChange={(value) => set(key, value as never)}
      required={options.required ?? false}
      error={columnError(field)}
      testId={`mapping-${field.replace(/^mapping\./, '')}`}
    />
  );

  const timeError = exact('mapping.time');
  const placeError = exact('mapping.place') ?? exact('mapping.place.kind');

  return (
    <form ref={formRef} className="form mapping-form" onSubmit={handleSubmit} noValidate data-testid="mapping-form">
      <p data-testid="upload-summary">
        {t('crimeAnalysis.mapping.uploaded', { file: upload.fileName, size: formatNumber(Math.max(1, Math.round(upload.bytes / 1024))), columns: upload.header.length })} <strong>{t('crimeAnalysis.mapping.nothingYet')}</strong>
      </p>

      {upload.header.length > 0 ? (
        <div className="table-block">
          <p className="table-caption" id={sampleCaptionId}>
            {t('crimeAnalysis.mapping.sample', { n: Math.min(SAMPLE_ROWS, upload.sample.length) })}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={sampleCaptionId}>
            <table className="table sample-table" aria-labelledby={sampleCaptionId} data-testid="upload-sample">
              <thead>
                <tr>
                  {upload.header.map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {upload.sample.slice(0, SAMPLE_ROWS).map((row, r) => (
                  <tr key={r}>
                    {upload.header.map((name, c) => (
                      <td key={name}>{row[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className="muted">{t('crimeAnalysis.mapping.geojson')}</p>
      )}

      <div className="form-grid">
        <Select id={`${id}-dataset`} label={t('crimeAnalysis.mapping.dataset')} value={datasetId} onChange={(e) => onDatasetChange(e.target.value)} required error={fieldError('datasetId')} data-testid="mapping-dataset">
          <option value="">{t('common.choose')}</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.id})
            </option>
          ))}
        </Select>
        <Select
          id={`${id}-saved`}
          label={t('crimeAnalysis.mapping.saved')}
          hint={usable.length ? t('crimeAnalysis.mapping.savedHint') : t('crimeAnalysis.mapping.savedNone')}
          value=""
          disabled={usable.length === 0}
          onChange={(e) => {
            const saved = usable.find((m) => m.name === e.target.value);
            if (saved) onDraftChange(draftOf(saved.mapping));
          }}
          data-testid="mapping-saved"
        >
          <option value="">{t('crimeAnalysis.mapping.savedPick')}</option>
          {usable.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="fieldset" aria-describedby={timeError ? `${id}-time-error` : undefined} data-testid="mapping-time">
        <legend>{t('crimeAnalysis.mapping.time')}</legend>
        <div className="radio-row" role="radiogroup" aria-label={t('crimeAnalysis.mapping.timeKind')}>
          {(['timestamp', 'date', 'ymd'] as const satisfies readonly TimeKind[]).map((kind) => (
            <label key={kind} className="radio">
              <input type="radio" name={`${id}-time-kind`} value={kind} checked={draft.timeKind === kind} onChange={() => set('timeKind', kind)} /> {t(`crimeAnalysis.mapping.timeKinds.${kind}`)}
            </label>
          ))}
        </div>
        <div className="form-grid">
          {draft.timeKind === 'timestamp' ? column('mapping.time.column', 'timestamp', t('crimeAnalysis.mapping.timestamp'), { required: true, hint: t('crimeAnalysis.mapping.timestampHint') }) : null}
          {draft.timeKind === 'date' ? column('mapping.time.date', 'date', t('crimeAnalysis.mapping.date'), { required: true, hint: t('crimeAnalysis.mapping.dateHint') }) : null}
          {draft.timeKind === 'ymd' ? (
            <>
              {column('mapping.time.year', 'year', t('crimeAnalysis.mapping.year'), { required: true })}
              {column('mapping.time.month', 'month', t('crimeAnalysis.mapping.month'), { required: true })}
              {column('mapping.time.day', 'day', t('crimeAnalysis.mapping.day'), { required: true })}
            </>
          ) : null}
          {draft.timeKind !== 'timestamp' ? (
            <>
              {column('mapping.time.hour', 'hour', t('crimeAnalysis.mapping.hour'))}
              {column('mapping.time.minute', 'minute', t('crimeAnalysis.mapping.minute'))}
            </>
          ) : null}
        </div>
        <label className="radio">
          <input type="checkbox" checked={draft.midnightUnknown} onChange={(e) => set('midnightUnknown', e.target.checked)} aria-describedby={`${id}-midnight-hint`} data-testid="mapping-midnight" /> {t('crimeAnalysis.mapping.midnightUnknown')}
        </label>
        <p className="field-hint" id={`${id}-midnight-hint`}>
          {t('crimeAnalysis.mapping.midnightHint')}
        </p>
        {timeError ? (
          <p className="field-error" id={`${id}-time-error`}>
            {timeError}
          </p>
        ) : null}
      </fieldset>

      <div className="form-grid">{column('mapping.category', 'category', t('crimeAnalysis.mapping.category'), { required: true, hint: t('crimeAnalysis.mapping.categoryHint') })}</div>

      <fieldset className="fieldset" aria-describedby={placeError ? `${id}-place-error` : undefined} data-testid="mapping-place">
        <legend>{t('crimeAnalysis.mapping.place')}</legend>
        {upload.format === 'geojson' ? (
          <p className="small">{t('crimeAnalysis.mapping.placeGeometry')}</p>
        ) : (
          <>
            <div className="radio-row" role="radiogroup" aria-label={t('crimeAnalysis.mapping.placeKind')}>
              {(['lonlat', 'xy'] as const satisfies readonly PlaceKind[]).map((kind) => (
                <label key={kind} className="radio">
                  <input type="radio" name={`${id}-place-kind`} value={kind} checked={draft.placeKind === kind} onChange={() => set('placeKind', kind)} /> {t(`crimeAnalysis.mapping.placeKinds.${kind}`)}
                </label>
              ))}
            </div>
            <div className="form-grid">
              {draft.placeKind === 'lonlat' ? (
                <>
                  {column('mapping.place.lon', 'lon', t('crimeAnalysis.mapping.lon'), { required: true })}
                  {column('mapping.place.lat', 'lat', t('crimeAnalysis.mapping.lat'), { required: true })}
                </>
              ) : null}
              {draft.placeKind === 'xy' ? (
                <>
                  {column('mapping.place.x', 'x', t('crimeAnalysis.mapping.x'), { required: true })}
                  {column('mapping.place.y', 'y', t('crimeAnalysis.mapping.y'), { required: true })}
                  <Select
                    id={`${id}-crs`}
                    label={t('crimeAnalysis.mapping.crs')}
                    hint={t('crimeAnalysis.mapping.crsHint')}
                    value={draft.crs}
                    onChange={(e) => set('crs', e.target.value)}
                    required
                    error={draft.crs === CUSTOM_CRS ? undefined : columnError('mapping.place.crs')}
                    data-testid="mapping-crs"
                  >
                    {NAMED_CRS.map((code) => (
                      <option key={code} value={code}>
                        {t(`crimeAnalysis.mapping.crsNames.${code.replace(':', '_') as 'EPSG_4326'}`)}
                      </option>
                    ))}
                    <option value={CUSTOM_CRS}>{t('crimeAnalysis.mapping.crsCustom')}</option>
                  </Select>
                  {draft.crs === CUSTOM_CRS ? (
                    <TextInput
                      id={`${id}-proj4`}
                      label={t('crimeAnalysis.mapping.proj4')}
                      hint={t('crimeAnalysis.mapping.proj4Hint')}
                      value={draft.customCrs}
                      onChange={(e) => set('customCrs', e.target.value)}
                      required
                      error={columnError('mapping.place.crs')}
                      spellCheck={false}
                      autoComplete="off"
                      data-testid="mapping-proj4"
                    />
                  ) : null}
                </>
              ) : null}
            </div>
          </>
        )}
        {placeError ? (
          <p className="field-error" id={`${id}-place-error`}>
            {placeError}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('crimeAnalysis.mapping.optional')}</legend>
        <div className="form-grid">
          {column('mapping.externalId', 'externalId', t('crimeAnalysis.mapping.externalId'), { hint: t('crimeAnalysis.mapping.externalIdHint') })}
          {column('mapping.district', 'district', t('crimeAnalysis.mapping.district'))}
          {column('mapping.cleared.column', 'clearedColumn', t('crimeAnalysis.mapping.cleared'))}
          {draft.clearedColumn ? (
            <TextInput
              id={`${id}-cleared-values`}
              label={t('crimeAnalysis.mapping.clearedValues')}
              hint={t('crimeAnalysis.mapping.clearedValuesHint')}
              value={draft.clearedValues}
              onChange={(e) => set('clearedValues', e.target.value)}
              required
              error={columnError('mapping.cleared.values')}
              autoComplete="off"
            />
          ) : null}
        </div>
      </fieldset>

      <TextInput
        id={`${id}-save-as`}
        label={t('crimeAnalysis.mapping.saveAs')}
        hint={t('crimeAnalysis.mapping.saveAsHint')}
        value={saveAs}
        onChange={(e) => onSaveAsChange(e.target.value)}
        maxLength={100}
        error={fieldError('saveMappingAs')}
        autoComplete="off"
        data-testid="mapping-save-as"
      />

      {error && !inline ? <ProblemAlert error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="import-start">
          {busy ? t('crimeAnalysis.mapping.starting') : t('crimeAnalysis.mapping.import')}
        </button>
        <button type="button" className="button button-link" onClick={onStartOver} disabled={busy}>
          {t('crimeAnalysis.mapping.otherFile')}
        </button>
      </div>
    </form>
  );
}
