import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORECAST_METHODS, type CrimeDataset, type CrimeLine, type ForecastMethod, type MethodChoice, type MethodSpec, type TaskView } from '../../api/crime-analysis.contract';
import { useQuery } from '../../api/useQuery';
import { useSubmission } from '../../api/useSubmission';
import { TextInput } from '../../ui/fields';
import { SubmitForm } from '../../ui/SubmitForm';
import { useFormErrors } from '../../ui/useFieldProblem';
import { BacktestRun } from './BacktestRun';
import { crimeAnalysisApi } from './crime-analysis.api';
import { addDays, dayIn, isDay } from './dates';
import { LinesPicker } from './LinesPicker';
import { METHOD_PARAMS, paramsOf, type ParamDraft, type ParamName } from './methods';
import { ParamFields } from './ParamFields';
import { RecentRuns } from './RecentRuns';
import { HorizonField, LookbackCellFields, useRunSettingsCheck } from './RunSettingsFields';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';

export interface BacktestPanelProps {
  dataset: CrimeDataset;
  lines: readonly CrimeLine[];
  /** After the analyst chose a method from a backtest: the page shows the new choices. */
  onChosen: (choices: MethodChoice[]) => void;
}

type Preset = 'vancouver' | 'rolling';
const FIELDS = ['lines', 'start', 'end', 'horizonDays', 'lookbackDays', 'cellSize', 'methods', 'dataset'] as const;
const ROLLING_WEEKS = 12;

/**
 * Compare forecast methods on the dataset's own past: rolling-origin folds over a test period, scored by
 * hit rate, PAI and PEI at 1, 5 and 10 % of the area; then choose the method to use for a line.
 */
