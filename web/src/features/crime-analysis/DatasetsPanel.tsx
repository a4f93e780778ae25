import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeDataset } from '../../api/crime-analysis.contract';
import { useSubmission } from '../../api/useSubmission';
import { Badge } from '../../ui/Badge';
import { TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors } from '../../ui/useFieldProblem';
import { crimeAnalysisApi } from './crime-analysis.api';
import { useCrimeFormat } from './useCrimeFormat';

export interface DatasetsPanelProps {
  datasets: readonly CrimeDataset[];
  /** A dataset was created: the page reloads the list and works on it. */
  onCreated: (dataset: CrimeDataset) => void;
}

/** Time zones offered as suggestions; any IANA name is accepted. */
const ZONES = ['Asia/Almaty', 'Asia/Aqtobe', 'Asia/Oral', 'America/Vancouver', 'Europe/London', 'UTC'];
const FIELDS = ['id', 'name', 'timeZone', 'public'] as const;

/** The datasets with their size and span, and a form to add one. */
export function DatasetsPanel({ datasets, onCreated }: DatasetsPanelProps) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const captionId = useId();
  return (
    <div className="stack">
      {datasets.length ? (
        <div className="table-block">
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="table stack-table" data-testid="datasets-table">
              <caption id={captionId}>{t('crimeAnalysis.datasets.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crimeAnalysis.datasets.name')}</th>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.datasets.incidents')}
                  </th>
                  <th scope="col">{t('crimeAnalysis.datasets.span')}</th>
                  <th scope="col">{t('crimeAnalysis.datasets.timeZone')}</th>
                </tr>
              </thead>
              <tbody>
                {datasets.map((d) => (
                  <tr key={d.id} data-testid={`dataset-${d.id}`}>
                    <th scope="row" className="wide-cell">
                      {d.name} <code>{d.id}</code>{' '}
                      <span className="badges">
                        {d.public ? <Badge tone="info">{t('crimeAnalysis.datasets.public')}</Badge> : <Badge tone="muted">{t('crimeAnalysis.datasets.private')}</Badge>}
                        {d.synthetic ? <Badge tone="warning">{t('crimeAnalysis.datasets.synthetic')}</Badge> : null}
                      </span>
                    </th>
                    <td className="num" data-label={t('crimeAnalysis.datasets.incidents')} data-testid="dataset-incidents">
                      {format.integer(d.incidents)}
                    </td>
                    <td data-label={t('crimeAnalysis.datasets.span')}>{d.firstAt && d.lastAt ? `${format.date(d.firstAt, d.timeZone)} – ${format.date(d.lastAt, d.timeZone)}` : '—'}</td>
                    <td data-label={t('crimeAnalysis.datasets.timeZone')}>{d.timeZone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className="state state-empty">{t('crimeAnalysis.datasets.none')}</p>
      )}
      <details className="disclosure" open={datasets.length === 0 ? true : undefined} data-testid="dataset-create">
        <summary>{t('crimeAnalysis.datasets.create')}</summary>
        <DatasetForm onCreated={onCreated} />
      </details>
    </div>
  );
}

function DatasetForm({ onCreated }: { onCreated: (dataset: CrimeDataset) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState({ id: '', name: '', timeZone: 'Asia/Almaty', public: false });
  const submission = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(submission.error, FIELDS);

  const handleSubmit = async () => {
    const found: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(values.id)) found.id = t('crimeAnalysis.datasets.idInvalid');
    if (!values.name.trim()) found.name = t('crimeAnalysis.datasets.nameMissing');
    if (!values.timeZone.trim()) found.timeZone = t('crimeAnalysis.datasets.zoneMissing');
    submission.reset();
    if (!passes(found)) return;
    await submission.submit(async () => {
      const created = await crimeAnalysisApi.createDataset({ id: values.id, name: values.name.trim(), timeZone: values.timeZone.trim(), public: values.public });
      setValues({ id: '', name: '', timeZone: values.timeZone, public: false });
      onCreated(created);
    });
  };

  return (
    <SubmitForm testId="dataset-form" onSubmit={handleSubmit} busy={submission.busy} problem={inline ? undefined : submission.error} submitLabel={t('crimeAnalysis.datasets.submit')}>
      <div className="form-grid">
        <TextInput
          id={`${id}-id`}
          label={t('crimeAnalysis.datasets.id')}
          hint={t('crimeAnalysis.datasets.idHint')}
          value={values.id}
          onChange={(e) => setValues({ ...values, id: e.target.value.trim().toLowerCase() })}
          required
          maxLength={41}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('id')}
          data-testid="dataset-id"
        />
        <TextInput id={`${id}-name`} label={t('crimeAnalysis.datasets.name')} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} required maxLength={200} autoComplete="off" error={fieldError('name')} data-testid="dataset-name" />
        <TextInput
          id={`${id}-zone`}
          label={t('crimeAnalysis.datasets.timeZone')}
          hint={t('crimeAnalysis.datasets.timeZoneHint')}
          value={values.timeZone}
          onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
          required
          list={`${id}-zones`}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('timeZone')}
          data-testid="dataset-zone"
        />
        <datalist id={`${id}-zones`}>
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <label className="radio">
        <input type="checkbox" checked={values.public} onChange={(e) => setValues({ ...values, public: e.target.checked })} aria-describedby={`${id}-public-hint`} /> {t('crimeAnalysis.datasets.makePublic')}
      </label>
      <p className="field-hint" id={`${id}-public-hint`}>
        {t('crimeAnalysis.datasets.publicHint')}
      </p>
      {submission.saved ? (
        <p className="success-text" role="status">
          {t('crimeAnalysis.datasets.created')}
        </p>
      ) : null}
    </SubmitForm>
  );
}
