import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORECAST_METHODS, type CrimeDataset, type CrimeLine, type ForecastMethod, type TaskView } from '../../api/crime-analysis.contract';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { Select, TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors } from '../../ui/useFieldProblem';
import { crimeAnalysisApi } from './crime-analysis.api';
import { isDay, midnightIn } from './dates';
import { ForecastRun, TOP_CHOICES } from './ForecastRun';
import { LinesPicker } from './LinesPicker';
import { paramsOf, type ParamDraft, type ParamName } from './methods';
import { ParamFields } from './ParamFields';
import { RecentRuns } from './RecentRuns';
import { HorizonField, LookbackCellFields, useRunSettingsCheck } from './RunSettingsFields';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';

export interface ForecastPanelProps {
  dataset: CrimeDataset;
  lines: readonly CrimeLine[];
}

const FIELDS = ['lines', 'method', 'params', 'origin', 'horizonDays', 'lookbackDays', 'cellSize', 'dataset'] as const;

/** Run a grid forecast of a dataset (one method, some lines), watch it, and see its riskiest cells on the map. */
export function ForecastPanel({ dataset, lines }: ForecastPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const format = useCrimeFormat();
  const text = useMethodText(lines);
  const checkSettings = useRunSettingsCheck();
  const [form, setForm] = useState({ lines: [] as string[], method: 'sepp' as ForecastMethod, horizon: '1', lookback: '', cellSize: '150', origin: '', top: '300' });
  const [params, setParams] = useState<ParamDraft>({});
  const [current, setCurrent] = useState<{ id: string; task: TaskView | null } | null>(null);
  const submission = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(submission.error, FIELDS);
  const recent = useQuery((signal) => crimeAnalysisApi.forecasts(dataset.id, signal), [dataset.id]);
  const top = Number(form.top);

  const handleSubmit = async () => {
    const found: Record<string, string> = {};
    const { horizon, cellSize, lookback } = checkSettings(form, found);
    if (form.origin && !isDay(form.origin)) found.origin = t('crimeAnalysis.forecast.originInvalid');
    const checked = paramsOf(form.method, params);
    for (const name of checked.invalid) found[`params.${name}`] = t('crimeAnalysis.params.invalid');
    submission.reset();
    if (!passes(found) || horizon === null || cellSize === null || lookback === null) return;
    await submission.submit(async () => {
      const started = await crimeAnalysisApi.startForecast({
        dataset: dataset.id,
        lines: form.lines,
        method: form.method,
        params: checked.params,
        horizonDays: horizon,
        cellSize,
        ...(lookback !== undefined ? { lookbackDays: lookback } : {}),
        ...(form.origin ? { origin: midnightIn(form.origin, dataset.timeZone) } : {}),
      });
      setCurrent({ id: started.id, task: started.task });
    });
  };

  const paramErrors: Partial<Record<ParamName, string>> = {};
  for (const name of ['bandwidth', 'radius', 'weeks', 'iterations'] as const) {
    const message = fieldError(`params.${name}`);
    if (message) paramErrors[name] = message;
  }

  return (
    <div className="stack">
      <SubmitForm testId="forecast-form" onSubmit={handleSubmit} busy={submission.busy} problem={inline ? undefined : submission.error} submitLabel={t('crimeAnalysis.forecast.submit')}>
        <LinesPicker idPrefix={`${id}-forecast`} lines={lines} value={form.lines} onChange={(codes) => setForm({ ...form, lines: codes })} error={fieldError('lines')} />
        <div className="form-grid">
          <Select
            id={`${id}-method`}
            label={t('crimeAnalysis.forecast.method')}
            hint={t(`crimeAnalysis.methods.${form.method}.about`)}
            value={form.method}
            onChange={(e) => setForm({ ...form, method: e.target.value as ForecastMethod })}
            error={fieldError('method')}
            data-testid="forecast-method"
          >
            {FORECAST_METHODS.map((method) => (
              <option key={method} value={method}>
                {text.methodName(method)}
              </option>
            ))}
          </Select>
          <ParamFields idPrefix={`${id}-forecast`} method={form.method} value={params} onChange={setParams} errors={paramErrors} />
          <HorizonField
            idPrefix={id}
            value={form}
            onChange={(patch) => setForm({ ...form, ...patch })}
            fieldError={fieldError}
            label={t('crimeAnalysis.forecast.horizon')}
            hint={t('crimeAnalysis.forecast.horizonHint')}
            testId="forecast-horizon"
          />
          <TextInput
            id={`${id}-origin`}
            type="date"
            label={t('crimeAnalysis.forecast.origin')}
            hint={t('crimeAnalysis.forecast.originHint', { zone: dataset.timeZone, last: dataset.lastAt ? format.dateTime(dataset.lastAt, dataset.timeZone) : '—' })}
            value={form.origin}
            onChange={(e) => setForm({ ...form, origin: e.target.value })}
            error={fieldError('origin')}
            data-testid="forecast-origin"
          />
          <LookbackCellFields idPrefix={id} value={form} onChange={(patch) => setForm({ ...form, ...patch })} fieldError={fieldError} />
          <Select id={`${id}-top`} label={t('crimeAnalysis.forecast.top')} hint={t('crimeAnalysis.forecast.topHint')} value={form.top} onChange={(e) => setForm({ ...form, top: e.target.value })}>
            {TOP_CHOICES.map((n) => (
              <option key={n} value={n}>
                {format.integer(n)}
              </option>
            ))}
          </Select>
        </div>
      </SubmitForm>

      {current ? <ForecastRun key={current.id} id={current.id} top={top} startedTask={current.task} dataset={dataset} lines={lines} onFinished={recent.reload} /> : null}

      <RecentRuns
        testId="recent-forecasts"
        title={t('crimeAnalysis.forecast.recent')}
        empty={t('crimeAnalysis.forecast.noneYet')}
        query={recent}
        describe={(run) => `${text.methodName(run.method)} · ${text.linesText(run.lines)} · ${t('crimeAnalysis.forecast.fromFor', { origin: format.dateTime(run.origin, dataset.timeZone), days: format.decimal(run.horizonDays) })}`}
        currentId={current?.id}
        onShow={(runId) => setCurrent({ id: runId, task: null })}
      />
    </div>
  );
}