export function BacktestPanel({ dataset, lines, onChosen }: BacktestPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const format = useCrimeFormat();
  const text = useMethodText(lines);
  const checkSettings = useRunSettingsCheck();
  const [form, setForm] = useState({ lines: [] as string[], start: '', end: '', horizon: '7', lookback: '', cellSize: '150' });
  const [methods, setMethods] = useState<Record<ForecastMethod, boolean>>({ naive: true, kde: true, prospective: true, sepp: true });
  const [params, setParams] = useState<Record<ForecastMethod, ParamDraft>>({ naive: {}, kde: {}, prospective: {}, sepp: {} });
  const [applied, setApplied] = useState<Preset | null>(null);
  const [current, setCurrent] = useState<{ id: string; task: TaskView | null } | null>(null);
  const submission = useSubmission();
  const { fieldError, inline, passes } = useFormErrors(submission.error, FIELDS);
  const recent = useQuery((signal) => crimeAnalysisApi.backtests(dataset.id, signal), [dataset.id]);

  const lastDay = dataset.lastAt ? dayIn(dataset.lastAt, dataset.timeZone) : null;
  const applyPreset = (preset: Preset) => {
    if (preset === 'vancouver') setForm({ ...form, start: '2020-07-01', end: '2021-01-01', horizon: '184', lookback: '' });
    else if (lastDay) {
      const end = addDays(lastDay, 1);
      setForm({ ...form, start: addDays(end, -7 * ROLLING_WEEKS), end, horizon: '7', lookback: '' });
    }
    setApplied(preset);
  };

  const handleSubmit = async () => {
    const found: Record<string, string> = {};
    if (!isDay(form.start)) found.start = t('crimeAnalysis.backtest.dateMissing');
    if (!isDay(form.end)) found.end = t('crimeAnalysis.backtest.dateMissing');
    else if (isDay(form.start) && form.end <= form.start) found.end = t('crimeAnalysis.backtest.endBeforeStart');
    const { horizon, cellSize, lookback } = checkSettings(form, found);
    const chosen = FORECAST_METHODS.filter((m) => methods[m]);
    if (chosen.length === 0) found.methods = t('crimeAnalysis.backtest.methodsMissing');
    const specs: MethodSpec[] = [];
    for (const method of chosen) {
      const checked = paramsOf(method, params[method]);
      for (const name of checked.invalid) found[`methods.${method}.${name}`] = t('crimeAnalysis.params.invalid');
      specs.push({ method, params: checked.params });
    }
    submission.reset();
    if (!passes(found) || horizon === null || cellSize === null || lookback === null) return;
    await submission.submit(async () => {
      const started = await crimeAnalysisApi.startBacktest({
        dataset: dataset.id,
        lines: form.lines,
        start: form.start,
        end: form.end,
        horizonDays: horizon,
        cellSize,
        methods: specs,
        ...(lookback !== undefined ? { lookbackDays: lookback } : {}),
      });
      setCurrent({ id: started.id, task: started.task });
    });
  };

  const paramErrors = (method: ForecastMethod) => {
    const out: Partial<Record<ParamName, string>> = {};
    for (const spec of METHOD_PARAMS[method]) {
      const message = fieldError(`methods.${method}.${spec.name}`);
      if (message) out[spec.name] = message;
    }
    return out;
  };
  const methodsError = fieldError('methods');

  return (
    <div className="stack">
      <div className="presets" role="group" aria-labelledby={`${id}-presets`}>
        <p id={`${id}-presets`} className="field-label">
          {t('crimeAnalysis.backtest.presets')}
        </p>
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => applyPreset('vancouver')} data-testid="preset-vancouver">
            {t('crimeAnalysis.backtest.presetVancouver')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => applyPreset('rolling')} disabled={!lastDay} data-testid="preset-rolling">
            {t('crimeAnalysis.backtest.presetRolling', { weeks: ROLLING_WEEKS })}
          </button>
        </div>
        <p className="small muted" role="status">
          {applied === 'vancouver' ? t('crimeAnalysis.backtest.appliedVancouver') : applied === 'rolling' ? t('crimeAnalysis.backtest.appliedRolling', { start: form.start, end: form.end }) : null}
        </p>
      </div>

      <SubmitForm testId="backtest-form" onSubmit={handleSubmit} busy={submission.busy} problem={inline ? undefined : submission.error} submitLabel={t('crimeAnalysis.backtest.submit')}>
        <LinesPicker idPrefix={`${id}-backtest`} lines={lines} value={form.lines} onChange={(codes) => setForm({ ...form, lines: codes })} error={fieldError('lines')} />
        <div className="form-grid">
          <TextInput id={`${id}-start`} type="date" label={t('crimeAnalysis.backtest.start')} hint={t('crimeAnalysis.backtest.startHint')} value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} error={fieldError('start')} required data-testid="backtest-start" />
          <TextInput id={`${id}-end`} type="date" label={t('crimeAnalysis.backtest.end')} hint={t('crimeAnalysis.backtest.endHint')} value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} error={fieldError('end')} required data-testid="backtest-end" />
          <HorizonField
            idPrefix={id}
            value={form}
            onChange={(patch) => setForm({ ...form, ...patch })}
            fieldError={fieldError}
            label={t('crimeAnalysis.backtest.horizon')}
            hint={t('crimeAnalysis.backtest.horizonHint')}
            testId="backtest-horizon"
          />
          <LookbackCellFields idPrefix={id} value={form} onChange={(patch) => setForm({ ...form, ...patch })} fieldError={fieldError} />
        </div>
        <fieldset className="fieldset" aria-describedby={methodsError ? `${id}-methods-error` : undefined} data-testid="backtest-methods">
          <legend>{t('crimeAnalysis.backtest.methods')}</legend>
          {FORECAST_METHODS.map((method) => (
            <div key={method} className="method-option">
              <label className="radio">
                <input type="checkbox" checked={methods[method]} onChange={(e) => setMethods({ ...methods, [method]: e.target.checked })} data-testid={`backtest-method-${method}`} /> {text.methodName(method)}
              </label>
              <p className="field-hint">{t(`crimeAnalysis.methods.${method}.about`)}</p>
              {methods[method] && METHOD_PARAMS[method].length ? (
                <div className="form-grid">
                  <ParamFields idPrefix={`${id}-backtest`} method={method} value={params[method]} onChange={(value) => setParams({ ...params, [method]: value })} errors={paramErrors(method)} />
                </div>
              ) : null}
            </div>
          ))}
          {methodsError ? (
            <p className="field-error" id={`${id}-methods-error`}>
              {methodsError}
            </p>
          ) : null}
        </fieldset>
      </SubmitForm>

      {current ? <BacktestRun key={current.id} id={current.id} startedTask={current.task} dataset={dataset} lines={lines} onFinished={recent.reload} onChosen={onChosen} /> : null}

      <RecentRuns
        testId="recent-backtests"
        title={t('crimeAnalysis.backtest.recent')}
        empty={t('crimeAnalysis.backtest.noneYet')}
        query={recent}
        describe={(run) => `${run.params.methods.map((m) => text.methodName(m.method)).join(', ')} · ${text.linesText(run.params.lines ?? [])} · ${run.params.start} – ${run.params.end}`}
        note={(run) => format.dateTime(run.createdAt)}
        currentId={current?.id}
        onShow={(runId) => setCurrent({ id: runId, task: null })}
      />
    </div>
  );
}
